package id.pantau.insight.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.casework.CaseStage;
import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place (besides the backfill in migration V18) where the insight module reads other
 * modules' tables: casework's {@code legal_case} and {@code case_warning} for case statistics and
 * deadline compliance. Read-only aggregates;
 * should those modules change their tables, this class is what follows.
 */
@Component
class CrossModuleQueries {

    static final List<String> CASE_GROUP_BYS = List.of("stage", "region");

    /**
     * Deadline compliance of the cases received in the period: a case missed a deadline when the
     * deadline job raised an overdue warning for it ({@code case_warning}); the others are on time.
     */
    record Compliance(long cases, long onTime, long missed, long missedDeadlines, @Nullable Double onTimeRate) {
    }

    record CaseStats(List<ReportStatistics.Item> items, long total, Compliance compliance) {
    }

    private final JdbcClient jdbc;

    CrossModuleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases (merged ones left out) received in the request's WIB days under its parent, grouped by stage or region. */
    CaseStats cases(StatsRequest request, Map<String, String> regionNames, Map<String, String> stageLabels) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("c.stage <> 'MERGED' and c.received_at >= :from and c.received_at < :until");
        params.put("from", Timestamp.from(request.from().atStartOfDay(ReportFacts.WIB).toInstant()));
        params.put("until", Timestamp.from(request.to().plusDays(1).atStartOfDay(ReportFacts.WIB).toInstant()));
        RegionCode parent = request.parent();
        if (parent != null) {
            where.append(" and (c.region_code = :parent or c.region_code like :descendants)");
            params.put("parent", parent.value());
            params.put("descendants", parent.value() + ".%");
        }
        if (request.category() != null) {
            where.append(" and c.category_code = :category");
            params.put("category", request.category());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (request.groupBy().equals("stage")) {
            jdbc.sql("select c.stage as key, count(*) as n from legal_case c where " + where + " group by 1")
                    .params(params).query(rs -> {
                        counts.put(rs.getString("key"), rs.getLong("n"));
                    });
        } else {
            int length = request.level().ordinal() == 0 ? 2 : request.level().ordinal() == 1 ? 5 : 8;
            params.put("length", length);
            jdbc.sql("select left(c.region_code, :length) as key, count(*) as n from legal_case c where " + where
                            + " and length(c.region_code) >= :length group by 1 order by 1")
                    .params(params).query(rs -> {
                        counts.put(rs.getString("key"), rs.getLong("n"));
                    });
        }
        List<ReportStatistics.Item> items;
        if (request.groupBy().equals("stage")) {
            items = java.util.Arrays.stream(CaseStage.values()).filter(s -> counts.containsKey(s.name()))
                    .map(s -> new ReportStatistics.Item(s.name(), stageLabels.getOrDefault(s.name(), s.name()), counts.get(s.name())))
                    .toList();
        } else {
            items = counts.entrySet().stream()
                    .map(e -> new ReportStatistics.Item(e.getKey(), regionNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                    .toList();
        }
        Compliance compliance = jdbc.sql("""
                        select count(*) as cases,
                               count(*) filter (where exists (select 1 from case_warning w where w.case_id = c.id)) as missed,
                               coalesce(sum((select count(*) from case_warning w where w.case_id = c.id)), 0) as warnings
                          from legal_case c where """ + " " + where)
                .params(params)
                .query((rs, i) -> {
                    long cases = rs.getLong("cases");
                    long missed = rs.getLong("missed");
                    return new Compliance(cases, cases - missed, missed, rs.getLong("warnings"),
                            cases == 0 ? null : Math.round(1000.0 * (cases - missed) / cases) / 1000.0);
                })
                .single();
        return new CaseStats(items, compliance.cases(), compliance);
    }
}
