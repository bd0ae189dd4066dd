package id.pantau.network.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.account.VolunteerAccounts;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.PersonalDataCipher;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers: people who sign up on the public page (with consent to the use of their data) and
 * whom a coordinator approves, and members a coordinator imports. Approval makes a VOLUNTEER
 * account. The phone number is sealed at rest and shown masked; no NIK or address is collected.
 */
@Service
class Volunteers {

    static final Role[] MANAGERS = {Role.COORDINATOR, Role.STAFF, Role.ADMIN};
    static final Role[] READERS = {Role.COORDINATOR, Role.STAFF, Role.ADMIN, Role.ANALYST};

    private final JdbcClient jdbc;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final VolunteerAccounts accounts;
    private final Clock clock;

    Volunteers(JdbcClient jdbc, Regions regions, PersonalDataCipher cipher, AuditTrail audit, VolunteerAccounts accounts,
               Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    record SignupRequest(@Nullable String name, @Nullable String phone, @Nullable String regionCode,
                         @Nullable Boolean consent, @Nullable Long affiliationPartnerId) {
    }

    record VolunteerChanges(@Nullable String name, @Nullable String phone, @Nullable String regionCode,
                            @Nullable Long affiliationPartnerId) {
    }

    record VolunteerView(long id, String name, String phone, RegionCode regionCode, String regionName,
                         @Nullable Long affiliationPartnerId, VolunteerStatus status, String source,
                         @Nullable Instant consentAt, @Nullable Long accountId, @Nullable Instant decidedAt,
                         @Nullable String decidedBy, Instant createdAt, Instant updatedAt) {
    }

    /** What the public sign-up answers: no personal data echoed back beyond the masked number. */
    record SignupReceipt(long id, VolunteerStatus status, String phone, RegionCode regionCode, Instant createdAt) {
    }

    record Approval(VolunteerView volunteer, VolunteerAccounts.IssuedAccount account) {
    }

    @Transactional
    SignupReceipt signUp(SignupRequest request) {
        Violations violations = new Violations();
        String name = VolunteerRules.name(request.name(), "name", violations);
        String phone = VolunteerRules.phone(request.phone(), "phone", violations);
        RegionCode region = VolunteerRules.region(request.regionCode(), "regionCode", regions, violations);
        violations.check(Boolean.TRUE.equals(request.consent()), "consent", "consent.required",
                "must be given: we store your name, phone number and region to coordinate monitoring");
        checkPartner(request.affiliationPartnerId(), region, violations);
        violations.throwIfAny();
        Instant now = clock.instant();
        long id = insert(name, phone, region, request.affiliationPartnerId(), VolunteerStatus.PENDING, "SIGNUP", now,
                "public");
        audit.record(null, "VOLUNTEER_SIGNED_UP", "volunteer:" + id, Map.of("regionCode", region.value(), "consent", true));
        return new SignupReceipt(id, VolunteerStatus.PENDING, NetworkMasks.phone(phone), region, now);
    }

    /** Writes a volunteer row; the caller has validated. Used by the sign-up and the CSV import. */
    long insert(String name, String phone, RegionCode region, @Nullable Long partnerId, VolunteerStatus status,
                String source, Instant now, String by) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('volunteer', 'id'))").query(Long.class).single();
        jdbc.sql("""
                        insert into volunteer (id, name, phone, phone_masked, region_code, affiliation_partner_id, status,
                                               source, consent_at, created_at, created_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, seal(phone, id), NetworkMasks.phone(phone), region.value(), partnerId, status.name(),
                        source, "SIGNUP".equals(source) ? Timestamp.from(now) : null, Timestamp.from(now), by,
                        Timestamp.from(now))
                .update();
        return id;
    }

    @Transactional
    Approval approve(Actor actor, long id) {
        actor.requireRole(MANAGERS);
        VolunteerView volunteer = lockForDecision(actor, id);
        VolunteerAccounts.IssuedAccount account = accounts.createVolunteer(actor, "relawan-" + id, volunteer.name(),
                volunteer.regionCode());
        jdbc.sql("""
                        update volunteer set status = 'APPROVED', account_id = ?, decided_at = ?, decided_by = ?, updated_at = ?
                        where id = ?""")
                .params(account.accountId(), Timestamp.from(clock.instant()), actor.username(),
                        Timestamp.from(clock.instant()), id)
                .update();
        audit.record(actor.username(), "VOLUNTEER_APPROVED", "volunteer:" + id,
                Map.of("accountId", account.accountId(), "username", account.username()));
        return new Approval(get(actor, id), account);
    }

    @Transactional
    VolunteerView reject(Actor actor, long id) {
        actor.requireRole(MANAGERS);
        lockForDecision(actor, id);
        jdbc.sql("update volunteer set status = 'REJECTED', decided_at = ?, decided_by = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor.username(), Timestamp.from(clock.instant()), id).update();
        audit.record(actor.username(), "VOLUNTEER_REJECTED", "volunteer:" + id, Map.of());
        return get(actor, id);
    }

    private VolunteerView lockForDecision(Actor actor, long id) {
        VolunteerView volunteer = jdbc.sql("select * from volunteer where id = ? for update").param(id).query(this::map)
                .optional().orElseThrow(() -> new NotFoundException("Volunteer", id));
        actor.requireScope(volunteer.regionCode());
        if (volunteer.status() != VolunteerStatus.PENDING) {
            throw new ConflictException("Volunteer " + id + " is already " + volunteer.status());
        }
        return volunteer;
    }

    @Transactional
    VolunteerView update(Actor actor, long id, VolunteerChanges changes) {
        actor.requireRole(MANAGERS);
        VolunteerView before = get(actor, id);
        Violations violations = new Violations();
        String name = VolunteerRules.name(changes.name(), "name", violations);
        String phone = changes.phone() == null ? null : VolunteerRules.phone(changes.phone(), "phone", violations);
        RegionCode region = VolunteerRules.region(changes.regionCode(), "regionCode", regions, violations);
        checkPartner(changes.affiliationPartnerId(), region, violations);
        violations.throwIfAny();
        actor.requireScope(region);
        jdbc.sql("update volunteer set name = ?, region_code = ?, affiliation_partner_id = ?, updated_at = ? where id = ?")
                .params(name, region.value(), changes.affiliationPartnerId(), Timestamp.from(clock.instant()), id).update();
        if (phone != null) {
            jdbc.sql("update volunteer set phone = ?, phone_masked = ? where id = ?")
                    .params(seal(phone, id), NetworkMasks.phone(phone), id).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", summary(before.name(), before.regionCode(), before.affiliationPartnerId()));
        details.put("after", summary(name, region, changes.affiliationPartnerId()));
        details.put("phoneChanged", phone != null);
        audit.record(actor.username(), "VOLUNTEER_UPDATED", "volunteer:" + id, details);
        return get(actor, id);
    }

    VolunteerView get(Actor actor, long id) {
        actor.requireRole(READERS);
        VolunteerView volunteer = find(id);
        actor.requireScope(volunteer.regionCode());
        return volunteer;
    }

    /** A volunteer's number in clear, for the coordinator who has to call them. */
    record Contact(long volunteerId, String name, String phone) {
    }

    /**
     * Opens the sealed phone number. Only those who manage volunteers in the volunteer's region
     * may (not analysts), and every read is in the audit trail: who read whose number, when.
     */
    @Transactional
    Contact revealContact(Actor actor, long id) {
        actor.requireRole(MANAGERS);
        VolunteerView volunteer = find(id);
        actor.requireScope(volunteer.regionCode());
        byte[] sealed = jdbc.sql("select phone from volunteer where id = ?").param(id).query(byte[].class).single();
        String phone = new String(cipher.open(sealed, "volunteer:" + id), StandardCharsets.UTF_8);
        audit.record(actor.username(), "PERSONAL_DATA_READ", "volunteer:" + id, Map.of("what", "phone"));
        return new Contact(id, volunteer.name(), phone);
    }

    /** Without a scope check, for other parts of this module that check the scope of what refers to it. */
    VolunteerView find(long id) {
        return lookUp(id).orElseThrow(() -> new NotFoundException("Volunteer", id));
    }

    /**
     * A volunteer that a request names in its body (a team member, a cadre): an unknown one is a
     * mistake in that field (400 naming it), not a missing resource; one of another region is
     * refused (403); one not approved yet is a mistake too. Empty when there were mistakes.
     */
    java.util.Optional<VolunteerView> approvedFor(Actor actor, @Nullable Long id, String field, Violations violations) {
        if (!violations.check(id != null, field, "required", "is required")) {
            return java.util.Optional.empty();
        }
        java.util.Optional<VolunteerView> found = lookUp(id);
        if (!violations.check(found.isPresent(), field, "volunteer.unknown", "no volunteer " + id)) {
            return java.util.Optional.empty();
        }
        VolunteerView volunteer = found.get();
        actor.requireScope(volunteer.regionCode());
        if (!violations.check(volunteer.status() == VolunteerStatus.APPROVED, field, "volunteer.notApproved",
                "volunteer " + id + " is " + volunteer.status() + "; approve the volunteer first")) {
            return java.util.Optional.empty();
        }
        return found;
    }

    private java.util.Optional<VolunteerView> lookUp(long id) {
        return jdbc.sql("select * from volunteer where id = ?").param(id).query(this::map).optional();
    }

    PageResult<VolunteerView> list(Actor actor, @Nullable RegionCode region, @Nullable VolunteerStatus status,
                                   @Nullable Long partnerId, @Nullable String q, PageRequest page) {
        actor.requireRole(READERS);
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        if (region != null) {
            conditions.add("(region_code = :region or region_code like :regionBelow)");
            params.put("region", region.value());
            params.put("regionBelow", region.value() + ".%");
        }
        if (status != null) {
            conditions.add("status = :status");
            params.put("status", status.name());
        }
        if (partnerId != null) {
            conditions.add("affiliation_partner_id = :partner");
            params.put("partner", partnerId);
        }
        if (q != null && !q.isBlank()) {
            conditions.add("name ilike :q");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from volunteer where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<VolunteerView> items = jdbc.sql("select * from volunteer where " + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params).query(this::map).list();
        return PageResult.of(items, total, page);
    }

    void checkPartner(@Nullable Long partnerId, @Nullable RegionCode region, Violations violations) {
        checkPartner(partnerId, "affiliationPartnerId", region, violations);
    }

    /**
     * A partner named for a volunteer or a team must exist and work where they do: in a region
     * containing theirs (a provincial university, a ministry) or within it (a village's youth
     * group for a regency's team), not somewhere unrelated, whose figures it would otherwise count.
     */
    void checkPartner(@Nullable Long partnerId, String field, @Nullable RegionCode region, Violations violations) {
        if (partnerId == null) {
            return;
        }
        java.util.Optional<RegionCode> partnerRegion = jdbc.sql("select region_code from partner where id = ?").param(partnerId)
                .query(String.class).optional().map(RegionCode::new);
        if (violations.check(partnerRegion.isPresent(), field, "partner.unknown", "partner " + partnerId + " does not exist")
                && region != null) {
            violations.check(partnerRegion.get().contains(region) || region.contains(partnerRegion.get()), field,
                    "partner.elsewhere", "partner " + partnerId + " works in " + partnerRegion.get()
                            + ", neither above nor within " + region);
        }
    }

    private byte[] seal(String phone, long id) {
        return cipher.seal(phone.getBytes(StandardCharsets.UTF_8), "volunteer:" + id);
    }

    private static Map<String, Object> summary(String name, RegionCode region, @Nullable Long partnerId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("regionCode", region.value());
        summary.put("affiliationPartnerId", partnerId);
        return summary;
    }

    private VolunteerView map(ResultSet rs, int row) throws SQLException {
        RegionCode region = new RegionCode(rs.getString("region_code"));
        return new VolunteerView(rs.getLong("id"), rs.getString("name"), rs.getString("phone_masked"), region,
                regions.find(region).map(r -> r.name()).orElse(region.value()),
                (Long) rs.getObject("affiliation_partner_id"), VolunteerStatus.valueOf(rs.getString("status")),
                rs.getString("source"), instant(rs.getTimestamp("consent_at")), (Long) rs.getObject("account_id"),
                instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
