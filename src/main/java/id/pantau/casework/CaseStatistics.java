package id.pantau.casework;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Case handling's API for statistics: how many cases were received in a period, by stage or by
 * region, and how many of them missed a legal deadline (the deadline job raised an overdue warning
 * for them). Merged cases are left out: their reports count in the case they joined.
 *
 * <p>Indonesia, provinces and regencies are answered from the daily rollup ({@code case_daily},
 * V24, by type and stage) plus its pending deltas; counts by region without a type, down to
 * districts, from the rollup without type and stage ({@code case_daily_total}, V30); other
 * questions below regencies count the cases themselves.
 */
@Service
public class CaseStatistics {

    /** Days of receipt are counted in Indonesia's western time (WIB), like the report statistics. */
    private static final ZoneId DAY_ZONE = RegionTimeZone.WIB.zoneId();

    /**
     * Counts by key (a {@link CaseStage} name, or a region code at the level asked for), the number
     * of cases, of cases that missed a deadline, and of missed deadlines.
     */
    public record Counts(Map<String, Long> byKey, long cases, long missed, long missedDeadlines) {
    }

    private static final String ROLLUP = "(select area, parent, depth, day, category_code, stage, cases, missed, warnings"
            + " from case_daily union all select area, parent, depth, day, category_code, stage, cases, missed, warnings"
            + " from case_daily_delta) cells";
    /** Pending deltas of merged cases are left out here, as the fold leaves them out of the cells. */
    private static final String TOTALS = "(select area, parent, depth, day, cases, missed, warnings from case_daily_total"
            + " union all select area, parent, depth, day, cases, missed, warnings from case_daily_delta"
            + " where stage <> 'MERGED') cells";

    private final JdbcClient jdbc;

    CaseStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cases received on the WIB days [from, to] in the parent's subtree (null: Indonesia), of one
     * report type (null: all), counted by stage when {@code regionLevel} is null, otherwise by their
     * region at that level.
     */
    public Counts count(@Nullable RegionCode parent, @Nullable String category, LocalDate from, LocalDate to,
                        @Nullable RegionLevel regionLevel) {
        Map<String, Object> params = new HashMap<>();
        int parentDepth = parent == null ? 0 : parent.level().depth();
        params.put("area", parent == null ? "ID" : parent.value());
        String table;
        String where;
        String key;
        String cellsWhere = regionLevel == null || category != null ? null : totalsWhere(parent, regionLevel, params);
        if (cellsWhere != null) {
            table = TOTALS; // merged cases are left out of it
            where = cellsWhere;
            key = "area";
        } else if (regionLevel == null ? parentDepth <= RegionLevel.REGENCY.depth() : regionLevel.depth() <= RegionLevel.REGENCY.depth()) {
            table = ROLLUP;
            if (regionLevel == null) {
                where = "area = :area";
                key = "stage";
            } else {
                where = regionLevel.depth() == parentDepth + 1 ? "parent = :area" : "depth = 2";
                key = "area";
            }
            where += " and stage <> 'MERGED'";
        } else {
            table = null;
            where = null;
            key = null;
        }
        String cases;
        String missed;
        String warnings;
        if (table != null) {
            where += " and day between :from and :to";
            params.put("from", Date.valueOf(from));
            params.put("to", Date.valueOf(to));
            cases = "coalesce(sum(cases), 0)";
            missed = "coalesce(sum(missed), 0)";
            warnings = "coalesce(sum(warnings), 0)";
        } else {
            table = "legal_case";
            where = "received_at >= :from and received_at < :until and stage <> 'MERGED'";
            params.put("from", Timestamp.from(from.atStartOfDay(DAY_ZONE).toInstant()));
            params.put("until", Timestamp.from(to.plusDays(1).atStartOfDay(DAY_ZONE).toInstant()));
            if (parent != null) {
                // the subtree as a range of codes ('/' follows '.' in the C collation): unlike a LIKE
                // pattern, a range keeps the region index in the generic plan of a server-prepared statement
                where += " and region_code >= :area and region_code < :areaEnd";
                params.put("areaEnd", parent.value() + "/");
            }
            if (regionLevel == null) {
                key = "stage";
            } else {
                // a region code's prefix of the level's length is its ancestor there: 35, 35.09, 35.09.01, 35.09.01.2001
                params.put("length", switch (regionLevel) {
                    case PROVINCE -> 2;
                    case REGENCY -> 5;
                    case DISTRICT -> 8;
                    case VILLAGE -> 13;
                });
                key = "left(region_code, :length)";
                where += " and length(region_code) >= :length";
            }
            cases = "count(*)";
            missed = "count(*) filter (where warnings > 0)";
            warnings = "coalesce(sum(warnings), 0)";
        }
        if (category != null) {
            where += " and category_code = :category";
            params.put("category", category);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select " + key + " as key, " + cases + " as n from " + table + " where " + where
                        + " group by 1 having " + cases + " > 0 order by 1")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return jdbc.sql("select " + cases + " as cases, " + missed + " as missed, " + warnings + " as warnings from "
                        + table + " where " + where)
                .params(params)
                .query((rs, i) -> new Counts(counts, rs.getLong("cases"), rs.getLong("missed"), rs.getLong("warnings")))
                .single();
    }

    /**
     * The condition on the cells without type and stage (V30) for counts by region at {@code level}
     * under the parent, or null when they do not reach that level (villages).
     */
    private static @Nullable String totalsWhere(@Nullable RegionCode parent, RegionLevel level, Map<String, Object> params) {
        int parentDepth = parent == null ? 0 : parent.level().depth();
        if (level.depth() > RegionLevel.DISTRICT.depth() || level.depth() <= parentDepth) {
            return null;
        }
        if (level.depth() == parentDepth + 1) {
            return "parent = :area";
        }
        if (parent == null) {
            // the depth as a literal: a generic plan can then use the partial index on regency cells
            return "depth = " + level.depth();
        }
        // districts of a province: the cells whose parent is one of its regencies
        params.put("childFrom", parent.value() + ".");
        params.put("childTo", parent.value() + "/");
        return "depth = " + level.depth() + " and parent >= :childFrom and parent < :childTo";
    }
}
