package id.pantau.network.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cadre cohorts of a programme (e.g. SKPP 2021, Angkatan I, Jember): their training sessions,
 * members, attendance and completion. Completion issues a certificate code anyone can verify.
 */
@Service
class Cohorts {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Volunteers volunteers;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Cohorts(JdbcClient jdbc, Regions regions, Volunteers volunteers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.volunteers = volunteers;
        this.audit = audit;
        this.clock = clock;
    }

    record CohortRequest(@Nullable String name, @Nullable String programme, @Nullable String regionCode,
                         @Nullable LocalDate startsOn) {
    }

    record SessionRequest(@Nullable String title, @Nullable LocalDate heldOn) {
    }

    record EnrolRequest(@Nullable Long volunteerId) {
    }

    record AttendanceRequest(@Nullable List<Long> volunteerIds) {
    }

    record CompletionRequest(@Nullable LocalDate completedOn) {
    }

    /** What a member list is narrowed to: completed or not, a name. */
    record MemberFilter(@Nullable Boolean completed, @Nullable String q) {
    }

    record CohortSummary(long id, String name, String programme, RegionCode regionCode, String regionName,
                         LocalDate startsOn, long memberCount, long completedCount, Instant createdAt, Instant updatedAt) {
    }

    record SessionView(long id, String title, LocalDate heldOn, long attendance) {
    }

    record MemberView(long volunteerId, String name, Instant enrolledAt, long sessionsAttended,
                      @Nullable LocalDate completedOn, @Nullable String certificateCode) {
    }

    record CohortView(long id, String name, String programme, RegionCode regionCode, String regionName,
                      LocalDate startsOn, List<SessionView> sessions, List<MemberView> members, Instant createdAt,
                      Instant updatedAt) {
    }

    /** What anyone may learn from a certificate code: enough to verify, not to identify. */
    record Certificate(String code, String holder, String cohort, String programme, String regionName,
                       LocalDate completedOn) {
    }

    @Transactional
    CohortView create(Actor actor, CohortRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        Valid valid = validate(request);
        actor.requireScope(valid.region());
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.sql("""
                            insert into cohort (name, programme, region_code, starts_on, created_at, created_by, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(valid.name(), valid.programme(), valid.region().value(), Date.valueOf(valid.startsOn()),
                            Timestamp.from(now), actor.username(), Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        audit.record(actor.username(), "COHORT_CREATED", "cohort:" + id, details(valid));
        return get(actor, id);
    }

    @Transactional
    CohortView update(Actor actor, long id, CohortRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView before = get(actor, id);
        Valid valid = validate(request);
        actor.requireScope(valid.region());
        try {
            jdbc.sql("update cohort set name = ?, programme = ?, region_code = ?, starts_on = ?, updated_at = ? where id = ?")
                    .params(valid.name(), valid.programme(), valid.region().value(), Date.valueOf(valid.startsOn()),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        audit.record(actor.username(), "COHORT_UPDATED", "cohort:" + id, Map.of(
                "before", details(new Valid(before.name(), before.programme(), before.regionCode(), before.startsOn())),
                "after", details(valid)));
        return get(actor, id);
    }

    CohortView get(Actor actor, long id) {
        actor.requireRole(Volunteers.READERS);
        CohortSummary cohort = jdbc.sql(SUMMARY_SELECT + " where c.id = ?").param(id).query(this::mapSummary).optional()
                .orElseThrow(() -> new NotFoundException("Cohort", id));
        actor.requireScope(cohort.regionCode());
        List<SessionView> sessions = jdbc.sql(SESSION_SELECT + " where s.cohort_id = ? order by s.held_on, s.id")
                .param(id).query(Cohorts::mapSession).list();
        List<MemberView> members = jdbc.sql(MEMBER_SELECT + " where m.cohort_id = ? order by v.name, m.volunteer_id")
                .param(id).query(Cohorts::mapMember).list();
        return new CohortView(cohort.id(), cohort.name(), cohort.programme(), cohort.regionCode(), cohort.regionName(),
                cohort.startsOn(), sessions, members, cohort.createdAt(), cohort.updatedAt());
    }

    PageResult<CohortSummary> list(Actor actor, @Nullable RegionCode region, @Nullable String programme,
                                   @Nullable String q, PageRequest page) {
        actor.requireRole(Volunteers.READERS);
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("c.region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        if (region != null) {
            conditions.add("(c.region_code = :region or c.region_code like :regionBelow)");
            params.put("region", region.value());
            params.put("regionBelow", region.value() + ".%");
        }
        if (programme != null && !programme.isBlank()) {
            conditions.add("c.programme = :programme");
            params.put("programme", programme.strip());
        }
        if (q != null && !q.isBlank()) {
            conditions.add("(c.name ilike :q or c.programme ilike :q)");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from cohort c where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<CohortSummary> items = jdbc.sql(SUMMARY_SELECT + " where " + where
                        + " order by c.starts_on desc, c.id desc limit :limit offset :offset")
                .params(params).query(this::mapSummary).list();
        return PageResult.of(items, total, page);
    }

    @Transactional
    SessionView addSession(Actor actor, long id, SessionRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView cohort = get(actor, id);
        String title = validSession(cohort, request);
        long sessionId = jdbc.sql("""
                        insert into cohort_session (cohort_id, title, held_on, created_at, created_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(id, title, Date.valueOf(request.heldOn()), Timestamp.from(clock.instant()), actor.username())
                .query(Long.class).single();
        audit.record(actor.username(), "COHORT_SESSION_ADDED", "cohort:" + id,
                Map.of("sessionId", sessionId, "title", title, "heldOn", request.heldOn().toString()));
        return new SessionView(sessionId, title, request.heldOn(), 0);
    }

    @Transactional
    CohortView enrol(Actor actor, long id, EnrolRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        get(actor, id);
        Violations violations = new Violations();
        volunteers.approvedFor(actor, request.volunteerId(), "volunteerId", violations);
        violations.throwIfAny();
        int added = jdbc.sql("""
                        insert into cohort_member (cohort_id, volunteer_id, enrolled_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(id, request.volunteerId(), Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw new ConflictException(new FieldViolation("volunteerId", "member.duplicate",
                    "volunteer " + request.volunteerId() + " is already in this cohort"));
        }
        audit.record(actor.username(), "COHORT_MEMBER_ENROLLED", "cohort:" + id, Map.of("volunteerId", request.volunteerId()));
        return get(actor, id);
    }

    @Transactional
    CohortView recordAttendance(Actor actor, long id, long sessionId, AttendanceRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView cohort = get(actor, id);
        if (cohort.sessions().stream().noneMatch(s -> s.id() == sessionId)) {
            throw new NotFoundException("Session", sessionId);
        }
        Violations violations = new Violations();
        List<Long> ids = request.volunteerIds() == null ? List.of() : request.volunteerIds();
        violations.check(!ids.isEmpty(), "volunteerIds", "required", "needs at least one volunteer id");
        for (int i = 0; i < ids.size(); i++) {
            Long volunteerId = ids.get(i);
            violations.check(volunteerId != null && cohort.members().stream().anyMatch(m -> m.volunteerId() == volunteerId),
                    "volunteerIds[" + i + "]", "member.unknown", "volunteer " + volunteerId + " is not in this cohort");
        }
        violations.throwIfAny();
        for (Long volunteerId : ids) {
            jdbc.sql("""
                            insert into cohort_attendance (session_id, cohort_id, volunteer_id, recorded_at, recorded_by)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(sessionId, id, volunteerId, Timestamp.from(clock.instant()), actor.username()).update();
        }
        audit.record(actor.username(), "COHORT_ATTENDANCE_RECORDED", "cohort:" + id,
                Map.of("sessionId", sessionId, "volunteerIds", ids));
        return get(actor, id);
    }

    @Transactional
    MemberView complete(Actor actor, long id, long volunteerId, CompletionRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView cohort = get(actor, id);
        MemberView member = cohort.members().stream().filter(m -> m.volunteerId() == volunteerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Cohort member", volunteerId));
        if (member.completedOn() != null) {
            throw new ConflictException("Volunteer " + volunteerId + " completed this cohort on " + member.completedOn()
                    + " with certificate " + member.certificateCode());
        }
        LocalDate on = validCompletion(cohort, request);
        CertificateCode code = CertificateCode.generate(random);
        jdbc.sql("update cohort_member set completed_on = ?, certificate_code = ? where cohort_id = ? and volunteer_id = ?")
                .params(Date.valueOf(on), code.value(), id, volunteerId).update();
        audit.record(actor.username(), "COHORT_MEMBER_COMPLETED", "cohort:" + id,
                Map.of("volunteerId", volunteerId, "completedOn", on.toString(), "certificateCode", code.value()));
        return new MemberView(volunteerId, member.name(), member.enrolledAt(), member.sessionsAttended(), on, code.value());
    }

    private static String validSession(CohortView cohort, SessionRequest request) {
        Violations violations = new Violations();
        String title = request.title() == null ? "" : request.title().strip();
        violations.check(title.length() >= 2 && title.length() <= 200, "title", title.isEmpty() ? "required" : "title.length",
                title.isEmpty() ? "is required" : "must be 2 to 200 characters");
        if (violations.check(request.heldOn() != null, "heldOn", "required", "is required")) {
            violations.check(!request.heldOn().isBefore(cohort.startsOn()), "heldOn", "heldOn.beforeStart",
                    "must not be before the cohort starts (" + cohort.startsOn() + ")");
        }
        violations.throwIfAny();
        return title;
    }

    /** The cohort's sessions in order of their dates, with how many attended each. */
    PageResult<SessionView> sessions(Actor actor, long id, PageRequest page) {
        get(actor, id);
        long total = jdbc.sql("select count(*) from cohort_session where cohort_id = ?").param(id).query(Long.class).single();
        List<SessionView> items = jdbc.sql(SESSION_SELECT + " where s.cohort_id = ? order by s.held_on, s.id limit ? offset ?")
                .params(id, page.size(), page.offset()).query(Cohorts::mapSession).list();
        return PageResult.of(items, total, page);
    }

    SessionView session(Actor actor, long id, long sessionId) {
        get(actor, id);
        return jdbc.sql(SESSION_SELECT + " where s.cohort_id = ? and s.id = ?").params(id, sessionId)
                .query(Cohorts::mapSession).optional().orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    /** Corrects a session's title or date; its attendance stays. */
    @Transactional
    SessionView updateSession(Actor actor, long id, long sessionId, SessionRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView cohort = get(actor, id);
        SessionView before = session(actor, id, sessionId);
        String title = validSession(cohort, request);
        jdbc.sql("update cohort_session set title = ?, held_on = ? where id = ? and cohort_id = ?")
                .params(title, Date.valueOf(request.heldOn()), sessionId, id).update();
        audit.record(actor.username(), "COHORT_SESSION_UPDATED", "cohort:" + id, Map.of("sessionId", sessionId,
                "before", Map.of("title", before.title(), "heldOn", before.heldOn().toString()),
                "after", Map.of("title", title, "heldOn", request.heldOn().toString())));
        return session(actor, id, sessionId);
    }

    /** The cohort's cadres by name; {@code completed} keeps those who did (true) or did not (false) complete it. */
    PageResult<MemberView> members(Actor actor, long id, MemberFilter filter, PageRequest page) {
        get(actor, id);
        List<String> conditions = new ArrayList<>(List.of("m.cohort_id = :cohort"));
        Map<String, Object> params = new HashMap<>(Map.of("cohort", id));
        if (filter.completed() != null) {
            conditions.add(filter.completed() ? "m.completed_on is not null" : "m.completed_on is null");
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            conditions.add("v.name ilike :q");
            params.put("q", "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from cohort_member m join volunteer v on v.id = m.volunteer_id" + where)
                .params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<MemberView> items = jdbc.sql(MEMBER_SELECT + where + " order by v.name, m.volunteer_id limit :limit offset :offset")
                .params(params).query(Cohorts::mapMember).list();
        return PageResult.of(items, total, page);
    }

    MemberView member(Actor actor, long id, long volunteerId) {
        get(actor, id);
        return jdbc.sql(MEMBER_SELECT + " where m.cohort_id = ? and m.volunteer_id = ?").params(id, volunteerId)
                .query(Cohorts::mapMember).optional().orElseThrow(() -> new NotFoundException("Cohort member", volunteerId));
    }

    /**
     * Corrects the completion date of a cadre who completed the cohort; the certificate code stays
     * (it may already be printed). A cadre who has not completed it is completed with POST
     * .../completion, which issues the code: this answers 409 for them.
     */
    @Transactional
    MemberView updateMember(Actor actor, long id, long volunteerId, CompletionRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        CohortView cohort = get(actor, id);
        MemberView member = member(actor, id, volunteerId);
        if (member.completedOn() == null) {
            throw new ConflictException(new FieldViolation("completedOn", "completion.missing",
                    "volunteer " + volunteerId + " has not completed this cohort; record the completion first"));
        }
        LocalDate on = validCompletion(cohort, request);
        jdbc.sql("update cohort_member set completed_on = ? where cohort_id = ? and volunteer_id = ?")
                .params(Date.valueOf(on), id, volunteerId).update();
        audit.record(actor.username(), "COHORT_MEMBER_UPDATED", "cohort:" + id, Map.of("volunteerId", volunteerId,
                "before", Map.of("completedOn", member.completedOn().toString()), "after", Map.of("completedOn", on.toString())));
        return member(actor, id, volunteerId);
    }

    private LocalDate validCompletion(CohortView cohort, CompletionRequest request) {
        Violations violations = new Violations();
        LocalDate on = request.completedOn();
        if (violations.check(on != null, "completedOn", "required", "is required")) {
            violations.check(!on.isBefore(cohort.startsOn()), "completedOn", "completedOn.beforeStart",
                    "must not be before the cohort starts (" + cohort.startsOn() + ")");
            violations.check(!on.isAfter(LocalDate.now(clock.withZone(Agreements.CALENDAR_ZONE)).plusDays(1)), "completedOn",
                    "completedOn.future", "must not be in the future");
        }
        violations.throwIfAny();
        return on;
    }

    /** Public verification: the certificate of a code, or empty (also for a code that cannot be one). */
    Optional<Certificate> certificate(String typed) {
        return CertificateCode.parse(typed).flatMap(code -> jdbc.sql("""
                        select m.certificate_code, m.completed_on, v.name as holder, c.name, c.programme, c.region_code
                        from cohort_member m join volunteer v on v.id = m.volunteer_id join cohort c on c.id = m.cohort_id
                        where m.certificate_code = ?""")
                .param(code.value())
                .query((rs, i) -> {
                    RegionCode region = new RegionCode(rs.getString("region_code"));
                    return new Certificate(rs.getString("certificate_code"), maskName(rs.getString("holder")),
                            rs.getString("name"), rs.getString("programme"),
                            regions.find(region).map(r -> r.name()).orElse(region.value()),
                            rs.getDate("completed_on").toLocalDate());
                }).optional());
    }

    /** "Budi Santoso" → "B*** S***": the first letter of each word. */
    static String maskName(String name) {
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(word.codePointAt(0)).append("***");
        }
        return masked.toString();
    }

    private record Valid(String name, String programme, RegionCode region, LocalDate startsOn) {
    }

    private Valid validate(CohortRequest request) {
        Violations violations = new Violations();
        String name = request.name() == null ? "" : request.name().strip();
        violations.check(name.length() >= 2 && name.length() <= 200, "name", name.isEmpty() ? "required" : "name.length",
                name.isEmpty() ? "is required" : "must be 2 to 200 characters");
        String programme = request.programme() == null ? "" : request.programme().strip();
        violations.check(programme.length() >= 2 && programme.length() <= 200, "programme",
                programme.isEmpty() ? "required" : "programme.length",
                programme.isEmpty() ? "is required" : "must be 2 to 200 characters");
        RegionCode region = null;
        if (violations.check(request.regionCode() != null && !request.regionCode().isBlank(), "regionCode", "required", "is required")) {
            if (!RegionCode.isValid(request.regionCode())) {
                violations.add("regionCode", "regionCode.format", "must be a region code such as 35 or 35.09");
            } else {
                region = RegionCode.parse(request.regionCode());
                violations.check(regions.exists(region), "regionCode", "regionCode.unknown", "region " + region + " does not exist");
            }
        }
        violations.check(request.startsOn() != null, "startsOn", "required", "is required");
        violations.throwIfAny();
        return new Valid(name, programme, region, request.startsOn());
    }

    private static ConflictException duplicate(Valid valid) {
        return new ConflictException(new FieldViolation("name", "name.taken", "the programme " + valid.programme()
                + " already has a cohort named '" + valid.name() + "' in region " + valid.region()));
    }

    private static Map<String, Object> details(Valid valid) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", valid.name());
        details.put("programme", valid.programme());
        details.put("regionCode", valid.region().value());
        details.put("startsOn", valid.startsOn().toString());
        return details;
    }

    private static final String SESSION_SELECT = """
            select s.id, s.title, s.held_on,
                   (select count(*) from cohort_attendance a where a.session_id = s.id) as attendance
            from cohort_session s""";

    private static final String MEMBER_SELECT = """
            select m.volunteer_id, v.name, m.enrolled_at, m.completed_on, m.certificate_code,
                   (select count(*) from cohort_attendance a
                     where a.cohort_id = m.cohort_id and a.volunteer_id = m.volunteer_id) as attended
            from cohort_member m join volunteer v on v.id = m.volunteer_id""";

    private static SessionView mapSession(ResultSet rs, int row) throws SQLException {
        return new SessionView(rs.getLong("id"), rs.getString("title"), rs.getDate("held_on").toLocalDate(),
                rs.getLong("attendance"));
    }

    private static MemberView mapMember(ResultSet rs, int row) throws SQLException {
        return new MemberView(rs.getLong("volunteer_id"), rs.getString("name"), rs.getTimestamp("enrolled_at").toInstant(),
                rs.getLong("attended"), rs.getDate("completed_on") == null ? null : rs.getDate("completed_on").toLocalDate(),
                rs.getString("certificate_code"));
    }

    private static final String SUMMARY_SELECT = """
            select c.*, (select count(*) from cohort_member m where m.cohort_id = c.id) as member_count,
                   (select count(*) from cohort_member m where m.cohort_id = c.id and m.completed_on is not null) as completed_count
            from cohort c""";

    private CohortSummary mapSummary(ResultSet rs, int row) throws SQLException {
        RegionCode region = new RegionCode(rs.getString("region_code"));
        return new CohortSummary(rs.getLong("id"), rs.getString("name"), rs.getString("programme"), region,
                regions.find(region).map(r -> r.name()).orElse(region.value()), rs.getDate("starts_on").toLocalDate(),
                rs.getLong("member_count"), rs.getLong("completed_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
