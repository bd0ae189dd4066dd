package id.pantau.report.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportStatus;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for staff, analysts and administrators, inside their region. */
@RestController
@Tag(name = "Reports")
class ReportStaffApi {

    /** A bare date in a filter is a day in western Indonesian time, as on the staff pages. */
    private static final ZoneId DATE_ZONE = ZoneId.of("Asia/Jakarta");

    private final ReportQueries queries;
    private final Taxonomy taxonomy;

    ReportStaffApi(ReportQueries queries, Taxonomy taxonomy) {
        this.queries = queries;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/api/v1/reports")
    @Operation(summary = "Reports in the caller's region, newest first; q searches title and description (Indonesian stemming)",
            description = "from/to bound the time received: an ISO date-time, or a date (from: that day's start, to: "
                    + "through the end of that day, in WIB). Unknown categories and statuses are refused (400).")
    PageResult<ReportSummary> list(Actor actor,
                                   @RequestParam(required = false) @Nullable RegionCode region,
                                   @RequestParam(required = false) @Nullable String category,
                                   @RequestParam(required = false) @Nullable ReportStatus status,
                                   @RequestParam(required = false) @Nullable ReportKind kind,
                                   @RequestParam(required = false) @Nullable String from,
                                   @RequestParam(required = false) @Nullable String to,
                                   @RequestParam(required = false) @Nullable String q,
                                   @RequestParam(required = false) @Nullable UUID incident,
                                   @RequestParam(required = false) @Nullable Integer page,
                                   @RequestParam(required = false) @Nullable Integer size) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        var violations = new Violations();
        String categoryCode = ReportIntake.blankToNull(category);
        violations.check(categoryCode == null || taxonomy.find(categoryCode).filter(Category::isType).isPresent(),
                "category", "category.unknown", "'" + category + "' is not a category; see GET /api/v1/categories");
        OffsetDateTime since = bound(from, false, "from", violations);
        OffsetDateTime until = bound(to, true, "to", violations);
        violations.check(since == null || until == null || since.isBefore(until), "to", "to.beforeFrom", "must be after from");
        violations.throwIfAny();
        return queries.list(actor, new ReportFilter(region, categoryCode, status == null ? null : status.name(),
                kind == null ? null : kind.name(), since, until, q, incident), PageRequest.of(page, size));
    }

    /** A date-time as given, or a date's start ({@code from}) or the start of the next day ({@code to}, exclusive). */
    private static @Nullable OffsetDateTime bound(@Nullable String text, boolean end, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay(DATE_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException notADate) {
                violations.add(field, field + ".invalid", "must be a date (2026-11-27) or a date-time with offset (2026-11-27T08:00:00+07:00)");
                return null;
            }
        }
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
