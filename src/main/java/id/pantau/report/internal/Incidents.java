package id.pantau.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.report.IncidentChanged;
import id.pantau.shared.ConflictException;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.TimeOrderedUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: reports that describe the same event, each report a witness account of it.
 * Duplicate detection suggests them; staff confirm, merge or split them. An incident's region
 * is the smallest region containing all its reports, which decides who may act on it.
 */
@Service
class Incidents {

    private final JdbcClient jdbc;
    private final ReportQueries queries;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    Incidents(JdbcClient jdbc, ReportQueries queries, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    record IncidentView(UUID id, String status, String category, RegionCode regionCode, OffsetDateTime firstOccurredAt,
                        OffsetDateTime lastOccurredAt, @Nullable String confirmedBy, List<ReportSummary> reports) {
    }

    private record Row(UUID id, String status, String category, RegionCode region, Instant first, Instant last,
                       @Nullable String confirmedBy) {
    }

    /** A new report duplicating {@code original}: joins its incident, or forms one with it. A join awaits confirmation again. */
    UUID join(ReportProcessing.Pending report, ReportProcessing.Candidate original) {
        Instant now = clock.instant();
        UUID incident = original.incidentId();
        if (incident == null) {
            incident = TimeOrderedUuid.next(clock);
            jdbc.sql("""
                            insert into incident (id, status, category_code, region_code, first_occurred_at, last_occurred_at,
                                                  created_at, updated_at)
                            select ?, 'SUGGESTED', category_code, region_code, occurred_at, occurred_at, ?, ? from report where id = ?""")
                    .params(incident, Timestamp.from(now), Timestamp.from(now), original.id()).update();
            jdbc.sql("update report set incident_id = ? where id = ?").params(incident, original.id()).update();
        }
        jdbc.sql("update report set incident_id = ? where id = ?").params(incident, report.id()).update();
        jdbc.sql("update incident set status = 'SUGGESTED', confirmed_by = null where id = ?").param(incident).update();
        refresh(incident);
        events.publishEvent(new IncidentChanged(incident, "SUGGESTED", false, members(incident)));
        return incident;
    }

    @Transactional(readOnly = true)
    IncidentView get(Actor actor, UUID id) {
        Row row = requireStaff(actor, id, false);
        ZoneId zone = zone(row.region());
        return new IncidentView(row.id(), row.status(), row.category(), row.region(), row.first().atZone(zone).toOffsetDateTime(),
                row.last().atZone(zone).toOffsetDateTime(), row.confirmedBy(), queries.incidentReports(id));
    }

    @Transactional
    IncidentView confirm(Actor actor, UUID id) {
        requireStaff(actor, id, true);
        jdbc.sql("update incident set status = 'CONFIRMED', confirmed_by = ?, updated_at = ? where id = ?")
                .params(actor.username(), Timestamp.from(clock.instant()), id).update();
        announce(actor, id, "CONFIRMED", true);
        return get(actor, id);
    }

    /** Takes reports out of the incident; an incident left with fewer than two reports is dissolved. */
    @Transactional
    @Nullable IncidentView split(Actor actor, UUID id, List<UUID> reportIds) {
        requireStaff(actor, id, true);
        List<UUID> members = members(id);
        if (reportIds.isEmpty() || !members.containsAll(reportIds)) {
            throw InvalidInputException.of("reportIds", "reportIds.notMembers", "name one or more reports of this incident");
        }
        jdbc.sql("update report set incident_id = null where incident_id = ? and id = any(?)")
                .params(id, reportIds.toArray(UUID[]::new)).update();
        if (members.size() - reportIds.size() < 2) {
            jdbc.sql("update report set incident_id = null where incident_id = ?").param(id).update();
            jdbc.sql("delete from incident where id = ?").param(id).update();
            announce(actor, id, "DISSOLVED", false);
            return null;
        }
        refresh(id);
        jdbc.sql("update incident set status = 'CONFIRMED', confirmed_by = ? where id = ?").params(actor.username(), id).update();
        announce(actor, id, "SPLIT", true);
        return get(actor, id);
    }

    /** Brings other incidents' reports, or single reports, into this incident, and confirms it. */
    @Transactional
    IncidentView merge(Actor actor, UUID id, List<UUID> incidentIds, List<UUID> reportIds) {
        Row target = requireStaff(actor, id, true);
        if (incidentIds.isEmpty() && reportIds.isEmpty()) {
            throw InvalidInputException.of("incidentIds", "merge.nothing", "name incidents or reports to merge into this one");
        }
        Set<UUID> moving = new LinkedHashSet<>(reportIds);
        for (UUID other : incidentIds) {
            if (other.equals(id)) {
                throw InvalidInputException.of("incidentIds", "merge.self", "an incident cannot be merged into itself");
            }
            requireStaff(actor, other, true);
            moving.addAll(members(other));
        }
        for (UUID report : reportIds) {
            List<String> category = jdbc.sql("select category_code from report where id = ?").param(report).query(String.class).list();
            if (category.isEmpty()) {
                throw InvalidInputException.of("reportIds", "reportIds.unknown", "report " + report + " does not exist");
            }
            if (!category.getFirst().equals(target.category())) {
                throw new ConflictException("Report " + report + " is of another category than the incident");
            }
        }
        for (UUID report : moving) {
            RegionCode region = new RegionCode(jdbc.sql("select region_code from report where id = ?").param(report)
                    .query(String.class).single());
            actor.requireScope(region);
            if (!region.ancestorAt(RegionLevel.PROVINCE).equals(target.region().ancestorAt(RegionLevel.PROVINCE))) {
                throw new ConflictException("Report " + report + " is in another province: incidents stay within one province");
            }
        }
        jdbc.sql("update report set incident_id = ? where id = any(?)").params(id, moving.toArray(UUID[]::new)).update();
        for (UUID other : incidentIds) {
            jdbc.sql("delete from incident where id = ?").param(other).update();
            announce(actor, other, "MERGED_AWAY", false);
        }
        refresh(id);
        jdbc.sql("update incident set status = 'CONFIRMED', confirmed_by = ? where id = ?").params(actor.username(), id).update();
        announce(actor, id, "MERGED", true);
        return get(actor, id);
    }

    List<UUID> members(UUID incident) {
        return jdbc.sql("select id from report where incident_id = ? order by occurred_at, id").param(incident)
                .query(UUID.class).list();
    }

    /** Recomputes the incident's region (the members' common ancestor) and time span. */
    private void refresh(UUID incident) {
        List<String> regions = jdbc.sql("select distinct region_code from report where incident_id = ?").param(incident)
                .query(String.class).list();
        jdbc.sql("""
                        update incident set region_code = ?, updated_at = ?,
                               first_occurred_at = (select min(occurred_at) from report where incident_id = incident.id),
                               last_occurred_at = (select max(occurred_at) from report where incident_id = incident.id)
                         where id = ?""")
                .params(commonAncestor(regions).value(), Timestamp.from(clock.instant()), incident).update();
    }

    static RegionCode commonAncestor(List<String> codes) {
        List<String> segments = new ArrayList<>(List.of(codes.getFirst().split("\\.")));
        for (String code : codes) {
            String[] other = code.split("\\.");
            int same = 0;
            while (same < segments.size() && same < other.length && segments.get(same).equals(other[same])) {
                same++;
            }
            segments = segments.subList(0, same);
        }
        if (segments.isEmpty()) {
            throw new IllegalStateException("Reports of one incident in different provinces: " + codes);
        }
        return new RegionCode(String.join(".", segments));
    }

    private Row requireStaff(Actor actor, UUID id, boolean changing) {
        if (changing) {
            actor.requireRole(Role.STAFF);
        } else {
            actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        }
        Row row = jdbc.sql("""
                        select id, status, category_code, region_code, first_occurred_at, last_occurred_at, confirmed_by
                          from incident where id = ?""")
                .param(id)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        new RegionCode(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .optional().orElseThrow(() -> new NotFoundException("Incident", id));
        actor.requireScope(row.region());
        return row;
    }

    private void announce(Actor actor, UUID id, String change, boolean confirmed) {
        List<UUID> members = members(id);
        audit.record(actor.username(), "INCIDENT_" + change, "incident:" + id, Map.of("reports", members.size()));
        events.publishEvent(new IncidentChanged(id, change, confirmed, members));
    }

    private ZoneId zone(RegionCode region) {
        return ZoneId.of(jdbc.sql("select time_zone from region where code = ?").param(region.value()).query(String.class).single());
    }
}
