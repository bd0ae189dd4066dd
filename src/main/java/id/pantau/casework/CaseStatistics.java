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
 * V24) plus its pending deltas; questions below regencies count the cases themselves.
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
        String table;
        String where;
        String key;
        String cases;
        String missed;
        String warnings;
        params.put("area", parent == null ? "ID" : parent.value());
        if (regionLevel == null ? parentDepth <= RegionLevel.REGENCY.depth() : regionLevel.depth() <= RegionLevel.REGENCY.depth()) {
            table = ROLLUP;
            if (regionLevel == null) {
                where = "area = :area";
                key = "stage";
            } else {
                where = regionLevel.depth() == parentDepth + 1 ? "parent = :area" : "depth = 2";
                key = "area";
            }
            where += " and day between :from and :to";
            params.put("from", Date.valueOf(from));
            params.put("to", Date.valueOf(to));
            cases = "coalesce(sum(cases), 0)";
            missed = "coalesce(sum(missed), 0)";
            warnings = "coalesce(sum(warnings), 0)";
        } else {
            table = "legal_case";
            where = "received_at >= :from and received_at < :until";
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
        where += " and stage <> 'MERGED'";
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
}
