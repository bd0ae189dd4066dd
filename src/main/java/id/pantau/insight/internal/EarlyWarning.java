package id.pantau.insight.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Regions whose incidents surge above their own baseline ({@link SurgeRule}), most surprising
 * first, each with the reason stated in the caller's language.
 */
@Service
class EarlyWarning {

    record Alert(String regionCode, String name, long observed, long baseline, double expected, double pValue,
                 String reason) {
    }

    record Alerts(List<Alert> items, long total, LocalDate asOf, String level, String rule) {
    }

    private final ReportStatistics statistics;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    EarlyWarning(ReportStatistics statistics, Regions regions, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    Alerts alerts(Actor actor, @Nullable String level, @Nullable String parent, @Nullable String asOf, Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(ReportFacts.WIB));
        var violations = new Violations();
        LocalDate day = violations.date("asOf", asOf, today);
        violations.check(!day.isAfter(today), "asOf", "asOf.future", "must not be after today (WIB)");
        violations.throwIfAny();
        // the statistics' validation of region and level, with a level below the parent as the default
        var request = StatsRequest.parse(actor, regions, Set.of(), today, List.of("region"), null,
                StatsRequest.blank(level) ? defaultLevel(parent, actor) : level, parent, null, null, null);
        return alerts(request.parent(), request.level(), day, locale);
    }

    Alerts alerts(@Nullable RegionCode parent, RegionLevel level, LocalDate asOf, Locale locale) {
        LocalDate observedFrom = asOf.minusDays(SurgeRule.OBSERVED_DAYS - 1);
        LocalDate baselineFrom = observedFrom.minusDays(SurgeRule.BASELINE_DAYS);
        List<ReportStatistics.Window> windows = statistics.incidentWindows(parent, level, baselineFrom, observedFrom, asOf);
        List<Map.Entry<ReportStatistics.Window, SurgeRule.Verdict>> flagged = windows.stream()
                .map(w -> Map.entry(w, SurgeRule.judge(w.observed(), w.baseline())))
                .filter(e -> e.getValue().surge())
                .sorted(Comparator.comparingDouble((Map.Entry<ReportStatistics.Window, SurgeRule.Verdict> e) -> e.getValue().pValue())
                        .thenComparing(e -> e.getKey().regionCode()))
                .toList();
        // the names of all regions at the level at once: one query, not one per alert (hundreds in a surge)
        Map<String, String> names = flagged.isEmpty() ? Map.of() : statistics.names(parent, level);
        List<Alert> items = flagged.stream().map(e -> {
            var verdict = e.getValue();
            String code = e.getKey().regionCode();
            String name = names.getOrDefault(code, code);
            String reason = messages.getMessage("insight.alert.reason", new Object[] {
                    name, verdict.observed(), SurgeRule.OBSERVED_DAYS, asOf.toString(), verdict.baseline(),
                    SurgeRule.BASELINE_DAYS, String.format(locale, "%.1f", verdict.expected()), format(verdict.pValue()),
                    String.valueOf(SurgeRule.ALPHA)}, locale);
            return new Alert(code, name, verdict.observed(), verdict.baseline(), round(verdict.expected()),
                    verdict.pValue(), reason);
        }).toList();
        String rule = messages.getMessage("insight.alert.rule", new Object[] {SurgeRule.OBSERVED_DAYS, SurgeRule.BASELINE_DAYS,
                SurgeRule.MIN_OBSERVED, String.valueOf(SurgeRule.MIN_EXPECTED), String.valueOf(SurgeRule.ALPHA)}, locale);
        return new Alerts(items, items.size(), asOf, level.apiName(), rule);
    }

    private static String defaultLevel(@Nullable String parent, Actor actor) {
        RegionCode around = parent != null && RegionCode.isValid(parent) ? RegionCode.parse(parent) : actor.homeRegion();
        if (around == null || around.level() == RegionLevel.PROVINCE) {
            return "regency";
        }
        return StatsRequest.below(around).apiName();
    }

    private static String format(double p) {
        return p < 0.0001 ? new BigDecimal(p).round(new MathContext(2)).toPlainString() : String.format(Locale.ROOT, "%.4f", p);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
