package id.pantau.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.ContentStore;
import id.pantau.shared.EvidenceType;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Sha256;
import id.pantau.shared.TimeOrderedUuid;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements (MoU, perjanjian kerja sama) between a Bawaslu office and its partners: the
 * cooperation points, signatories, validity, the status lifecycle, follow-ups with due dates and
 * the signed documents. Days are the office's days: "today" is taken in Jakarta time (WIB),
 * which no office is ahead of by more than two hours.
 */
@Service
class Agreements {

    static final ZoneId CALENDAR_ZONE = ZoneId.of("Asia/Jakarta");
    static final int MAX_PARTNERS = 50;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Partners partners;
    private final ContentStore store;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Agreements(JdbcClient jdbc, Regions regions, Partners partners, ContentStore store, AuditTrail audit, JsonMapper json,
               Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.partners = partners;
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    record Signatory(@Nullable String name, @Nullable String position, @Nullable String party) {
    }

    record AgreementRequest(@Nullable String title, @Nullable String regionCode, @Nullable List<Long> partnerIds,
                            @Nullable List<CooperationPoint> cooperationPoints, @Nullable LocalDate signedOn,
                            @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
                            @Nullable List<Signatory> signatories) {
    }

    record TransitionRequest(@Nullable AgreementStatus to, @Nullable LocalDate date, @Nullable String note) {
    }

    record FollowUpRequest(@Nullable String description, @Nullable LocalDate dueOn) {
    }

    record PartnerRef(long id, String name, PartnerType type) {
    }

    record HistoryStep(Instant at, String actor, @Nullable AgreementStatus from, AgreementStatus to, @Nullable LocalDate date,
                       @Nullable String note) {
    }

    record FollowUp(long id, String description, LocalDate dueOn, @Nullable LocalDate doneOn, boolean overdue) {
    }

    record Document(UUID id, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
                    String uploadedBy) {
    }

    record AgreementView(long id, String title, RegionCode regionCode, String regionName, AgreementStatus status,
                         List<AgreementStatus> allowedTransitions, List<CooperationPoint> cooperationPoints,
                         List<PartnerRef> partners, List<Signatory> signatories, @Nullable LocalDate signedOn,
                         @Nullable LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable Long daysLeft,
                         List<FollowUp> followUps, List<HistoryStep> history, List<Document> documents,
                         Instant createdAt, Instant updatedAt) {
    }

    record AgreementSummary(long id, String title, RegionCode regionCode, AgreementStatus status,
                            List<CooperationPoint> cooperationPoints, List<String> partnerNames,
                            @Nullable LocalDate signedOn, @Nullable LocalDate validUntil, @Nullable Long daysLeft,
                            int overdueFollowUps) {
    }

    // ------------------------------------------------------------------------------------------ changes

    @Transactional
    AgreementView create(Actor actor, AgreementRequest request) {
        actor.requireRole(Partners.WRITERS);
        Valid valid = validate(actor, request);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into agreement (title, region_code, status, cooperation_points, signatories, signed_on,
                                               valid_from, valid_until, created_at, created_by, updated_at)
                        values (?, ?, 'EXPLORING', ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?) returning id""")
                .params(valid.title(), valid.region().value(), points(valid.points()), json.writeValueAsString(valid.signatories()),
                        date(valid.signedOn()), date(valid.validFrom()), date(valid.validUntil()), Timestamp.from(now),
                        actor.username(), Timestamp.from(now))
                .query(Long.class).single();
        linkPartners(id, valid.partnerIds());
        jdbc.sql("insert into agreement_event (agreement_id, at, actor, from_status, to_status) values (?, ?, ?, null, 'EXPLORING')")
                .params(id, Timestamp.from(now), actor.username()).update();
        audit.record(actor.username(), "AGREEMENT_CREATED", "agreement:" + id,
                Map.of("title", valid.title(), "regionCode", valid.region().value(), "partnerIds", valid.partnerIds()));
        return get(actor, id);
    }

    @Transactional
    AgreementView update(Actor actor, long id, AgreementRequest request) {
        actor.requireRole(Partners.WRITERS);
        AgreementView before = lockInScope(actor, id);
        Valid valid = validate(actor, request);
        if (before.status().inForce() || before.status() == AgreementStatus.EXPIRED) {
            Violations violations = new Violations();
            violations.check(valid.signedOn() != null, "signedOn", "signedOn.required",
                    "a signed agreement keeps its signing date");
            violations.throwIfAny();
        }
        jdbc.sql("""
                        update agreement set title = ?, region_code = ?, cooperation_points = ?, signatories = cast(? as jsonb),
                               signed_on = ?, valid_from = ?, valid_until = ?, updated_at = ? where id = ?""")
                .params(valid.title(), valid.region().value(), points(valid.points()), json.writeValueAsString(valid.signatories()),
                        date(valid.signedOn()), date(valid.validFrom()), date(valid.validUntil()),
                        Timestamp.from(clock.instant()), id)
                .update();
        jdbc.sql("delete from agreement_partner where agreement_id = ?").param(id).update();
        linkPartners(id, valid.partnerIds());
        audit.record(actor.username(), "AGREEMENT_UPDATED", "agreement:" + id, Map.of(
                "before", Map.of("title", before.title(), "validUntil", String.valueOf(before.validUntil()),
                        "partnerIds", before.partners().stream().map(PartnerRef::id).toList()),
                "after", Map.of("title", valid.title(), "validUntil", String.valueOf(valid.validUntil()),
                        "partnerIds", valid.partnerIds())));
        return get(actor, id);
    }

    @Transactional
    AgreementView transition(Actor actor, long id, TransitionRequest request) {
        actor.requireRole(Partners.WRITERS);
        AgreementView agreement = lockInScope(actor, id);
        if (request.to() == null) {
            throw InvalidInputException.of("to", "required", "is required");
        }
        AgreementStatus to = request.to();
        if (!agreement.status().allows(to)) {
            throw new TransitionRefused(agreement.status(), to);
        }
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR_ZONE));
        Violations violations = new Violations();
        violations.check(request.date() == null || !request.date().isAfter(today), "date", "date.future",
                "cannot be in the future");
        violations.check(request.note() == null || request.note().length() <= 2000, "note", "tooLong", "at most 2000 characters");
        LocalDate signedOn = agreement.signedOn();
        LocalDate validFrom = agreement.validFrom();
        if (to == AgreementStatus.SIGNED) {
            signedOn = request.date() != null ? request.date() : signedOn;
            violations.check(signedOn != null, "signedOn", "signedOn.required",
                    "signing needs the signing date: send it as date, or set signedOn first");
            violations.check(signedOn == null || agreement.validUntil() == null || !agreement.validUntil().isBefore(signedOn),
                    "date", "date.afterValidUntil", "the agreement would end before it was signed");
        }
        if (to == AgreementStatus.ACTIVE) {
            validFrom = request.date() != null ? request.date() : validFrom != null ? validFrom : today;
        }
        violations.throwIfAny();
        jdbc.sql("update agreement set status = ?, signed_on = ?, valid_from = ?, updated_at = ? where id = ?")
                .params(to.name(), date(signedOn), date(validFrom), Timestamp.from(clock.instant()), id).update();
        jdbc.sql("""
                        insert into agreement_event (agreement_id, at, actor, from_status, to_status, on_date, note)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(clock.instant()), actor.username(), agreement.status().name(), to.name(),
                        date(request.date()), request.note() == null || request.note().isBlank() ? null : request.note().strip())
                .update();
        audit.record(actor.username(), "AGREEMENT_" + to, "agreement:" + id,
                Map.of("from", agreement.status(), "to", to, "date", String.valueOf(request.date())));
        return get(actor, id);
    }

    /** A forbidden status change: 409 naming the status and the ones it allows. */
    static final class TransitionRefused extends ConflictException {

        private final AgreementStatus status;

        TransitionRefused(AgreementStatus status, AgreementStatus to) {
            super("An agreement in status " + status + " cannot become " + to + "; allowed: "
                    + (status.next().isEmpty() ? "none" : status.next()));
            this.status = status;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("status", status, "allowedTransitions", List.copyOf(status.next()));
        }
    }

    @Transactional
    FollowUp addFollowUp(Actor actor, long id, FollowUpRequest request) {
        actor.requireRole(Partners.WRITERS);
        lockInScope(actor, id);
        Violations violations = new Violations();
        String description = request.description() == null ? "" : request.description().strip();
        violations.check(description.length() >= 3 && description.length() <= 1000, "description", "description.length",
                "must be 3 to 1000 characters");
        violations.check(request.dueOn() != null, "dueOn", "required", "is required");
        violations.throwIfAny();
        long followUp = jdbc.sql("""
                        insert into agreement_follow_up (agreement_id, description, due_on, created_at, created_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(id, description, date(request.dueOn()), Timestamp.from(clock.instant()), actor.username())
                .query(Long.class).single();
        audit.record(actor.username(), "AGREEMENT_FOLLOW_UP_ADDED", "agreement:" + id,
                Map.of("followUpId", followUp, "dueOn", request.dueOn().toString()));
        return followUps(id).stream().filter(f -> f.id() == followUp).findFirst().orElseThrow();
    }

    @Transactional
    FollowUp completeFollowUp(Actor actor, long id, long followUpId, @Nullable LocalDate doneOn) {
        actor.requireRole(Partners.WRITERS);
        lockInScope(actor, id);
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR_ZONE));
        LocalDate done = doneOn == null ? today : doneOn;
        if (done.isAfter(today)) {
            throw InvalidInputException.of("doneOn", "doneOn.future", "cannot be in the future");
        }
        int updated = jdbc.sql("update agreement_follow_up set done_on = ? where id = ? and agreement_id = ?")
                .params(date(done), followUpId, id).update();
        if (updated == 0) {
            throw new NotFoundException("Follow-up", followUpId);
        }
        audit.record(actor.username(), "AGREEMENT_FOLLOW_UP_DONE", "agreement:" + id,
                Map.of("followUpId", followUpId, "doneOn", done.toString()));
        return followUps(id).stream().filter(f -> f.id() == followUpId).findFirst().orElseThrow();
    }

    @Transactional
    Document upload(Actor actor, long id, byte[] content, @Nullable String fileName) {
        actor.requireRole(Partners.WRITERS);
        lockInScope(actor, id);
        if (content.length == 0) {
            throw InvalidInputException.of("file", "file.empty", "is empty");
        }
        EvidenceType type = EvidenceType.detect(content).orElseThrow(() -> InvalidInputException.of("file", "file.type",
                "must be a PDF or a photo (JPEG, PNG, WebP); the content is neither, whatever its name says"));
        byte[] hash = Sha256.of(content);
        String hex = HexFormat.of().formatHex(hash);
        try {
            store.put(hex, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store document " + hex, e);
        }
        UUID documentId = TimeOrderedUuid.next(clock);
        String name = fileName == null || fileName.isBlank() ? hex + "." + type.extension()
                : fileName.replace('\\', '/').substring(fileName.replace('\\', '/').lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        name = name.isEmpty() ? hex + "." + type.extension() : name.substring(0, Math.min(200, name.length()));
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into agreement_document (id, agreement_id, sha256, content_type, size_bytes, file_name, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(documentId, id, hash, type.mediaType(), content.length, name, Timestamp.from(now), actor.username())
                .update();
        audit.record(actor.username(), "AGREEMENT_DOCUMENT_ADDED", "agreement:" + id, Map.of("documentId", documentId.toString()));
        return new Document(documentId, name, type.mediaType(), content.length, hex, now, actor.username());
    }

    record Content(Document document, InputStream stream) {
    }

    Content open(Actor actor, long id, UUID documentId) {
        get(actor, id);
        Document document = documents(id).stream().filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Document", documentId));
        try {
            return new Content(document, store.open(document.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("Document " + document.sha256() + " is missing from the store", e);
        }
    }

    // ------------------------------------------------------------------------------------------ reads

    AgreementView get(Actor actor, long id) {
        actor.requireRole(Partners.READERS.toArray(Role[]::new));
        return find(id, false, actor);
    }

    private AgreementView lockInScope(Actor actor, long id) {
        return find(id, true, actor);
    }

    private AgreementView find(long id, boolean lock, Actor actor) {
        record Row(long id, String title, RegionCode region, AgreementStatus status, List<CooperationPoint> points,
                   List<Signatory> signatories, @Nullable LocalDate signedOn, @Nullable LocalDate validFrom,
                   @Nullable LocalDate validUntil, Instant createdAt, Instant updatedAt) {
        }
        Row row = jdbc.sql("select * from agreement where id = ?" + (lock ? " for update" : "")).param(id)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("title"), new RegionCode(rs.getString("region_code")),
                        AgreementStatus.valueOf(rs.getString("status")), points(rs), json.readValue(rs.getString("signatories"),
                        new TypeReference<List<Signatory>>() {
                        }), localDate(rs, "signed_on"), localDate(rs, "valid_from"), localDate(rs, "valid_until"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElseThrow(() -> new NotFoundException("Agreement", id));
        actor.requireScope(row.region());
        List<PartnerRef> partnerRefs = jdbc.sql("""
                        select p.id, p.name, p.type from agreement_partner ap join partner p on p.id = ap.partner_id
                         where ap.agreement_id = ? order by p.name""")
                .param(id).query((rs, i) -> new PartnerRef(rs.getLong(1), rs.getString(2), PartnerType.valueOf(rs.getString(3))))
                .list();
        List<HistoryStep> history = jdbc.sql("""
                        select at, actor, from_status, to_status, on_date, note from agreement_event
                         where agreement_id = ? order by id""")
                .param(id)
                .query((rs, i) -> new HistoryStep(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : AgreementStatus.valueOf(rs.getString(3)),
                        AgreementStatus.valueOf(rs.getString(4)), localDate(rs, "on_date"), rs.getString(6)))
                .list();
        return new AgreementView(row.id(), row.title(), row.region(), regionName(row.region()), row.status(),
                List.copyOf(row.status().next()), row.points(), partnerRefs, row.signatories(), row.signedOn(),
                row.validFrom(), row.validUntil(), daysLeft(row.status(), row.validUntil()), followUps(id), history,
                documents(id), row.createdAt(), row.updatedAt());
    }

    /**
     * Agreements in scope, filtered; {@code expiring} (days) keeps those signed or in force whose
     * validity ends within that many days from today, soonest first.
     */
    PageResult<AgreementSummary> list(Actor actor, @Nullable RegionCode region, @Nullable AgreementStatus status,
                                      @Nullable Long partnerId, @Nullable Integer expiring, PageRequest page) {
        return list(actor, region, status, partnerId, expiring, false, page);
    }

    /** As above; {@code overdue} keeps the agreements with a follow-up past its due date and not done. */
    PageResult<AgreementSummary> list(Actor actor, @Nullable RegionCode region, @Nullable AgreementStatus status,
                                      @Nullable Long partnerId, @Nullable Integer expiring, boolean overdue, PageRequest page) {
        actor.requireRole(Partners.READERS.toArray(Role[]::new));
        if (expiring != null && (expiring < 0 || expiring > 3650)) {
            throw InvalidInputException.of("expiring", "expiring.range", "must be 0 to 3650 days");
        }
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR_ZONE));
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("a.region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        params.put("today", Date.valueOf(today));
        if (region != null) {
            conditions.add("(a.region_code = :region or a.region_code like :regionBelow)");
            params.put("region", region.value());
            params.put("regionBelow", region.value() + ".%");
        }
        if (status != null) {
            conditions.add("a.status = :status");
            params.put("status", status.name());
        }
        if (partnerId != null) {
            conditions.add("exists (select 1 from agreement_partner ap where ap.agreement_id = a.id and ap.partner_id = :partner)");
            params.put("partner", partnerId);
        }
        if (overdue) {
            conditions.add("""
                    exists (select 1 from agreement_follow_up f
                             where f.agreement_id = a.id and f.done_on is null and f.due_on < :today)""");
        }
        String order = "a.updated_at desc, a.id desc";
        if (expiring != null) {
            conditions.add("a.status in ('SIGNED', 'ACTIVE') and a.valid_until between :today and :until");
            params.put("until", Date.valueOf(today.plusDays(expiring)));
            order = "a.valid_until, a.id";
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from agreement a where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<AgreementSummary> items = jdbc.sql("""
                        select a.*,
                               array(select p.name from agreement_partner ap join partner p on p.id = ap.partner_id
                                      where ap.agreement_id = a.id order by p.name) as partner_names,
                               (select count(*) from agreement_follow_up f
                                 where f.agreement_id = a.id and f.done_on is null and f.due_on < :today) as overdue
                          from agreement a where %s order by %s limit :limit offset :offset""".formatted(where, order))
                .params(params)
                .query((rs, i) -> {
                    AgreementStatus s = AgreementStatus.valueOf(rs.getString("status"));
                    LocalDate until = localDate(rs, "valid_until");
                    return new AgreementSummary(rs.getLong("id"), rs.getString("title"), new RegionCode(rs.getString("region_code")),
                            s, points(rs), List.of((String[]) rs.getArray("partner_names").getArray()),
                            localDate(rs, "signed_on"), until, daysLeft(s, until), rs.getInt("overdue"));
                })
                .list();
        return PageResult.of(items, total, page);
    }

    List<FollowUp> followUps(long id) {
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR_ZONE));
        return jdbc.sql("select id, description, due_on, done_on from agreement_follow_up where agreement_id = ? order by due_on, id")
                .param(id)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    LocalDate done = rs.getObject(4, LocalDate.class);
                    return new FollowUp(rs.getLong(1), rs.getString(2), due, done, done == null && due.isBefore(today));
                })
                .list();
    }

    private List<Document> documents(long id) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                          from agreement_document where agreement_id = ? order by uploaded_at""")
                .param(id)
                .query((rs, i) -> new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                        HexFormat.of().formatHex(rs.getBytes(5)), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }

    // ------------------------------------------------------------------------------------------ validation

    private record Valid(String title, RegionCode region, List<Long> partnerIds, Set<CooperationPoint> points,
                         List<Signatory> signatories, @Nullable LocalDate signedOn, @Nullable LocalDate validFrom,
                         @Nullable LocalDate validUntil) {
    }

    private Valid validate(Actor actor, AgreementRequest request) {
        Violations violations = new Violations();
        String title = request.title() == null ? "" : request.title().strip();
        violations.check(title.length() >= 3 && title.length() <= 300, "title", "title.length", "must be 3 to 300 characters");
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
        List<Long> partnerIds = request.partnerIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.partnerIds().stream().filter(java.util.Objects::nonNull).toList()));
        violations.check(!partnerIds.isEmpty(), "partnerIds", "partnerIds.required", "name at least one partner");
        violations.check(partnerIds.size() <= MAX_PARTNERS, "partnerIds", "partnerIds.tooMany", "at most " + MAX_PARTNERS);
        for (Long partnerId : partnerIds) {
            try {
                RegionCode partnerRegion = partners.regionOf(partnerId);
                violations.check(actor.mayActOn(partnerRegion), "partnerIds", "partnerIds.outOfScope",
                        "partner " + partnerId + " belongs to a region outside yours");
            } catch (NotFoundException e) {
                violations.add("partnerIds", "partnerIds.unknown", "no partner " + partnerId);
            }
        }
        List<CooperationPoint> rawPoints = request.cooperationPoints() == null ? List.of() : request.cooperationPoints();
        Set<CooperationPoint> points = EnumSet.noneOf(CooperationPoint.class);
        rawPoints.stream().filter(java.util.Objects::nonNull).forEach(points::add);
        violations.check(!points.isEmpty(), "cooperationPoints", "cooperationPoints.required",
                "name at least one cooperation point");
        List<Signatory> signatories = request.signatories() == null ? List.of() : request.signatories();
        for (int i = 0; i < signatories.size(); i++) {
            Signatory s = signatories.get(i);
            violations.check(s != null && s.name() != null && !s.name().isBlank() && s.name().length() <= 200,
                    "signatories[" + i + "].name", "required", "is required (at most 200 characters)");
        }
        violations.check(request.validUntil() == null || request.signedOn() == null
                        || !request.validUntil().isBefore(request.signedOn()), "validUntil", "validUntil.beforeSigning",
                "cannot be before signedOn");
        violations.check(request.validUntil() == null || request.validFrom() == null
                        || !request.validUntil().isBefore(request.validFrom()), "validUntil", "validUntil.beforeStart",
                "cannot be before validFrom");
        LocalDate today = LocalDate.now(clock.withZone(CALENDAR_ZONE));
        violations.check(request.signedOn() == null || !request.signedOn().isAfter(today), "signedOn", "signedOn.future",
                "cannot be in the future");
        violations.throwIfAny();
        actor.requireScope(region);
        List<Signatory> cleanSignatories = signatories.stream()
                .map(s -> new Signatory(s.name().strip(), blank(s.position()), blank(s.party()))).toList();
        return new Valid(title, region, partnerIds, points, cleanSignatories, request.signedOn(), request.validFrom(),
                request.validUntil());
    }

    private void linkPartners(long id, List<Long> partnerIds) {
        for (Long partnerId : partnerIds) {
            jdbc.sql("insert into agreement_partner (agreement_id, partner_id) values (?, ?)").params(id, partnerId).update();
        }
    }

    private @Nullable Long daysLeft(AgreementStatus status, @Nullable LocalDate validUntil) {
        if (!status.inForce() || validUntil == null) {
            return null;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(CALENDAR_ZONE)), validUntil);
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(r -> r.name()).orElse(code.value());
    }

    private static String[] points(Set<CooperationPoint> points) {
        return points.stream().map(Enum::name).toArray(String[]::new);
    }

    private static List<CooperationPoint> points(ResultSet rs) throws SQLException {
        String[] values = (String[]) rs.getArray("cooperation_points").getArray();
        return java.util.Arrays.stream(values).map(CooperationPoint::valueOf).toList();
    }

    private static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static @Nullable Date date(@Nullable LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
