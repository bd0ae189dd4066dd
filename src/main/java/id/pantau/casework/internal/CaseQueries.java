package id.pantau.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseStage;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The queues and the case page: what staff see, limited to the offices in their subtree. */
@Service
@Transactional(readOnly = true)
class CaseQueries {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CaseHandling handling;
    private final CaseJournal journal;
    private final CaseDocuments documents;
    private final Offices offices;
    private final Regions regions;
    private final Clock clock;

    CaseQueries(JdbcClient jdbc, CaseRepository cases, CaseHandling handling, CaseJournal journal, CaseDocuments documents,
                Offices offices, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.handling = handling;
        this.journal = journal;
        this.documents = documents;
        this.offices = offices;
        this.regions = regions;
        this.clock = clock;
    }

    enum Due { OVERDUE, TODAY, WEEK }

    /**
     * Filters of the queue. {@code office} is an office's region code or RI; {@code stages} empty
     * means every stage still being handled (not closed, not merged).
     */
    record Filter(@Nullable RegionCode region, List<CaseStage> stages, @Nullable String category, @Nullable Long electionId,
                  @Nullable String office, @Nullable UUID reportId, @Nullable Due due) {

        static Filter none() {
            return new Filter(null, List.of(), null, null, null, null, null);
        }
    }

    PageResult<CaseViews.QueueItem> queue(Actor actor, Filter filter, PageRequest page) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        Instant now = clock.instant();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(actor.scope().sqlParameters());
        conditions.add(actor.scope().sqlCondition("c.office_code"));
        if (filter.stages().isEmpty()) {
            conditions.add("c.stage not in ('CLOSED', 'MERGED')");
        } else {
            conditions.add("c.stage = any(:stages)");
            params.put("stages", filter.stages().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.region() != null) {
            conditions.add("(c.region_code = :region or c.region_code like :regionDescendants)");
            params.put("region", filter.region().value());
            params.put("regionDescendants", filter.region().value() + ".%");
        }
        if (filter.category() != null) {
            conditions.add("c.category_code = :category");
            params.put("category", filter.category());
        }
        if (filter.electionId() != null) {
            conditions.add("c.election_id = :election");
            params.put("election", filter.electionId());
        }
        if (filter.office() != null) {
            if (Offices.NATIONAL.equals(filter.office())) {
                conditions.add("c.office_code is null");
            } else {
                conditions.add("c.office_code = :office");
                params.put("office", filter.office());
            }
        }
        if (filter.reportId() != null) {
            conditions.add("exists (select 1 from case_report r where r.case_id = c.id and r.report_id = :reportId)");
            params.put("reportId", filter.reportId());
        }
        if (filter.due() != null) {
            params.put("now", CaseRepository.ts(now));
            conditions.add(switch (filter.due()) {
                case OVERDUE -> "c.next_due_at < :now";
                case TODAY -> "c.next_due_at >= :now and (c.next_due_at at time zone c.time_zone)::date"
                        + " = (cast(:now as timestamptz) at time zone c.time_zone)::date";
                case WEEK -> "c.next_due_at >= :now and c.next_due_at < cast(:now as timestamptz) + interval '7 days'";
            });
        }
        String where = String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from legal_case c where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        record Row(UUID id, CaseStage stage, String kind, RegionCode region, @Nullable RegionCode office, ZoneId zone,
                   String category, @Nullable String registerNumber, Instant receivedAt, @Nullable String dueName,
                   @Nullable Instant dueAt, @Nullable UUID incidentId, String[] trackingCodes) {
        }
        List<Row> rows = jdbc.sql("""
                        select c.id, c.stage, c.kind, c.region_code, c.office_code, c.time_zone, c.category_code,
                               c.register_number, c.received_at, c.next_due_name, c.next_due_at, c.incident_id,
                               array(select r.tracking_code from case_report r where r.case_id = c.id order by r.received_at)
                          from legal_case c where %s
                         order by c.next_due_at nulls last, c.received_at, c.id
                         limit :limit offset :offset""".formatted(where))
                .params(params)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), CaseStage.valueOf(rs.getString(2)), rs.getString(3),
                        new RegionCode(rs.getString(4)), rs.getString(5) == null ? null : new RegionCode(rs.getString(5)),
                        ZoneId.of(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                        rs.getObject(12, UUID.class), (String[]) rs.getArray(13).getArray()))
                .list();
        List<CaseViews.QueueItem> items = rows.stream().map(r -> new CaseViews.QueueItem(r.id(), r.stage(), r.kind(),
                        r.region(), regionName(r.region()), office(r.office(), r.zone()), r.category(), r.registerNumber(),
                        at(r.receivedAt(), r.zone()), r.dueName(), r.dueAt() == null ? null : at(r.dueAt(), r.zone()),
                        Urgency.of(r.dueAt(), now, r.zone()), r.trackingCodes().length, Arrays.asList(r.trackingCodes()),
                        r.incidentId()))
                .toList();
        return PageResult.of(items, total, page);
    }

    CaseViews.Detail detail(Actor actor, UUID id) {
        LegalCase c = handling.readable(actor, id);
        Instant now = clock.instant();
        ZoneId zone = c.zone;
        List<CaseDocuments.Document> all = documents.list(c.id);
        Map<Long, List<CaseViews.Document>> byStep = all.stream().filter(d -> d.eventId() != null)
                .collect(Collectors.groupingBy(CaseDocuments.Document::eventId,
                        Collectors.mapping(d -> document(d, zone), Collectors.toList())));
        List<CaseViews.Step> history = cases.history(c.id).stream()
                .map(h -> new CaseViews.Step(h.id(), at(h.at(), zone), h.actor(), h.action(), h.fromStage(), h.toStage(),
                        h.note(), h.details(), byStep.getOrDefault(h.id(), List.of())))
                .toList();
        List<CaseViews.DeadlineView> deadlines = c.stage.isFinished() ? List.of()
                : journal.clock(c).deadlines(c.clockFacts()).stream()
                .map(d -> new CaseViews.DeadlineView(d.name(), d.dueAt(), d.basis(), d.current(),
                        d.current() ? Urgency.of(d.dueAt().toInstant(), now, zone) : Urgency.NONE))
                .toList();
        List<CaseViews.Report> reports = cases.reports(c.id).stream()
                .map(r -> new CaseViews.Report(r.reportId(), r.trackingCode(), r.kind(), r.regionCode(), at(r.receivedAt(), zone),
                        r.timely()))
                .toList();
        List<Requirement> missing = c.missingItems == null ? List.of()
                : Arrays.stream(c.missingItems.split(",")).map(Requirement::valueOf).toList();
        Set<CaseAction> allowed = CaseHandling.allowedActions(c);
        return new CaseViews.Detail(c.id, c.stage, c.kind, c.ruleSet, c.electionId, c.regionCode, regionName(c.regionCode),
                office(c.officeCode, zone), c.categoryCode, c.subcategoryCode, c.incidentId, at(c.receivedAt, zone),
                c.registerNumber, c.registeredAt == null ? null : at(c.registeredAt, zone), c.extended, c.outcome, c.subject,
                c.outcome == null ? null : ReferralPolicy.defaultTarget(c.outcome,
                        c.subject == null ? ReportedSubject.OTHER : c.subject).orElse(null),
                c.referralTarget == null ? null : new CaseViews.Referral(c.referralTarget, c.referralLetter, c.referralDate),
                missing, c.mergedInto, Urgency.of(c.nextDueAt, now, zone), deadlines, allowed, reports, history,
                all.stream().filter(d -> d.eventId() == null).map(d -> document(d, zone)).toList(),
                cases.warnings(c.id).stream().map(w -> new CaseViews.Warning(w.getKey(), at(w.getValue(), zone))).toList());
    }

    private CaseViews.Office office(@Nullable RegionCode office, ZoneId zone) {
        return new CaseViews.Office(office == null ? Offices.NATIONAL : office.value(), offices.name(office), zone.getId());
    }

    private String regionName(RegionCode code) {
        return regions.find(code).map(Region::name).orElse(code.value());
    }

    private static CaseViews.Document document(CaseDocuments.Document d, ZoneId zone) {
        return new CaseViews.Document(d.id(), d.fileName(), d.contentType(), d.size(), d.sha256(), at(d.uploadedAt(), zone),
                d.uploadedBy(), d.eventId());
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
