package id.pantau.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The report module's API for counting what people submitted, for contribution figures: how many
 * reports the given accounts filed in a period, and which of them filed any.
 */
@Service
public class ReportCounts {

    private final JdbcClient jdbc;

    ReportCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reports received in [from, to) that were submitted by one of the accounts. */
    public long submittedBy(Collection<Long> accountIds, Instant from, Instant to) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from report where submitted_by = any(?) and received_at >= ? and received_at < ?")
                .params(accountIds.toArray(Long[]::new), Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).single();
    }

    /** The accounts among the given ones that submitted at least one report in [from, to). */
    public List<Long> activeSubmitters(Collection<Long> accountIds, Instant from, Instant to) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct submitted_by from report
                         where submitted_by = any(?) and received_at >= ? and received_at < ?""")
                .params(accountIds.toArray(Long[]::new), Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).list();
    }
}
