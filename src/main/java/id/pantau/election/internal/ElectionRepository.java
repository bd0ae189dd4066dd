package id.pantau.election.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import id.pantau.election.DayCount;
import id.pantau.election.Election;
import id.pantau.election.ElectionType;
import id.pantau.election.Period;
import id.pantau.election.RuleSet;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ElectionRepository {

    private static final String COLUMNS = "id, name, type, voting_day, region_code, starts_on, ends_on";

    private final JdbcClient jdbc;

    ElectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Election> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from election where id = ?").param(id)
                .query(ElectionRepository::map).optional();
    }

    public List<Election> all() {
        return jdbc.sql("select " + COLUMNS + " from election order by voting_day desc, id").query(ElectionRepository::map).list();
    }

    long insert(String name, ElectionType type, LocalDate votingDay, @Nullable RegionCode region, LocalDate startsOn,
                LocalDate endsOn, String createdBy) {
        return jdbc.sql("""
                        insert into election (name, type, voting_day, region_code, starts_on, ends_on, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, type.name(), votingDay, region == null ? null : region.value(), startsOn, endsOn, createdBy)
                .query(Long.class).single();
    }

    public RuleSet ruleSet(ElectionType type) {
        return jdbc.sql("select * from rule_set where election_type = ?").param(type.name())
                .query((rs, row) -> {
                    DayCount handling = DayCount.valueOf(rs.getString("handling_counting"));
                    return new RuleSet(ElectionType.valueOf(rs.getString("election_type")),
                            new Period(rs.getInt("reporting_window_days"), DayCount.valueOf(rs.getString("reporting_window_counting")),
                                    rs.getString("reporting_window_basis")),
                            new Period(rs.getInt("preliminary_review_days"), handling, rs.getString("preliminary_review_basis")),
                            new Period(rs.getInt("completion_days"), handling, rs.getString("completion_basis")),
                            new Period(rs.getInt("decision_days"), handling, rs.getString("decision_basis")),
                            new Period(rs.getInt("decision_extension_days"), handling, rs.getString("decision_basis")),
                            rs.getInt("criminal_referral_hours"), rs.getString("criminal_referral_basis"),
                            rs.getString("register_code"));
                })
                .single();
    }

    /** The adjustable rules of every election type, as the API shows them. */
    List<RuleSetView> ruleSetViews() {
        return jdbc.sql("select * from rule_set order by election_type").query(ElectionRepository::mapView).list();
    }

    /** One rule set, locked until the end of the transaction: its state before a change. */
    RuleSetView lockRuleSet(ElectionType type) {
        return jdbc.sql("select * from rule_set where election_type = ? for update").param(type.name())
                .query(ElectionRepository::mapView).single();
    }

    RuleSetView updateRuleSet(RuleSetView rules, String updatedBy) {
        return jdbc.sql("""
                        update rule_set set
                            reporting_window_days = :reportingWindowDays,
                            reporting_window_counting = :reportingWindowCounting,
                            reporting_window_basis = :reportingWindowBasis,
                            handling_counting = :handlingCounting,
                            preliminary_review_days = :preliminaryReviewDays,
                            preliminary_review_basis = :preliminaryReviewBasis,
                            completion_days = :completionDays,
                            completion_basis = :completionBasis,
                            decision_days = :decisionDays,
                            decision_extension_days = :decisionExtensionDays,
                            decision_basis = :decisionBasis,
                            criminal_referral_hours = :criminalReferralHours,
                            criminal_referral_basis = :criminalReferralBasis,
                            register_code = :registerCode,
                            updated_at = now(),
                            updated_by = :updatedBy
                         where election_type = :electionType
                        returning *""")
                .params(rules.rules())
                .param("electionType", rules.electionType().name())
                .param("updatedBy", updatedBy)
                .query(ElectionRepository::mapView).single();
    }

    private static RuleSetView mapView(ResultSet rs, int row) throws SQLException {
        return new RuleSetView(ElectionType.valueOf(rs.getString("election_type")),
                rs.getInt("reporting_window_days"), DayCount.valueOf(rs.getString("reporting_window_counting")),
                rs.getString("reporting_window_basis"),
                DayCount.valueOf(rs.getString("handling_counting")),
                rs.getInt("preliminary_review_days"), rs.getString("preliminary_review_basis"),
                rs.getInt("completion_days"), rs.getString("completion_basis"),
                rs.getInt("decision_days"), rs.getInt("decision_extension_days"), rs.getString("decision_basis"),
                rs.getInt("criminal_referral_hours"), rs.getString("criminal_referral_basis"),
                rs.getString("register_code"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Election map(ResultSet rs, int row) throws SQLException {
        String region = rs.getString("region_code");
        return new Election(rs.getLong("id"), rs.getString("name"), ElectionType.valueOf(rs.getString("type")),
                rs.getObject("voting_day", LocalDate.class), region == null ? null : new RegionCode(region),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class));
    }
}
