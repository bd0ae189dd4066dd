package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for staff, analysts and administrators, inside their region. */
@RestController
@Tag(name = "Reports")
class ReportStaffApi {

    private final ReportQueries queries;

    ReportStaffApi(ReportQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/reports")
    @Operation(summary = "Reports in the caller's region, newest first; q searches title and description (Indonesian stemming)")
    PageResult<ReportSummary> list(Actor actor,
                                   @RequestParam(required = false) @Nullable RegionCode region,
                                   @RequestParam(required = false) @Nullable String category,
                                   @RequestParam(required = false) @Nullable String status,
                                   @RequestParam(required = false) @Nullable ReportKind kind,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to,
                                   @RequestParam(required = false) @Nullable String q,
                                   @RequestParam(required = false) @Nullable UUID incident,
                                   @RequestParam(required = false) @Nullable Integer page,
                                   @RequestParam(required = false) @Nullable Integer size) {
        return queries.list(actor, new ReportFilter(region, category, status, kind == null ? null : kind.name(), from, to, q,
                incident), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(summary = "One report; the reporter's identity and the witnesses are masked")
    ReportView get(@PathVariable UUID id, Actor actor) {
        return queries.get(actor, id);
    }

    @GetMapping("/api/v1/reports/{id}/reporter")
    @Operation(summary = "The reporter's identity and the witnesses, unmasked (staff only; every read is audited)")
    ReporterIdentity reporter(@PathVariable UUID id, Actor actor) {
        return queries.revealIdentity(actor, id);
    }
}
