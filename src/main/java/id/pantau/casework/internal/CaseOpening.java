package id.pantau.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.pantau.casework.CaseStage;
import id.pantau.election.Election;
import id.pantau.election.ElectionType;
import id.pantau.election.Elections;
import id.pantau.region.RegionCode;
import id.pantau.report.IncidentChanged;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportSubmitted;
import id.pantau.shared.TimeOrderedUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for every report and finding (hazards are alerts, not violations), and keeps the
 * cases in step with incidents: confirming or merging reports into one incident merges their
 * cases; taking a report out of an incident gives it a case of its own again. A report's event
 * arrives inside the processing transaction, which may be done again after a failure; incident
 * changes arrive after their transaction commits and may arrive twice: every step checks first.
 */
@Component
class CaseOpening {

    static final String SYSTEM = "system";

    private final CaseRepository cases;
    private final CaseJournal journal;
    private final Offices offices;
    private final Elections elections;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseOpening(CaseRepository cases, CaseJournal journal, Offices offices, Elections elections, JdbcClient jdbc,
                Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.offices = offices;
        this.elections = elections;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs in the report processing's transaction (see {@link ReportSubmitted}). */
    @EventListener
    @Transactional
    void on(ReportSubmitted report) {
        if (report.hazard()) {
            return;
        }
        lock("report:" + report.reportId());
        if (cases.caseOf(report.reportId()).isPresent()) {
            return;
        }
        ReportLink link = new ReportLink(report.reportId(), report.trackingCode(), kind(report.kind()),
                report.regionCode(), report.receivedAt(), report.timely());
        // a report that joined an incident whose reports are already handled as one joins that case
        Optional<LegalCase> incidentCase = Optional.ofNullable(report.incidentId())
                .flatMap(cases::caseOfIncident).flatMap(cases::lock).filter(c -> !c.stage.isFinished());
        if (incidentCase.isPresent()) {
            LegalCase target = incidentCase.get();
            cases.link(target.id, link, clock.instant());
            journal.save(target, target.stage, SYSTEM, "JOIN", null, Map.of("reportId", report.reportId().toString(),
                    "trackingCode", report.trackingCode()), null, clock.instant());
            return;
        }
        ElectionType rules = Optional.ofNullable(report.electionId()).flatMap(elections::find)
                .map(Election::type).orElse(ElectionType.PEMILU);
        open(link, rules, report.electionId(), report.categoryCode(), report.subcategoryCode());
    }

    private LegalCase open(ReportLink report, ElectionType rules, @Nullable Long electionId, String category,
                           @Nullable String subcategory) {
        RegionCode office = offices.defaultOffice(report.regionCode());
        Instant now = clock.instant();
        LegalCase c = new LegalCase(TimeOrderedUuid.next(clock), report.regionCode(), office, offices.zone(office),
                CaseStage.RECEIVED, report.kind(), rules, electionId, category, subcategory, report.receivedAt(), now);
        c.clockStartedAt = report.receivedAt();
        journal.insert(c, SYSTEM, "OPEN", Map.of("reportId", report.reportId().toString(),
                "trackingCode", report.trackingCode()));
        cases.link(c.id, report, now);
        return c;
    }

    @ApplicationModuleListener
    void on(IncidentChanged incident) {
        lock("incident:" + incident.incidentId());
        switch (incident.change()) {
            case "CONFIRMED", "MERGED" -> merge(incident.incidentId(), incident.reportIds());
            case "SPLIT" -> {
                merge(incident.incidentId(), incident.reportIds());
                splitOut(incident.incidentId(), incident.reportIds());
            }
            case "DISSOLVED" -> splitOut(incident.incidentId(), List.of());
            default -> {
                // SUGGESTED is only a suggestion; MERGED_AWAY is handled by the MERGED of the incident it joined
            }
        }
    }

    /** Makes the open cases of an incident's reports one case: the one furthest along survives. */
    private void merge(UUID incidentId, List<UUID> reportIds) {
        if (reportIds.size() < 2) {
            return;
        }
        List<LegalCase> open = cases.lockAll(cases.casesOf(reportIds)).stream()
                .filter(c -> !c.stage.isFinished() && c.stage != CaseStage.NOT_REGISTERED)
                .toList();
        if (open.isEmpty()) {
            return;
        }
        LegalCase survivor = open.stream()
                .filter(c -> incidentId.equals(c.incidentId))
                .findFirst()
                .orElseGet(() -> open.stream()
                        .max(Comparator.comparingInt((LegalCase c) -> c.stage.ordinal())
                                .thenComparing(c -> c.receivedAt, Comparator.reverseOrder()))
                        .orElseThrow());
        Instant now = clock.instant();
        CaseStage survivorStage = survivor.stage;
        boolean changed = !incidentId.equals(survivor.incidentId);
        survivor.incidentId = incidentId;
        for (LegalCase other : open) {
            if (other == survivor) {
                continue;
            }
            cases.moveReports(other.id, survivor.id);
            CaseStage from = other.stage;
            other.stage = CaseStage.MERGED;
            other.mergedInto = survivor.id;
            journal.save(other, from, SYSTEM, "MERGE_INTO", null, Map.of("caseId", survivor.id.toString(),
                    "incidentId", incidentId.toString()), null, now);
            journal.save(survivor, survivorStage, SYSTEM, "MERGE", null, Map.of("caseId", other.id.toString(),
                    "incidentId", incidentId.toString()), null, now);
            changed = false;
        }
        if (changed) {
            journal.save(survivor, survivorStage, SYSTEM, "INCIDENT", null, Map.of("incidentId", incidentId.toString()),
                    null, now);
        }
        adjustRegion(survivor);
    }

    /** Reports of the incident's case that left the incident get a case of their own again. */
    private void splitOut(UUID incidentId, List<UUID> remaining) {
        Optional<LegalCase> found = cases.caseOfIncident(incidentId).flatMap(cases::lock);
        if (found.isEmpty()) {
            return;
        }
        LegalCase incidentCase = found.get();
        List<ReportLink> reports = cases.reports(incidentCase.id);
        Set<UUID> keep = new HashSet<>(remaining);
        if (keep.isEmpty() && !reports.isEmpty()) {
            keep.add(reports.getFirst().reportId()); // a dissolved incident's case stays with its first report
        }
        Instant now = clock.instant();
        for (ReportLink report : reports) {
            if (keep.contains(report.reportId())) {
                continue;
            }
            LegalCase own = open(report, incidentCase.ruleSet, incidentCase.electionId, incidentCase.categoryCode,
                    incidentCase.subcategoryCode);
            cases.moveReport(report.reportId(), own.id);
            journal.save(incidentCase, incidentCase.stage, SYSTEM, "SPLIT_OUT", null,
                    Map.of("reportId", report.reportId().toString(), "caseId", own.id.toString()), null, now);
        }
        if (remaining.isEmpty()) {
            incidentCase.incidentId = null;
            journal.save(incidentCase, incidentCase.stage, SYSTEM, "INCIDENT_DISSOLVED", null,
                    Map.of("incidentId", incidentId.toString()), null, now);
        }
    }

    /** A case about reports in several regencies is about their common region, and handled where that lies. */
    private void adjustRegion(LegalCase c) {
        RegionCode common = Offices.commonAncestor(cases.reports(c.id).stream().map(ReportLink::regionCode).toList());
        if (!common.equals(c.regionCode)) {
            c.regionCode = common;
            if (!Offices.covers(c.officeCode, common)) {
                c.officeCode = offices.defaultOffice(common);
                c.zone = offices.zone(c.officeCode);
            }
            journal.save(c, c.stage, SYSTEM, "REGION", null, Map.of("regionCode", common.value()), null, clock.instant());
        }
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("casework:" + key).query((rs, i) -> 1).list();
    }

    /** LP for a report, TM for a supervisor's finding; initial information can only become a finding. */
    static String kind(ReportKind kind) {
        return kind == ReportKind.LAPORAN ? "LP" : "TM";
    }
}
