package id.pantau.insight.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Report counts from the facts table, by region, category or day. Each question is one indexed
 * aggregate: the parent region is an equality on its prefix column, the period a range of days.
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
        String where = where(request.parent(), params) + " and day between :from and :to"
                + (request.category() == null ? "" : " and category_code = :category");
        params.put("from", Date.valueOf(request.from()));
        params.put("to", Date.valueOf(request.to()));
        if (request.category() != null) {
            params.put("category", request.category());
        }
        String count = request.incidents() ? "count(distinct incident_key)" : "count(*)";
        long total = jdbc.sql("select " + count + " from insight_report where " + where).params(params).query(Long.class).single();
        List<Item> items = switch (request.groupBy()) {
            case "category" -> {
                Map<String, String> labels = categories.labels(locale);
                yield counts("category_code", count, where + " group by 1 order by 2 desc, 1", params).entrySet().stream()
                        .map(e -> new Item(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
            }
            case "day" -> {
                Map<String, Long> byDay = counts("day::text", count, where + " group by 1 order by 1", params);
                List<Item> days = new ArrayList<>();
                for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
                    days.add(new Item(d.toString(), d.toString(), byDay.getOrDefault(d.toString(), 0L)));
                }
                yield days;
            }
            default -> {
                String column = column(request.level());
                Map<String, String> names = names(request.parent(), request.level());
                yield counts(column, count, where + " and " + column + " is not null group by 1 order by 1", params).entrySet().stream()
                        .map(e -> new Item(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue())).toList();
            }
        };
        return new Stats(items, total);
    }

    /** Distinct incidents per region at {@code level} in [observedFrom, asOf] and [baselineFrom, observedFrom). */
    List<Window> incidentWindows(@Nullable RegionCode parent, RegionLevel level, LocalDate baselineFrom,
                                 LocalDate observedFrom, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        String column = column(level);
        String where = where(parent, params);
        params.put("baselineFrom", Date.valueOf(baselineFrom));
        params.put("observedFrom", Date.valueOf(observedFrom));
        params.put("asOf", Date.valueOf(asOf));
        return jdbc.sql("select " + column + " as region,"
                        + " count(distinct incident_key) filter (where day >= :observedFrom) as observed,"
                        + " count(distinct incident_key) filter (where day < :observedFrom) as baseline"
                        + " from insight_report where " + where + " and " + column + " is not null"
                        + " and day between :baselineFrom and :asOf group by 1")
                .params(params)
                .query((rs, i) -> new Window(rs.getString("region"), rs.getLong("observed"), rs.getLong("baseline")))
                .list();
    }

    /** Distinct incidents per region at {@code level} and report type in [from, to]: the live index's input. */
    public List<IncidentCounts.RegionTypeCount> incidentsByRegionAndType(@Nullable RegionCode parent, RegionLevel level,
                                                                         LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        String column = column(level);
        String where = where(parent, params);
        params.put("from", Date.valueOf(from));
        params.put("to", Date.valueOf(to));
        return jdbc.sql("select " + column + " as region, category_code, count(distinct incident_key) as incidents"
                        + " from insight_report where " + where + " and " + column + " is not null"
                        + " and day between :from and :to group by 1, 2")
                .params(params)
                .query((rs, i) -> new IncidentCounts.RegionTypeCount(rs.getString("region"), rs.getString("category_code"),
                        rs.getLong("incidents")))
                .list();
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

    private Map<String, Long> counts(String keyExpression, String count, String whereAndRest, Map<String, Object> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + keyExpression + " as key, " + count + " as n from insight_report where " + whereAndRest)
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return counts;
    }

    /** The facts under the parent, by equality on the prefix column of the parent's level. */
    private static String where(@Nullable RegionCode parent, Map<String, Object> params) {
        if (parent == null) {
            return "true";
        }
        params.put("parent", parent.value());
        return (parent.level() == RegionLevel.VILLAGE ? "region_code" : column(parent.level())) + " = :parent";
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
