package id.pantau.insight.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import id.pantau.insight.IncidentCounts;
import id.pantau.region.Region;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.report.ReportCategories;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Report and incident counts by region, category or day. Each question is one indexed aggregate
 * over the daily rollup (Indonesia, provinces, regencies) or, below regencies, over the facts; the
 * period is a range of WIB days. An incident counts once, on the day and in the region of its first
 * report, so that counts add up across days and regions.
 */
@Service
public class ReportStatistics {  // public for the module's API (IncidentCounts); its members stay package-private

    static final List<String> GROUP_BYS = List.of("region", "category", "day");

    /** One bar of a chart: a region code, category code or ISO date with its label. */
    record Item(String key, String label, long count) {
    }

    record Stats(List<Item> items, long total) {
    }

    /** Per region at the alert level: distinct incidents in the observed and the baseline windows. */
    record Window(String regionCode, long observed, long baseline) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final ReportCategories categories;

    ReportStatistics(JdbcClient jdbc, Regions regions, ReportCategories categories) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.categories = categories;
    }

    Stats reports(StatsRequest request, Locale locale) {
        Map<String, Object> params = new HashMap<>();
        boolean byRegion = request.groupBy().equals("region");
        boolean typed = request.groupBy().equals("category") || request.category() != null;
        Source source = Source.of(request.parent(), byRegion ? request.level() : null, typed, this::childCodes, params);
        String where = source.where() + " and day between :from and :to"
                + (request.category() == null ? "" : " and category_code = :category");
        params.put("from", Date.valueOf(request.from()));
        params.put("to", Date.valueOf(request.to()));
        if (request.category() != null) {
            params.put("category", request.category());
        }
        String count = source.count(request.incidents(), null);
        long total = jdbc.sql("select " + count + " from " + source.table() + " where " + where)
                .params(params).query(Long.class).single();
        List<Item> items = switch (request.groupBy()) {
            case "category" -> {
                Map<String, String> labels = categories.labels(locale);
                yield counts(source, "category_code", count, where + " group by 1 having " + count + " > 0 order by 2 desc, 1", params)
                        .entrySet().stream()
                        .map(e -> new Item(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
            }
            case "day" -> {
                Map<String, Long> byDay = counts(source, "day::text", count, where + " group by 1 order by 1", params);
                List<Item> days = new ArrayList<>();
                for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
                    days.add(new Item(d.toString(), d.toString(), byDay.getOrDefault(d.toString(), 0L)));
                }
                yield days;
            }
            default -> {
                Map<String, String> names = names(request.parent(), request.level());
                yield counts(source, source.region(), count, where + " group by 1 having " + count + " > 0 order by 1", params)
                        .entrySet().stream()
                        .map(e -> new Item(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
            }
        };
        return new Stats(items, total);
    }

    /** Incidents per region at {@code level} in [observedFrom, asOf] and [baselineFrom, observedFrom). */
    List<Window> incidentWindows(@Nullable RegionCode parent, RegionLevel level, LocalDate baselineFrom,
                                 LocalDate observedFrom, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        Source source = Source.of(parent, level, false, this::childCodes, params);
        params.put("baselineFrom", Date.valueOf(baselineFrom));
        params.put("observedFrom", Date.valueOf(observedFrom));
        params.put("asOf", Date.valueOf(asOf));
        String observed = source.count(true, "day >= :observedFrom");
        String baseline = source.count(true, "day < :observedFrom");
        return jdbc.sql("select " + source.region() + " as region, " + observed + " as observed, " + baseline + " as baseline"
                        + " from " + source.table() + " where " + source.where()
                        + " and day between :baselineFrom and :asOf group by 1"
                        + " having " + observed + " > 0 or " + baseline + " > 0")
                .params(params)
                .query((rs, i) -> new Window(rs.getString("region"), rs.getLong("observed"), rs.getLong("baseline")))
                .list();
    }

    /**
     * Incidents per region at {@code level} and report type in [from, to]: the live index's input.
     * Down to regencies from the yearly running totals (V31): per area, type and year the total at
     * the period's last day minus the total the day before its first, plus the pending deltas.
     */
    public List<IncidentCounts.RegionTypeCount> incidentsByRegionAndType(@Nullable RegionCode parent, RegionLevel level,
                                                                         LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        Source source = Source.of(parent, level, true, this::childCodes, params);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        String sql;
        if (source.rollup()) {
            params.put("fromYear", from.getYear());
            params.put("fromDay", from.getDayOfYear());
            params.put("toYear", to.getYear());
            params.put("toDay", to.getDayOfYear());
            sql = "select area as region, category_code, sum(n) as incidents from ("
                    + " select area, category_code, incidents[case when year = :toYear then :toDay else 366 end]"
                    + " - coalesce(incidents[case when year = :fromYear then :fromDay - 1 else 0 end], 0) as n"
                    + " from insight_year where " + source.where() + " and year between :fromYear and :toYear"
                    + " union all select area, category_code, incidents from insight_daily_delta where " + source.where()
                    + " and depth <= 2 and day between :from and :to) cells"
                    + " group by 1, 2 having sum(n) > 0";
        } else {
            String incidents = source.count(true, null);
            sql = "select " + source.region() + " as region, category_code, " + incidents + " as incidents"
                    + " from " + source.table() + " where " + source.where()
                    + " and day between :from and :to group by 1, 2 having " + incidents + " > 0";
        }
        return jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new IncidentCounts.RegionTypeCount(rs.getString("region"), rs.getString("category_code"),
                        rs.getLong("incidents")))
                .list();
    }

    /** The codes of a region's children. */
    private List<String> childCodes(RegionCode parent) {
        RegionLevel below = RegionLevel.values()[parent.level().ordinal() + 1];
        return List.copyOf(names(parent, below).keySet());
    }

    /** Names of the regions at {@code level} under the parent (or in Indonesia), by code. */
    Map<String, String> names(@Nullable RegionCode parent, RegionLevel level) {
        Map<String, String> names = new HashMap<>();
        for (int page = 0; ; page++) {
            PageResult<Region> found = regions.list(parent, level, PageRequest.of(page, PageRequest.MAX_SIZE));
            found.items().forEach(r -> names.put(r.code().value(), r.name()));
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= found.total()) {
                return names;
            }
        }
    }

    private Map<String, Long> counts(Source source, String keyExpression, String count, String whereAndRest,
                                     Map<String, Object> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + keyExpression + " as key, " + count + " as n from " + source.table() + " where " + whereAndRest)
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Where a question about the parent's subtree (Indonesia when null), by region at {@code level}
     * or as a whole when {@code level} is null, is answered: the daily rollup, whose cells per report
     * type (when the question groups or filters by type) go down to regencies and those without type
     * down to districts; below that the facts, where the parent is an equality on its prefix column.
     * {@code children} gives the codes of a region's children (for districts of a province: the
     * cells of the province's regencies' children).
     */
    record Source(String table, String where, String region, boolean rollup) {

        static final String INDONESIA = "ID";
        /** The folded cells and the deltas not folded yet (RollupFold), which a read must add. */
        static final String ROLLUP = "(select area, parent, depth, day, category_code, reports, incidents from insight_daily"
                + " union all select area, parent, depth, day, category_code, reports, incidents from insight_daily_delta) cells";
        /** The same without the report type: about a tenth of the cells, and districts. */
        static final String TOTALS = "(select area, parent, depth, day, reports, incidents from insight_daily_total"
                + " union all select area, parent, depth, day, reports, incidents from insight_daily_delta) cells";

        static Source of(@Nullable RegionCode parent, @Nullable RegionLevel level, boolean typed,
                         Function<RegionCode, List<String>> children, Map<String, Object> params) {
            int parentDepth = parent == null ? 0 : parent.level().depth();
            int deepest = (typed ? RegionLevel.REGENCY : RegionLevel.DISTRICT).depth();
            String rollupWhere = null;
            if (level == null && parentDepth <= deepest) {
                rollupWhere = "area = :area";
            } else if (level != null && level.depth() <= deepest && level.depth() == parentDepth + 1) {
                rollupWhere = "parent = :area";
            } else if (level != null && level.depth() <= deepest && parent == null) {
                // the depth as a literal: a generic plan can then use the partial index on regency cells
                rollupWhere = "depth = " + level.depth();
            } else if (level != null && level.depth() <= deepest && level.depth() == parentDepth + 2 && parent != null) {
                rollupWhere = "parent = any(:children)";
                params.put("children", children.apply(parent).toArray(String[]::new));
            }
            if (rollupWhere != null) {
                params.put("area", parent == null ? INDONESIA : parent.value());
                return new Source(typed ? ROLLUP : TOTALS, rollupWhere, "area", true);
            }
            String region = column(level == null ? RegionLevel.VILLAGE : level);
            if (parent == null) {
                return new Source("insight_report", region + " is not null", region, false);
            }
            params.put("parent", parent.value());
            String parentColumn = parent.level() == RegionLevel.VILLAGE ? "region_code" : column(parent.level());
            return new Source("insight_report", parentColumn + " = :parent and " + region + " is not null", region, false);
        }

        /** Reports, or incidents counted at their head, of the rows that meet the condition (null: all). */
        String count(boolean incidents, @Nullable String condition) {
            if (rollup) {
                return "coalesce(sum(" + (incidents ? "incidents" : "reports") + ")"
                        + (condition == null ? "" : " filter (where " + condition + ")") + ", 0)";
            }
            String filter = incidents ? (condition == null ? "head" : "head and " + condition) : condition;
            return "count(*)" + (filter == null ? "" : " filter (where " + filter + ")");
        }
    }

    static String column(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> "province";
            case REGENCY -> "regency";
            case DISTRICT -> "district";
            case VILLAGE -> "region_code";
        };
    }
}
