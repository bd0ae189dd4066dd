package id.pantau.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.RegionScope;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.report.SubmitterAffiliations;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Reading reports for staff: scoped by region, searchable, identities masked unless revealed. */
@Service
@Transactional(readOnly = true)
class ReportQueries {

    private static final String SUMMARY = """
            select r.id, r.tracking_code, r.kind, r.status, r.category_code, r.title, r.region_code, r.occurred_at,
                   r.received_at, r.timely, r.incident_id, g.time_zone
              from report r join region g on g.code = r.region_code""";

    private final JdbcClient jdbc;
    private final ReportAccess access;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final AuditTrail audit;

    ReportQueries(JdbcClient jdbc, ReportAccess access, PersonalDataCipher cipher, JsonMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.cipher = cipher;
        this.json = json;
        this.audit = audit;
    }

    PageResult<ReportSummary> list(Actor actor, ReportFilter filter, PageRequest page) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        RegionScope scope = actor.scope();
        if (filter.region() != null) {
            actor.requireScope(filter.region());
            scope = new RegionScope(filter.region());
        }
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        StringBuilder where = new StringBuilder(" where ").append(scope.sqlCondition("r.region_code"));
        if (filter.category() != null) {
            where.append(" and r.category_code = :category");
            params.put("category", filter.category());
        }
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and r.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.from() != null) {
            where.append(" and r.received_at >= :from");
            params.put("from", Timestamp.from(filter.from().toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and r.received_at < :to");
            params.put("to", Timestamp.from(filter.to().toInstant()));
        }
        if (filter.incident() != null) {
            where.append(" and r.incident_id = :incident");
            params.put("incident", filter.incident());
        }
        String order = " order by r.received_at desc, r.id";
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and r.search @@ websearch_to_tsquery('indonesian', :q)");
            params.put("q", filter.q().strip());
            order = " order by ts_rank(r.search, websearch_to_tsquery('indonesian', :q)) desc, r.received_at desc";
        }
        long total = jdbc.sql("select count(*) from report r" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ReportSummary> items = jdbc.sql(SUMMARY + where + order + " limit :limit offset :offset")
                .params(params).query(ReportQueries::summary).list();
        return PageResult.of(items, total, page);
    }

    ReportView get(Actor actor, UUID id) {
        access.requireRead(actor, id);
        return jdbc.sql("""
                        select r.*, g.time_zone, i.sealed from report r join region g on g.code = r.region_code
                          left join reporter_identity i on i.report_id = r.id where r.id = ?""")
                .param(id)
                .query((rs, row) -> view(rs, identity(rs.getBytes("sealed"), id).map(ReporterIdentity::masked).orElse(null)))
                .single();
    }

    /** The unmasked identity, for staff who need to contact the reporter or witnesses. Every call is audited. */
    @Transactional
    ReporterIdentity revealIdentity(Actor actor, UUID id) {
        actor.requireRole(Role.STAFF);
        access.requireRead(actor, id);
        byte[] sealed = jdbc.sql("select sealed from reporter_identity where report_id = ?").param(id)
                .query(byte[].class).optional().orElse(null);
        audit.record(actor.username(), "PERSONAL_DATA_READ", "report:" + id, Map.of("what", "reporter identity and witnesses"));
        return identity(sealed, id).orElseThrow(() -> new NotFoundException("Reporter identity of report", id));
    }

    List<ReportSummary> incidentReports(UUID incidentId) {
        return jdbc.sql(SUMMARY + " where r.incident_id = ? order by r.occurred_at").param(incidentId)
                .query(ReportQueries::summary).list();
    }

    private Optional<ReporterIdentity> identity(byte @Nullable [] sealed, UUID reportId) {
        if (sealed == null) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(cipher.open(sealed, "report:" + reportId), ReporterIdentity.class));
    }

    private ReportView view(ResultSet rs, @Nullable ReporterIdentity identity) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        Double lat = (Double) rs.getObject("latitude");
        String party = rs.getString("reported_party");
        String affiliation = rs.getString("affiliation");
        return new ReportView(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
                ReportKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getString("channel"),
                (Long) rs.getObject("election_id"), rs.getString("rule_set"), rs.getString("category_code"),
                rs.getString("subcategory_code"), rs.getString("act_code"), rs.getString("title"),
                rs.getString("description"), at(rs, "occurred_at", zone), at(rs, "known_at", zone),
                at(rs, "received_at", zone), at(rs, "reporting_deadline", zone), rs.getBoolean("timely"),
                new RegionCode(rs.getString("region_code")), (Integer) rs.getObject("tps"),
                lat == null ? null : new ReportRequest.Location(lat, (Double) rs.getObject("longitude")),
                party == null ? null : json.readValue(party, ReportRequest.ReportedParty.class),
                (Long) rs.getObject("submitted_by"),
                affiliation == null ? null : json.readValue(affiliation, SubmitterAffiliations.Affiliation.class),
                identity, rs.getObject("incident_id", UUID.class));
    }

    static ReportSummary summary(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new ReportSummary(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
                ReportKind.valueOf(rs.getString("kind")), rs.getString("status"), rs.getString("category_code"),
                rs.getString("title"), new RegionCode(rs.getString("region_code")), at(rs, "occurred_at", zone),
                at(rs, "received_at", zone), rs.getBoolean("timely"), rs.getObject("incident_id", UUID.class));
    }

    private static java.time.OffsetDateTime at(ResultSet rs, String column, ZoneId zone) throws SQLException {
        return rs.getTimestamp(column).toInstant().atZone(zone).toOffsetDateTime();
    }
}
