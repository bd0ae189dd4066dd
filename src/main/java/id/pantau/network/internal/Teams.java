package id.pantau.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
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
 * Monitoring teams (tim pemantau) that a regional government or a partner forms for a region,
 * and their members: a coordinator, operators and members from agencies (OPD), activists, the
 * community and partners, each optionally assigned to an area of the team's region and a TPS.
 */
@Service
class Teams {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Volunteers volunteers;
    private final AuditTrail audit;
    private final Clock clock;

    Teams(JdbcClient jdbc, Regions regions, Volunteers volunteers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.volunteers = volunteers;
        this.audit = audit;
        this.clock = clock;
    }

    record TeamRequest(@Nullable String name, @Nullable String regionCode, @Nullable Long formedByPartnerId) {
    }

    record TeamView(long id, String name, RegionCode regionCode, String regionName, @Nullable Long formedByPartnerId,
                    long memberCount, Instant createdAt, Instant updatedAt) {
    }

    /** A membership as a client sends it; role and origin as text so that a wrong one is named, not a parse error. */
    record MemberRequest(@Nullable Long volunteerId, @Nullable String role, @Nullable String origin,
                         @Nullable String areaCode, @Nullable Integer tps) {
    }

    record MemberView(long id, long teamId, long volunteerId, String name, String phone, TeamRole role,
                      TeamOrigin origin, @Nullable RegionCode areaCode, @Nullable Integer tps, Instant createdAt,
                      Instant updatedAt) {
    }

    @Transactional
    TeamView create(Actor actor, TeamRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        ValidTeam valid = validate(request);
        actor.requireScope(valid.region());
        Instant now = clock.instant();
        long id;
        try {
            id = jdbc.sql("""
                            insert into team (name, region_code, formed_by_partner_id, created_at, created_by, updated_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(valid.name(), valid.region().value(), request.formedByPartnerId(), Timestamp.from(now),
                            actor.username(), Timestamp.from(now))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        audit.record(actor.username(), "TEAM_CREATED", "team:" + id, teamDetails(valid, request.formedByPartnerId()));
        return get(actor, id);
    }

    @Transactional
    TeamView update(Actor actor, long id, TeamRequest request) {
        actor.requireRole(Volunteers.MANAGERS);
        TeamView before = get(actor, id);
        ValidTeam valid = validate(request);
        actor.requireScope(valid.region());
        try {
            jdbc.sql("update team set name = ?, region_code = ?, formed_by_partner_id = ?, updated_at = ? where id = ?")
                    .params(valid.name(), valid.region().value(), request.formedByPartnerId(),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(valid);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", teamDetails(new ValidTeam(before.name(), before.regionCode()), before.formedByPartnerId()));
        details.put("after", teamDetails(valid, request.formedByPartnerId()));
        audit.record(actor.username(), "TEAM_UPDATED", "team:" + id, details);
        return get(actor, id);
    }

    TeamView get(Actor actor, long id) {
        actor.requireRole(Volunteers.READERS);
        TeamView team = jdbc.sql(TEAM_SELECT + " where t.id = ?").param(id).query(this::mapTeam).optional()
                .orElseThrow(() -> new NotFoundException("Team", id));
        actor.requireScope(team.regionCode());
        return team;
    }

    /** The team for a change: readable by the actor, who must also be allowed to manage it. */
    TeamView manageable(Actor actor, long id) {
        actor.requireRole(Volunteers.MANAGERS);
        return get(actor, id);
    }

    PageResult<TeamView> list(Actor actor, @Nullable RegionCode region, @Nullable Long partnerId, @Nullable String q,
                              PageRequest page) {
        actor.requireRole(Volunteers.READERS);
        List<String> conditions = new ArrayList<>(List.of(actor.scope().sqlCondition("t.region_code")));
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        if (region != null) {
            conditions.add("(t.region_code = :region or t.region_code like :regionBelow)");
            params.put("region", region.value());
            params.put("regionBelow", region.value() + ".%");
        }
        if (partnerId != null) {
            conditions.add("t.formed_by_partner_id = :partner");
            params.put("partner", partnerId);
        }
        if (q != null && !q.isBlank()) {
            conditions.add("t.name ilike :q");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from team t where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<TeamView> items = jdbc.sql(TEAM_SELECT + " where " + where + " order by t.name, t.id limit :limit offset :offset")
                .params(params).query(this::mapTeam).list();
        return PageResult.of(items, total, page);
    }

    @Transactional
    MemberView addMember(Actor actor, long teamId, MemberRequest request) {
        TeamView team = manageable(actor, teamId);
        Violations violations = new Violations();
        Volunteers.VolunteerView volunteer = volunteers.approvedFor(actor, request.volunteerId(), "volunteerId", violations)
                .orElse(null);
        Assignment assignment = checkAssignment(team.regionCode(), request.role(), request.origin(), request.areaCode(),
                request.tps(), "", violations);
        violations.throwIfAny();
        checkCoordinatorFree(teamId, assignment.role(), null);
        Instant now = clock.instant();
        long id;
        try {
            id = insertMember(teamId, volunteer.id(), assignment, now, actor.username());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(new FieldViolation("volunteerId", "member.duplicate",
                    "volunteer " + volunteer.id() + " is already a member of this team, or the team already has a coordinator"));
        }
        audit.record(actor.username(), "TEAM_MEMBER_ADDED", "team:" + teamId,
                memberDetails(id, volunteer.id(), assignment));
        return member(actor, teamId, id);
    }

    @Transactional
    MemberView updateMember(Actor actor, long teamId, long memberId, MemberRequest request) {
        TeamView team = manageable(actor, teamId);
        MemberView before = member(actor, teamId, memberId);
        Violations violations = new Violations();
        Assignment assignment = checkAssignment(team.regionCode(), request.role(), request.origin(), request.areaCode(),
                request.tps(), "", violations);
        violations.throwIfAny();
        checkCoordinatorFree(teamId, assignment.role(), memberId);
        try {
            jdbc.sql("update team_member set role = ?, origin = ?, area_code = ?, tps = ?, updated_at = ? where id = ?")
                    .params(assignment.role().name(), assignment.origin().name(),
                            assignment.area() == null ? null : assignment.area().value(), assignment.tps(),
                            Timestamp.from(clock.instant()), memberId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw coordinatorTaken();
        }
        Map<String, Object> details = memberDetails(memberId, before.volunteerId(), assignment);
        details.put("before", Map.of("role", before.role(), "origin", before.origin(),
                "areaCode", before.areaCode() == null ? "" : before.areaCode().value(),
                "tps", before.tps() == null ? "" : before.tps()));
        audit.record(actor.username(), "TEAM_MEMBER_UPDATED", "team:" + teamId, details);
        return member(actor, teamId, memberId);
    }

    MemberView member(Actor actor, long teamId, long memberId) {
        get(actor, teamId);
        return jdbc.sql(MEMBER_SELECT + " where m.team_id = ? and m.id = ?").params(teamId, memberId)
                .query(Teams::mapMember).optional().orElseThrow(() -> new NotFoundException("Team member", memberId));
    }

    PageResult<MemberView> members(Actor actor, long teamId, @Nullable TeamRole role, PageRequest page) {
        get(actor, teamId);
        String where = " where m.team_id = :team" + (role == null ? "" : " and m.role = :role");
        Map<String, Object> params = new HashMap<>();
        params.put("team", teamId);
        if (role != null) {
            params.put("role", role.name());
        }
        long total = jdbc.sql("select count(*) from team_member m" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<MemberView> items = jdbc.sql(MEMBER_SELECT + where + " " + """
                         order by case m.role when 'COORDINATOR' then 0 when 'OPERATOR' then 1 else 2 end, v.name, m.id
                         limit :limit offset :offset""")
                .params(params).query(Teams::mapMember).list();
        return PageResult.of(items, total, page);
    }

    /** Every member, for the CSV export (a team is small: hundreds, not millions). */
    List<MemberView> allMembers(Actor actor, long teamId) {
        get(actor, teamId);
        return jdbc.sql(MEMBER_SELECT + " where m.team_id = ? order by v.name, m.id").param(teamId)
                .query(Teams::mapMember).list();
    }

    record Assignment(TeamRole role, TeamOrigin origin, @Nullable RegionCode area, @Nullable Integer tps) {
    }

    /**
     * Role, origin, area and TPS of a membership. The area must lie in the team's region; a TPS
     * needs a village as its area. {@code prefix} is put before the field names (the import
     * reports plain column names, the API too).
     */
    Assignment checkAssignment(RegionCode teamRegion, @Nullable String rawRole, @Nullable String rawOrigin,
                               @Nullable String rawArea, @Nullable Integer tps, String prefix, Violations violations) {
        TeamRole role = parse(TeamRole.class, rawRole, prefix + "role", violations);
        TeamOrigin origin = parse(TeamOrigin.class, rawOrigin, prefix + "origin", violations);
        RegionCode area = null;
        if (rawArea != null && !rawArea.isBlank()) {
            if (!RegionCode.isValid(rawArea)) {
                violations.add(prefix + "areaCode", "regionCode.format", "must be a region code such as 35.09.01");
            } else {
                area = RegionCode.parse(rawArea);
                if (!regions.exists(area)) {
                    violations.add(prefix + "areaCode", "regionCode.unknown", "region " + area + " does not exist");
                    area = null;
                } else if (!teamRegion.contains(area)) {
                    violations.add(prefix + "areaCode", "areaCode.outsideTeam",
                            "must lie in the team's region " + teamRegion);
                    area = null;
                }
            }
        }
        if (tps != null) {
            if (!(tps >= 1 && tps <= 999)) {
                violations.add(prefix + "tps", "tps.range", "must be between 1 and 999");
            } else if (area == null || area.level() != RegionLevel.VILLAGE) {
                violations.check(violations.has(prefix + "areaCode"), prefix + "tps", "tps.needsVillage",
                        "a TPS needs a village as the area (areaCode such as 35.09.01.2001)");
            }
        }
        return new Assignment(role, origin, area, tps);
    }

    void checkCoordinatorFree(long teamId, TeamRole role, @Nullable Long exceptMember) {
        if (role != TeamRole.COORDINATOR) {
            return;
        }
        boolean taken = jdbc.sql("select exists (select 1 from team_member where team_id = ? and role = 'COORDINATOR' and id <> ?)")
                .params(teamId, exceptMember == null ? -1L : exceptMember).query(Boolean.class).single();
        if (taken) {
            throw coordinatorTaken();
        }
    }

    long insertMember(long teamId, long volunteerId, Assignment assignment, Instant now, String by) {
        return jdbc.sql("""
                        insert into team_member (team_id, volunteer_id, role, origin, area_code, tps, created_at, created_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(teamId, volunteerId, assignment.role().name(), assignment.origin().name(),
                        assignment.area() == null ? null : assignment.area().value(), assignment.tps(),
                        Timestamp.from(now), by, Timestamp.from(now))
                .query(Long.class).single();
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String raw, String field, Violations violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(field, "required", "is required: one of " + List.of(type.getEnumConstants()));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(field, field.substring(field.lastIndexOf('.') + 1) + ".unknown",
                    "'" + raw.strip() + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private record ValidTeam(String name, RegionCode region) {
    }

    private ValidTeam validate(TeamRequest request) {
        Violations violations = new Violations();
        String name = request.name() == null ? "" : request.name().strip();
        violations.check(name.length() >= 2 && name.length() <= 200, "name", name.isEmpty() ? "required" : "name.length",
                name.isEmpty() ? "is required" : "must be 2 to 200 characters");
        RegionCode region = null;
        if (violations.check(request.regionCode() != null && !request.regionCode().isBlank(), "regionCode", "required", "is required")) {
            if (!RegionCode.isValid(request.regionCode())) {
                violations.add("regionCode", "regionCode.format", "must be a region code such as 35 or 35.09");
            } else {
                region = RegionCode.parse(request.regionCode());
                violations.check(regions.exists(region), "regionCode", "regionCode.unknown", "region " + region + " does not exist");
            }
        }
        volunteers.checkPartner(request.formedByPartnerId(), "formedByPartnerId", region, violations);
        violations.throwIfAny();
        return new ValidTeam(name, region);
    }

    private static ConflictException duplicate(ValidTeam valid) {
        return new ConflictException(new FieldViolation("name", "name.taken",
                "a team named '" + valid.name() + "' already exists in region " + valid.region()));
    }

    private static ConflictException coordinatorTaken() {
        return new ConflictException(new FieldViolation("role", "role.coordinatorTaken",
                "the team already has a coordinator; make the current one an operator or member first"));
    }

    private static Map<String, Object> teamDetails(ValidTeam team, @Nullable Long partnerId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", team.name());
        details.put("regionCode", team.region().value());
        details.put("formedByPartnerId", partnerId);
        return details;
    }

    private static Map<String, Object> memberDetails(long memberId, long volunteerId, Assignment assignment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("memberId", memberId);
        details.put("volunteerId", volunteerId);
        details.put("role", assignment.role());
        details.put("origin", assignment.origin());
        details.put("areaCode", assignment.area() == null ? null : assignment.area().value());
        details.put("tps", assignment.tps());
        return details;
    }

    private static final String TEAM_SELECT = """
            select t.*, (select count(*) from team_member m where m.team_id = t.id) as member_count from team t""";

    private static final String MEMBER_SELECT = """
            select m.*, v.name, v.phone_masked from team_member m join volunteer v on v.id = m.volunteer_id""";

    private TeamView mapTeam(ResultSet rs, int row) throws SQLException {
        RegionCode region = new RegionCode(rs.getString("region_code"));
        return new TeamView(rs.getLong("id"), rs.getString("name"), region,
                regions.find(region).map(r -> r.name()).orElse(region.value()),
                (Long) rs.getObject("formed_by_partner_id"), rs.getLong("member_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static MemberView mapMember(ResultSet rs, int row) throws SQLException {
        String area = rs.getString("area_code");
        return new MemberView(rs.getLong("id"), rs.getLong("team_id"), rs.getLong("volunteer_id"), rs.getString("name"),
                rs.getString("phone_masked"), TeamRole.valueOf(rs.getString("role")),
                TeamOrigin.valueOf(rs.getString("origin")), area == null ? null : new RegionCode(area),
                (Integer) rs.getObject("tps"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
