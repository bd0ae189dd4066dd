package id.pantau.report.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff's pages: incoming reports of their region, one report with its evidence and incident. */
@Controller
class StaffReportPages {

    private static final int PAGE_SIZE = 25;
    private static final ZoneId LIST_ZONE = ZoneId.of("Asia/Jakarta");

    private final ReportQueries queries;
    private final Evidence evidence;
    private final Incidents incidents;
    private final Taxonomy taxonomy;

    StaffReportPages(ReportQueries queries, Evidence evidence, Incidents incidents, Taxonomy taxonomy) {
        this.queries = queries;
        this.evidence = evidence;
        this.incidents = incidents;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/reports")
    String list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                @RequestParam(required = false) @Nullable String category, @RequestParam(required = false) @Nullable ReportKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new ReportFilter(region, blank(category), null, kind == null ? null : kind.name(),
                from == null ? null : from.atStartOfDay(LIST_ZONE).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(LIST_ZONE).toOffsetDateTime(), blank(q), null);
        PageResult<ReportSummary> reports = queries.list(actor, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("reports", reports);
        model.addAttribute("types", taxonomy.types());
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("filter", new ListFilter(region, category, kind, from, to, q));
        model.addAttribute("labels", taxonomy);
        return "report/staff-list";
    }

    record ListFilter(@Nullable RegionCode region, @Nullable String category, @Nullable ReportKind kind,
                      @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q) {
    }

    @GetMapping("/reports/{id}")
    String report(Actor actor, @PathVariable UUID id, Model model) {
        return page(actor, queries.get(actor, id), false, model);
    }

    /** Shows the identity unmasked; a POST so that it is a deliberate act, and audited by the query. */
    @PostMapping("/reports/{id}/identity")
    String revealIdentity(Actor actor, @PathVariable UUID id, Model model) {
        ReportView report = queries.get(actor, id);
        ReporterIdentity identity = queries.revealIdentity(actor, id);
        return page(actor, withIdentity(report, identity), true, model);
    }

    @GetMapping("/reports/{id}/evidence/{evidenceId}")
    ResponseEntity<InputStreamResource> evidenceFile(Actor actor, @PathVariable UUID id, @PathVariable UUID evidenceId) {
        queries.get(actor, id);
        return evidence.open(id, evidenceId).asDownload();
    }

    /** What the report page shows inline: the photo without its metadata (the link above it gives the original). */
    @GetMapping("/reports/{id}/evidence/{evidenceId}/photo")
    ResponseEntity<byte[]> evidencePhoto(Actor actor, @PathVariable UUID id, @PathVariable UUID evidenceId) {
        queries.get(actor, id);
        return evidence.photo(id, evidenceId).inline();
    }

    @PostMapping("/reports/incidents/{incidentId}/confirm")
    String confirm(Actor actor, @PathVariable UUID incidentId, @RequestParam UUID report) {
        incidents.confirm(actor, incidentId);
        return "redirect:/reports/" + report;
    }

    @PostMapping("/reports/incidents/{incidentId}/split")
    String split(Actor actor, @PathVariable UUID incidentId, @RequestParam UUID report) {
        incidents.split(actor, incidentId, List.of(report));
        return "redirect:/reports/" + report;
    }

    private String page(Actor actor, ReportView report, boolean revealed, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("revealed", revealed);
        model.addAttribute("mayReveal", actor.has(Role.STAFF) && report.identity() != null);
        model.addAttribute("mayChangeIncident", actor.has(Role.STAFF));
        model.addAttribute("evidence", evidence.list(report.id()));
        model.addAttribute("labels", taxonomy);
        model.addAttribute("incident", report.incidentId() == null ? null : incidents.get(actor, report.incidentId()));
        return "report/staff-report";
    }

    private static ReportView withIdentity(ReportView r, ReporterIdentity identity) {
        return new ReportView(r.id(), r.trackingCode(), r.kind(), r.status(), r.channel(), r.electionId(), r.ruleSet(),
                r.category(), r.subcategory(), r.act(), r.title(), r.description(), r.occurredAt(), r.knownAt(), r.receivedAt(),
                r.reportingDeadline(), r.timely(), r.regionCode(), r.tps(), r.location(), r.reportedParty(), r.submittedBy(),
                r.affiliation(), identity, r.incidentId());
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
