package id.pantau.insight.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.account.Actor;
import id.pantau.casework.CaseStage;
import id.pantau.region.Regions;
import id.pantau.report.ReportCategories;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistics and early warning for staff, analysts and administrators, limited to their region. */
@RestController
@Tag(name = "Statistics")
class InsightApi {

    private final ReportStatistics statistics;
    private final CaseFigures caseFigures;
    private final EarlyWarning earlyWarning;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;
    private final ReportCategories categories;

    InsightApi(ReportStatistics statistics, CaseFigures caseFigures, EarlyWarning earlyWarning, Regions regions,
               MessageSource messages, Clock clock, ReportCategories categories) {
        this.categories = categories;
        this.statistics = statistics;
        this.caseFigures = caseFigures;
        this.earlyWarning = earlyWarning;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stats/reports")
    @Operation(summary = "Reports counted by region (at a level under a parent), category or WIB day in [from, to]; "
            + "defaults: the caller's region, the level below it, the last 30 days; measure=incidents counts each incident once")
    ReportStatistics.Stats reports(Actor actor, @RequestParam(required = false) @Nullable String groupBy,
                                   @RequestParam(required = false) @Nullable String level,
                                   @RequestParam(required = false) @Nullable String parent,
                                   @RequestParam(required = false) @Nullable String from,
                                   @RequestParam(required = false) @Nullable String to,
                                   @RequestParam(required = false) @Nullable String category,
                                   @RequestParam(required = false) @Nullable String measure, Locale locale) {
        var request = StatsRequest.parse(actor, regions, reportTypes(), today(), ReportStatistics.GROUP_BYS, groupBy, level, parent, from, to,
                category, measure);
        return statistics.reports(request, locale);
    }

    @GetMapping("/api/v1/stats/cases")
    @Operation(summary = "Cases received in [from, to] by stage or region, with deadline compliance "
            + "(cases without an overdue warning are on time)")
    CaseFigures.CaseStats cases(Actor actor, @RequestParam(required = false) @Nullable String groupBy,
                                       @RequestParam(required = false) @Nullable String level,
                                       @RequestParam(required = false) @Nullable String parent,
                                       @RequestParam(required = false) @Nullable String from,
                                       @RequestParam(required = false) @Nullable String to,
                                       @RequestParam(required = false) @Nullable String category, Locale locale) {
        var request = StatsRequest.parse(actor, regions, reportTypes(), today(), CaseFigures.CASE_GROUP_BYS, groupBy, level, parent, from, to, category);
        return caseStats(request, locale);
    }

    CaseFigures.CaseStats caseStats(StatsRequest request, Locale locale) {
        Map<String, String> stageLabels = new HashMap<>();
        Arrays.stream(CaseStage.values()).forEach(s ->
                stageLabels.put(s.name(), messages.getMessage("case.stage." + s.name(), null, s.name(), locale)));
        Map<String, String> names = request.groupBy().equals("region") ? statistics.names(request.parent(), request.level()) : Map.of();
        return caseFigures.cases(request, names, stageLabels);
    }

    @GetMapping("/api/v1/alerts")
    @Operation(summary = "Early warning: regions whose incidents of the 7 days to asOf surge above their 28-day baseline "
            + "(one-sided Poisson test), most surprising first, each with its reason")
    EarlyWarning.Alerts alerts(Actor actor, @RequestParam(required = false) @Nullable String level,
                               @RequestParam(required = false) @Nullable String parent,
                               @RequestParam(required = false) @Nullable String asOf, Locale locale) {
        return earlyWarning.alerts(actor, level, parent, asOf, locale);
    }

    /** The codes a category filter may name. */
    Set<String> reportTypes() {
        return categories.types(Locale.ROOT).stream().map(ReportCategories.ReportType::code).collect(Collectors.toSet());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ReportFacts.WIB));
    }
}
