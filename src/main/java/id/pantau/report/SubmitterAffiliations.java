package id.pantau.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whom a signed-in volunteer reports for: the partner they are affiliated with and the monitoring
 * teams they belong to. Intake asks when a volunteer files a report and keeps the answer with the
 * report, so that the report stays credited to that partner and those teams when the volunteer
 * later moves. The module that knows volunteers (network) provides it; without a provider,
 * reports carry no affiliation.
 */
public interface SubmitterAffiliations {

    /** The affiliation of the volunteer holding this account now; empty when the account is nobody's volunteer. */
    Optional<Affiliation> of(long accountId);

    /** What a volunteer's report carries. */
    record Affiliation(long volunteerId, @Nullable Partner partner, List<Team> teams) {

        public Affiliation {
            teams = List.copyOf(teams);
        }

        /** Every partner the report is credited to: the volunteer's own and those that formed their teams. */
        public List<Long> partnerIds() {
            List<Long> ids = new ArrayList<>();
            if (partner != null) {
                ids.add(partner.id());
            }
            teams.stream().map(Team::formedByPartnerId).filter(id -> id != null && !ids.contains(id)).forEach(ids::add);
            return ids;
        }

        public List<Long> teamIds() {
            return teams.stream().map(Team::id).toList();
        }
    }

    record Partner(long id, String name) {
    }

    /** A monitoring team, with the partner that formed it when one did. */
    record Team(long id, String name, @Nullable Long formedByPartnerId) {
    }
}
