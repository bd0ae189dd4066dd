package id.pantau.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Case handling's API for statistics: how many cases were received in a period, by stage or by
 * region, and how many of them missed a legal deadline (the deadline job raised an overdue warning
 * for them). Merged cases are left out: their reports count in the case they joined.
 */
@Service
public class CaseStatistics {

    /**
     * Counts by key (a {@link CaseStage} name, or a region code at the level asked for), the number
     * of cases, of cases that missed a deadline, and of missed deadlines.
     */
    public record Counts(Map<String, Long> byKey, long cases, long missed, long missedDeadlines) {
    }

    private final JdbcClient jdbc;

    CaseStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cases received in [from, until) in the parent's subtree (null: Indonesia), of one report type
     * (null: all), counted by stage when {@code regionLevel} is null, otherwise by their region at that level.
     */
    public Counts count(@Nullable RegionCode parent, @Nullable String category, Instant from, Instant until,
                        @Nullable RegionLevel regionLevel) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("c.stage <> 'MERGED' and c.received_at >= :from and c.received_at < :until");
        params.put("from", Timestamp.from(from));
        params.put("until", Timestamp.from(until));
        if (parent != null) {
            where.append(" and (c.region_code = :parent or c.region_code like :descendants)");
            params.put("parent", parent.value());
            params.put("descendants", parent.value() + ".%");
        }
        if (category != null) {
            where.append(" and c.category_code = :category");
            params.put("category", category);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        String key;
        if (regionLevel == null) {
            key = "c.stage";
        } else {
            // a region code's prefix of the level's length is its ancestor there: 35, 35.09, 35.09.01, 35.09.01.2001
            params.put("length", switch (regionLevel) {
                case PROVINCE -> 2;
                case REGENCY -> 5;
                case DISTRICT -> 8;
                case VILLAGE -> 13;
            });
            key = "left(c.region_code, :length)";
            where.append(" and length(c.region_code) >= :length");
        }
        jdbc.sql("select " + key + " as key, count(*) as n from legal_case c where " + where + " group by 1 order by 1")
                .params(params)
                .query(rs -> {
                    counts.put(rs.getString("key"), rs.getLong("n"));
                });
        return jdbc.sql("""
                        select count(*) as cases,
                               count(*) filter (where exists (select 1 from case_warning w where w.case_id = c.id)) as missed,
                               coalesce(sum((select count(*) from case_warning w where w.case_id = c.id)), 0) as warnings
                          from legal_case c where """ + " " + where)
                .params(params)
                .query((rs, i) -> new Counts(counts, rs.getLong("cases"), rs.getLong("missed"), rs.getLong("warnings")))
                .single();
    }
}
