package id.pantau.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.PersonalDataCipher;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bawaslu office's partners. Staff of the office (and above) and coordinators record them;
 * analysts of the region read them. Contacts are personal data: sealed at rest, masked in answers.
 */
@Service
class Partners {

    static final int MAX_CONTACTS = 10;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{6,18}[0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final Regions regions;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Partners(JdbcClient jdbc, Regions regions, PersonalDataCipher cipher, AuditTrail audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    record PartnerRequest(@Nullable String name, @Nullable PartnerType type, @Nullable String regionCode,
                          @Nullable List<PartnerContact> contacts) {
    }

    record PartnerView(long id, String name, PartnerType type, RegionCode regionCode, String regionName,
                       List<PartnerContact> contacts, Instant createdAt, Instant updatedAt) {
    }

    static final List<Role> READERS = List.of(Role.STAFF, Role.ADMIN, Role.ANALYST, Role.COORDINATOR);
    /** Bawaslu staff and the coordinators of teams and partners record partners and agreements of their region. */
    static final Role[] WRITERS = {Role.STAFF, Role.ADMIN, Role.COORDINATOR};

    @Transactional
    PartnerView create(Actor actor, PartnerRequest request) {
        actor.requireRole(WRITERS);
        Valid valid = validate(request);
        actor.requireScope(valid.region());
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.sql("""
                            insert into partner (name, type, region_code, created_at, created_by, updated_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(valid.name(), valid.type().name(), valid.region().value(), Timestamp.from(now),
                            actor.username(), Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        writeContacts(id, valid.contacts());
        audit.record(actor.username(), "PARTNER_CREATED", "partner:" + id,
                Map.of("name", valid.name(), "type", valid.type(), "regionCode", valid.region().value()));
        return get(actor, id);
    }

    @Transactional
    PartnerView update(Actor actor, long id, PartnerRequest request) {
        actor.requireRole(WRITERS);
        PartnerView before = get(actor, id);
        Valid valid = validate(request);
        actor.requireScope(valid.region());
        try {
            jdbc.sql("update partner set name = ?, type = ?, region_code = ?, updated_at = ? where id = ?")
                    .params(valid.name(), valid.type().name(), valid.region().value(), Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        writeContacts(id, valid.contacts());
        audit.record(actor.username(), "PARTNER_UPDATED", "partner:" + id, Map.of(
                "before", Map.of("name", before.name(), "type", before.type(), "regionCode", before.regionCode().value()),
                "after", Map.of("name", valid.name(), "type", valid.type(), "regionCode", valid.region().value()),
                "contactsChanged", true));
        return get(actor, id);
    }

    PartnerView get(Actor actor, long id) {
        actor.requireRole(READERS.toArray(Role[]::new));
        PartnerView partner = jdbc.sql("select * from partner where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("Partner", id));
        actor.requireScope(partner.regionCode());
        return partner;
    }

    /**
     * The partner's focal points unmasked, for staff and coordinators of its region who have to
     * reach them (not analysts). Every read is in the audit trail.
     */
    @Transactional
    List<PartnerContact> revealContacts(Actor actor, long id) {
        actor.requireRole(WRITERS);
        get(actor, id);
        byte[] sealed = jdbc.sql("select contacts from partner where id = ?").param(id).query(byte[].class).single();
        audit.record(actor.username(), "PERSONAL_DATA_READ", "partner:" + id, Map.of("what", "contacts"));
        return sealed == null ? List.of() : json.readValue(cipher.open(sealed, context(id)), new TypeReference<List<PartnerContact>>() {
        });
    }

    /** Whether a partner exists and the actor may see it: for other resources that name partners. */
    RegionCode regionOf(long id) {
        return jdbc.sql("select region_code from partner where id = ?").param(id).query(String.class).optional()
                .map(RegionCode::new).orElseThrow(() -> new NotFoundException("Partner", id));
    }

    PageResult<PartnerView> list(Actor actor, @Nullable RegionCode region, @Nullable PartnerType type, @Nullable String q,
                                 PageRequest page) {
        actor.requireRole(READERS.toArray(Role[]::new));
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        if (region != null) {
            conditions.add("(region_code = :region or region_code like :regionBelow)");
            params.put("region", region.value());
            params.put("regionBelow", region.value() + ".%");
        }
        if (type != null) {
            conditions.add("type = :type");
            params.put("type", type.name());
        }
        if (q != null && !q.isBlank()) {
            conditions.add("name ilike :q");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from partner where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<PartnerView> items = jdbc.sql("select * from partner where " + where + " order by name, id limit :limit offset :offset")
                .params(params).query(this::map).list();
        return PageResult.of(items, total, page);
    }

    private record Valid(String name, PartnerType type, RegionCode region, List<PartnerContact> contacts) {
    }

    private Valid validate(PartnerRequest request) {
        Violations violations = new Violations();
        String name = request.name() == null ? "" : request.name().strip();
        violations.check(name.length() >= 2 && name.length() <= 200, "name", "name.length", "must be 2 to 200 characters");
        violations.check(request.type() != null, "type", "required", "is required");
        RegionCode region = null;
        if (violations.check(request.regionCode() != null && !request.regionCode().isBlank(), "regionCode", "required", "is required")) {
            if (!RegionCode.isValid(request.regionCode())) {
                violations.add("regionCode", "regionCode.invalid", "is not a region code (nn.nn.nn.nnnn)");
            } else if (!regions.exists(new RegionCode(request.regionCode()))) {
                violations.add("regionCode", "regionCode.unknown", "no region " + request.regionCode());
            } else {
                region = new RegionCode(request.regionCode());
            }
        }
        List<PartnerContact> contacts = request.contacts() == null ? List.of() : request.contacts();
        violations.check(contacts.size() <= MAX_CONTACTS, "contacts", "contacts.tooMany", "at most " + MAX_CONTACTS + " contacts");
        for (int i = 0; i < contacts.size() && i < MAX_CONTACTS; i++) {
            PartnerContact contact = contacts.get(i);
            String field = "contacts[" + i + "]";
            if (contact == null) {
                violations.add(field, "required", "must not be null");
                continue;
            }
            violations.check(contact.name() != null && !contact.name().isBlank() && contact.name().length() <= 200,
                    field + ".name", "required", "is required (at most 200 characters)");
            violations.check(contact.phone() == null || PHONE.matcher(contact.phone().strip()).matches(),
                    field + ".phone", "phone.invalid", "is not a phone number");
            violations.check(contact.email() == null || EMAIL.matcher(contact.email().strip()).matches(),
                    field + ".email", "email.invalid", "is not an e-mail address");
            violations.check(contact.position() == null || contact.position().length() <= 200,
                    field + ".position", "tooLong", "at most 200 characters");
        }
        violations.throwIfAny();
        List<PartnerContact> cleaned = contacts.stream().map(c -> new PartnerContact(c.name().strip(),
                blankToNull(c.position()), blankToNull(c.phone()), blankToNull(c.email()))).toList();
        return new Valid(name, request.type(), region, cleaned);
    }

    private void writeContacts(long id, List<PartnerContact> contacts) {
        byte[] sealed = contacts.isEmpty() ? null
                : cipher.seal(json.writeValueAsBytes(contacts), context(id));
        jdbc.sql("update partner set contacts = ? where id = ?").params(sealed, id).update();
    }

    private PartnerView map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        byte[] sealed = rs.getBytes("contacts");
        List<PartnerContact> contacts = sealed == null ? List.of()
                : json.readValue(cipher.open(sealed, context(id)), new TypeReference<List<PartnerContact>>() {
                }).stream().map(PartnerContact::masked).toList();
        RegionCode region = new RegionCode(rs.getString("region_code"));
        return new PartnerView(id, rs.getString("name"), PartnerType.valueOf(rs.getString("type")), region,
                regions.find(region).map(r -> r.name()).orElse(region.value()), contacts,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static ConflictException duplicate(Valid valid) {
        return new ConflictException(new FieldViolation("name", "name.taken",
                "a partner named '" + valid.name() + "' is already recorded in region " + valid.region()));
    }

    private static String context(long id) {
        return "partner:" + id;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
