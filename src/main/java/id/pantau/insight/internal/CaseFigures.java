package id.pantau.insight.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import id.pantau.casework.CaseStage;
import id.pantau.casework.CaseStatistics;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Case figures for the statistics and the dashboard, from case handling's API: cases by stage or
 * region with their labels, and deadline compliance.
 */
@Component
class CaseFigures {

    static final List<String> CASE_GROUP_BYS = List.of("stage", "region");

    /**
     * Deadline compliance of the cases received in the period: a case missed a deadline when the
     * deadline job raised an overdue warning for it; the others are on time.
     */
    record Compliance(long cases, long onTime, long missed, long missedDeadlines, @Nullable Double onTimeRate) {
    }

    record CaseStats(List<ReportStatistics.Item> items, long total, Compliance compliance) {
    }

    private final CaseStatistics statistics;

    CaseFigures(CaseStatistics statistics) {
        this.statistics = statistics;
    }

    /** Cases (merged ones left out) received in the request's WIB days under its parent, grouped by stage or region. */
    CaseStats cases(StatsRequest request, Map<String, String> regionNames, Map<String, String> stageLabels) {
        boolean byStage = request.groupBy().equals("stage");
        CaseStatistics.Counts counts = statistics.count(request.parent(), request.category(), request.from(), request.to(),
                byStage ? null : request.level());
        List<ReportStatistics.Item> items = byStage
                ? Arrays.stream(CaseStage.values()).filter(s -> counts.byKey().containsKey(s.name()))
                        .map(s -> new ReportStatistics.Item(s.name(), stageLabels.getOrDefault(s.name(), s.name()),
                                counts.byKey().get(s.name())))
                        .toList()
                : counts.byKey().entrySet().stream()
                        .map(e -> new ReportStatistics.Item(e.getKey(), regionNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                        .toList();
        long cases = counts.cases();
        long missed = counts.missed();
        Compliance compliance = new Compliance(cases, cases - missed, missed, counts.missedDeadlines(),
                cases == 0 ? null : Math.round(1000.0 * (cases - missed) / cases) / 1000.0);
        return new CaseStats(items, cases, compliance);
    }
}
