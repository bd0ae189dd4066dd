package id.pantau.network.internal;

import java.util.List;
import java.util.Optional;

import id.pantau.report.SubmitterAffiliations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tells report intake whom an approved volunteer reports for: the partner they are affiliated
 * with and the teams they are members of, as they are at the moment of filing.
 */
@Service
class VolunteerAffiliations implements SubmitterAffiliations {

    private final JdbcClient jdbc;

    VolunteerAffiliations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Affiliation> of(long accountId) {
        record Volunteer(long id, Partner partner) {
        }
        return jdbc.sql("""
                        select v.id, p.id as partner_id, p.name as partner_name
                          from volunteer v left join partner p on p.id = v.affiliation_partner_id
                         where v.account_id = ? and v.status = 'APPROVED'""")
                .param(accountId)
                .query((rs, i) -> new Volunteer(rs.getLong("id"), rs.getObject("partner_id") == null ? null
                        : new Partner(rs.getLong("partner_id"), rs.getString("partner_name"))))
                .optional()
                .map(v -> new Affiliation(v.id(), v.partner(), teams(v.id())));
    }

    private List<Team> teams(long volunteerId) {
        return jdbc.sql("""
                        select t.id, t.name, t.formed_by_partner_id from team_member m join team t on t.id = m.team_id
                         where m.volunteer_id = ? order by t.id""")
                .param(volunteerId)
                .query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
                .list();
    }
}
