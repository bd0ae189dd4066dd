package id.pantau.insight.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.region.Region;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.report.ReportCategories;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The staff dashboard: reports by day, category and region (drilling down from Indonesia to a
 * province and a regency), cases by stage, deadline compliance and the early warnings. The charts
 * read their data from attributes of the page; the tables under them say the same in text.
 */
@Controller
class DashboardPages {

    private final InsightApi api;
    private final ReportStatistics statistics;
    private final EarlyWarning earlyWarning;
    private final Regions regions;
    private final JsonMapper json;
    private final ReportCategories categories;

    DashboardPages(InsightApi api, ReportStatistics statistics, EarlyWarning earlyWarning, Regions regions, JsonMapper json,
                   ReportCategories categories) {
        this.categories = categories;
        this.api = api;
        this.statistics = statistics;
        this.earlyWarning = earlyWarning;
        this.regions = regions;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(Actor actor, @RequestParam(required = false) @Nullable String parent,
                     @RequestParam(required = false) @Nullable String from,
                     @RequestParam(required = false) @Nullable String to,
                     @RequestParam(required = false) @Nullable String category,
                     @RequestParam(required = false) @Nullable String measure, Locale locale, Model model) {
        var byRegion = StatsRequest.parse(actor, regions, api.reportTypes(), api.today(), ReportStatistics.GROUP_BYS, "region", null,
                parent, from, to, category, measure);
        var regionStats = statistics.reports(byRegion, locale);
        var categoryStats = statistics.reports(with(byRegion, "category"), locale);
        var dayStats = statistics.reports(with(byRegion, "day"), locale);
        var caseStats = api.caseStats(with(byRegion, "stage"), locale);
        var alerts = earlyWarning.alerts(byRegion.parent(), byRegion.level() == RegionLevel.PROVINCE ? RegionLevel.REGENCY : byRegion.level(),
                byRegion.to(), locale);
        List<Region> lineage = byRegion.parent() == null ? List.of() : regions.lineage(byRegion.parent());

        model.addAttribute("request", byRegion);
        model.addAttribute("reportTypes", categories.types(locale));
        model.addAttribute("lineage", lineage);
        model.addAttribute("drillable", byRegion.level() != RegionLevel.DISTRICT);
        model.addAttribute("regionStats", regionStats);
        model.addAttribute("categoryStats", categoryStats);
        model.addAttribute("dayStats", dayStats);
        model.addAttribute("caseStats", caseStats);
        model.addAttribute("alerts", alerts);
        model.addAttribute("dayChart", chart(dayStats.items()));
        model.addAttribute("categoryChart", chart(categoryStats.items()));
        model.addAttribute("regionChart", chart(regionStats.items()));
        model.addAttribute("stageChart", chart(caseStats.items()));
        return "insight/dashboard";
    }

    private static StatsRequest with(StatsRequest request, String groupBy) {
        return new StatsRequest(groupBy, request.parent(), request.level(), request.from(), request.to(), request.category(), request.incidents());
    }

    private String chart(List<ReportStatistics.Item> items) {
        return json.writeValueAsString(Map.of(
                "labels", items.stream().map(ReportStatistics.Item::label).toList(),
                "counts", items.stream().map(ReportStatistics.Item::count).toList()));
    }
}
