package id.pantau.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.ElectionType;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of cases, their reports and their history. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(LegalCase c) {
        jdbc.sql("""
                        insert into legal_case (id, region_code, office_code, time_zone, stage, kind, rule_set, election_id,
                                                category_code, subcategory_code, incident_id, received_at, clock_started_at,
                                                next_due_at, next_due_name, created_at, updated_at)
                        values (:id, :region, :office, :zone, :stage, :kind, :ruleSet, :electionId, :category, :subcategory,
                                :incident, :receivedAt, :clockStartedAt, :nextDueAt, :nextDueName, :createdAt, :updatedAt)""")
                .param("id", c.id).param("region", c.regionCode.value())
                .param("office", code(c.officeCode)).param("zone", c.zone.getId())
                .param("stage", c.stage.name()).param("kind", c.kind).param("ruleSet", c.ruleSet.name())
                .param("electionId", c.electionId).param("category", c.categoryCode)
                .param("subcategory", c.subcategoryCode).param("incident", c.incidentId)
                .param("receivedAt", ts(c.receivedAt)).param("clockStartedAt", ts(c.clockStartedAt))
                .param("nextDueAt", ts(c.nextDueAt)).param("nextDueName", c.nextDueName)
                .param("createdAt", ts(c.createdAt)).param("updatedAt", ts(c.updatedAt))
                .update();
    }

    /** Writes every changeable column of the case. */
    void update(LegalCase c) {
        jdbc.sql("""
                        update legal_case set office_code = :office, time_zone = :zone, stage = :stage,
                               region_code = :region, incident_id = :incident, clock_started_at = :clockStartedAt,
                               extended = :extended, register_number = :registerNumber, registered_at = :registeredAt,
                               outcome = :outcome, subject = :subject, decided_at = :decidedAt,
                               referral_target = :referralTarget, referral_letter = :referralLetter,
                               referral_date = :referralDate, missing_items = :missingItems, merged_into = :mergedInto,
                               next_due_at = :nextDueAt, next_due_name = :nextDueName, updated_at = :updatedAt,
                               version = version + 1
                         where id = :id""")
                .param("id", c.id).param("office", code(c.officeCode)).param("zone", c.zone.getId())
                .param("stage", c.stage.name()).param("region", c.regionCode.value()).param("incident", c.incidentId)
                .param("clockStartedAt", ts(c.clockStartedAt)).param("extended", c.extended)
                .param("registerNumber", c.registerNumber).param("registeredAt", ts(c.registeredAt))
                .param("outcome", name(c.outcome)).param("subject", name(c.subject))
                .param("decidedAt", ts(c.decidedAt)).param("referralTarget", name(c.referralTarget))
                .param("referralLetter", c.referralLetter).param("referralDate", c.referralDate)
                .param("missingItems", c.missingItems).param("mergedInto", c.mergedInto)
                .param("nextDueAt", ts(c.nextDueAt)).param("nextDueName", c.nextDueName)
                .param("updatedAt", ts(c.updatedAt))
                .update();
    }

    /** Moves the deadline a case is under, and nothing else. */
    void updateDue(UUID id, @Nullable Instant dueAt, @Nullable String dueName) {
        jdbc.sql("update legal_case set next_due_at = ?, next_due_name = ? where id = ?")
                .params(ts(dueAt), dueName, id).update();
    }

    Optional<LegalCase> find(UUID id) {
        return jdbc.sql("select * from legal_case where id = ?").param(id).query(this::mapCase).optional();
    }

    /** The case, locked until the transaction ends: actions on one case run one after another. */
    Optional<LegalCase> lock(UUID id) {
        return jdbc.sql("select * from legal_case where id = ? for update").param(id).query(this::mapCase).optional();
    }

    /** A batch of cases matching {@code where} (with {@code :limit} rows at most), in id order, locked. */
    List<LegalCase> lockWhere(String where, Map<String, Object> params) {
        return jdbc.sql("select * from legal_case where " + where + " order by id limit :limit for update")
                .params(params).query(this::mapCase).list();
    }

    List<LegalCase> lockAll(List<UUID> ids) {
        return jdbc.sql("select * from legal_case where id = any(?) order by id for update")
                .param(ids.toArray(UUID[]::new)).query(this::mapCase).list();
    }

    /** Links a report to a case; false when the report already is in a case. */
    boolean link(UUID caseId, ReportLink report, Instant at) {
        return jdbc.sql("""
                        insert into case_report (report_id, case_id, tracking_code, kind, region_code, received_at, added_at,
                                                 timely)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(report.reportId(), caseId, report.trackingCode(), report.kind(), report.regionCode().value(),
                        ts(report.receivedAt()), ts(at), report.timely())
                .update() == 1;
    }

    Optional<UUID> caseOf(UUID reportId) {
        return jdbc.sql("select case_id from case_report where report_id = ?").param(reportId).query(UUID.class).optional();
    }

    List<UUID> casesOf(List<UUID> reportIds) {
        return jdbc.sql("select distinct case_id from case_report where report_id = any(?)")
                .param(reportIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    Optional<UUID> caseOfIncident(UUID incidentId) {
        return jdbc.sql("select id from legal_case where incident_id = ? and stage <> 'MERGED' order by created_at limit 1")
                .param(incidentId).query(UUID.class).optional();
    }

    List<ReportLink> reports(UUID caseId) {
        return jdbc.sql("""
                        select report_id, tracking_code, kind, region_code, received_at, timely from case_report
                         where case_id = ? order by received_at, report_id""")
                .param(caseId)
                .query((rs, i) -> new ReportLink(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        new RegionCode(rs.getString(4)), rs.getTimestamp(5).toInstant(), (Boolean) rs.getObject(6)))
                .list();
    }

    void moveReports(UUID from, UUID to) {
        jdbc.sql("update case_report set case_id = ? where case_id = ?").params(to, from).update();
    }

    void moveReport(UUID reportId, UUID to) {
        jdbc.sql("update case_report set case_id = ? where report_id = ?").params(to, reportId).update();
    }

    long appendEvent(UUID caseId, Instant at, String actor, String action, CaseStage from, CaseStage to,
                     @Nullable String note, Map<String, ?> details) {
        return jdbc.sql("""
                        insert into case_event (case_id, at, actor, action, from_stage, to_stage, note, details)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id""")
                .params(caseId, ts(at), actor, action, from.name(), to.name(), note, json.writeValueAsString(details))
                .query(Long.class).single();
    }

    List<HistoryEntry> history(UUID caseId) {
        return jdbc.sql("""
                        select id, at, actor, action, from_stage, to_stage, note, details from case_event
                         where case_id = ? order by id""")
                .param(caseId)
                .query((rs, i) -> new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), CaseStage.valueOf(rs.getString(5)), CaseStage.valueOf(rs.getString(6)),
                        rs.getString(7), json.readValue(rs.getString(8), new TypeReference<Map<String, Object>>() {
                        })))
                .list();
    }

    /** The overdue warnings the deadline job raised for a case: deadline name and due time. */
    List<Map.Entry<String, Instant>> warnings(UUID caseId) {
        return jdbc.sql("select deadline, due_at from case_warning where case_id = ? order by due_at")
                .param(caseId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /**
     * The next register number of an office in a year. The upsert holds the sequence row's lock
     * until the registering transaction ends, so concurrent registrations of one office queue up
     * and a rollback gives its number back: no gaps, no repeats.
     */
    int nextRegisterSequence(String officeKey, int year) {
        return jdbc.sql("""
                        insert into register_sequence (office_key, year, last_value) values (?, ?, 1)
                        on conflict (office_key, year) do update set last_value = register_sequence.last_value + 1
                        returning last_value""")
                .params(officeKey, year).query(Integer.class).single();
    }

    private LegalCase mapCase(ResultSet rs, int row) throws SQLException {
        String office = rs.getString("office_code");
        LegalCase c = new LegalCase(rs.getObject("id", UUID.class), new RegionCode(rs.getString("region_code")),
                office == null ? null : new RegionCode(office), ZoneId.of(rs.getString("time_zone")),
                CaseStage.valueOf(rs.getString("stage")), rs.getString("kind"), ElectionType.valueOf(rs.getString("rule_set")),
                (Long) rs.getObject("election_id"), rs.getString("category_code"), rs.getString("subcategory_code"),
                instant(rs, "received_at"), instant(rs, "created_at"));
        String subject = rs.getString("subject");
        String outcome = rs.getString("outcome");
        String target = rs.getString("referral_target");
        c.subject = subject == null ? null : ReportedSubject.valueOf(subject);
        c.incidentId = rs.getObject("incident_id", UUID.class);
        c.clockStartedAt = instant(rs, "clock_started_at");
        c.extended = rs.getBoolean("extended");
        c.registerNumber = rs.getString("register_number");
        c.registeredAt = instant(rs, "registered_at");
        c.outcome = outcome == null ? null : CaseOutcome.valueOf(outcome);
        c.decidedAt = instant(rs, "decided_at");
        c.referralTarget = target == null ? null : ReferralTarget.valueOf(target);
        c.referralLetter = rs.getString("referral_letter");
        c.referralDate = rs.getObject("referral_date", LocalDate.class);
        c.missingItems = rs.getString("missing_items");
        c.mergedInto = rs.getObject("merged_into", UUID.class);
        c.nextDueAt = instant(rs, "next_due_at");
        c.nextDueName = rs.getString("next_due_name");
        c.updatedAt = instant(rs, "updated_at");
        return c;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable String code(@Nullable RegionCode code) {
        return code == null ? null : code.value();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
