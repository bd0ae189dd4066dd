package id.pantau.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The report module's API for counting what volunteers filed, for contribution figures: the
 * reports received in a period that were filed for a partner or a team (the affiliation a
 * volunteer's report carries, see {@link SubmitterAffiliations}), and the accounts that filed them.
 */
@Service
public class ReportCounts {

    private final JdbcClient jdbc;

    ReportCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many reports were filed for a partner or team in a period, and by which accounts. */
    public record Filed(long reports, List<Long> submitters) {

        public Filed {
            submitters = List.copyOf(submitters);
        }
    }

    /** Reports received in [from, to) filed by volunteers of the partner or of a team it formed. */
    public Filed forPartner(long partnerId, Instant from, Instant to) {
        return filed("affiliation_partner_ids", partnerId, from, to);
    }

    /** Reports received in [from, to) filed by members of the team. */
    public Filed forTeam(long teamId, Instant from, Instant to) {
        return filed("affiliation_team_ids", teamId, from, to);
    }

    private Filed filed(String column, long id, Instant from, Instant to) {
        String where = " from report where %s @> array[?]::bigint[] and received_at >= ? and received_at < ?".formatted(column);
        long reports = jdbc.sql("select count(*)" + where).params(id, Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).single();
        List<Long> submitters = reports == 0 ? List.of()
                : jdbc.sql("select distinct submitted_by" + where + " and submitted_by is not null")
                        .params(id, Timestamp.from(from), Timestamp.from(to)).query(Long.class).list();
        return new Filed(reports, submitters);
    }
}
