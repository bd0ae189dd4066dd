package id.pantau.casework.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the pending deltas of the case rollup into its cells (V24, by type and stage down to
 * regencies) and into the cells without type and stage (V30, down to districts, merged cases left
 * out), in one statement. Safe on several nodes at once:
 * a delta is deleted by exactly one fold, and cells are upserted in key order.
 */
@Component
class CaseRollupFold {

    private final JdbcClient jdbc;

    CaseRollupFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Folds what is pending; the number of cells written in both tables. */
    @Scheduled(fixedDelayString = "${pantau.cases.rollup-fold:PT1S}")
    int fold() {
        return jdbc.sql("""
                        with moved as (delete from case_daily_delta returning *),
                        typed as (
                            insert into case_daily as d (area, parent, depth, day, category_code, stage, cases, missed, warnings)
                            select area, parent, depth, day, category_code, stage, sum(cases), sum(missed), sum(warnings)
                              from moved
                             where depth <= 2
                             group by 1, 2, 3, 4, 5, 6
                             order by 1, 4, 5, 6
                            on conflict (area, day, category_code, stage) do update
                               set cases = d.cases + excluded.cases, missed = d.missed + excluded.missed,
                                   warnings = d.warnings + excluded.warnings
                            returning 1),
                        total as (
                            insert into case_daily_total as t (area, parent, depth, day, cases, missed, warnings)
                            select area, parent, depth, day, sum(cases), sum(missed), sum(warnings)
                              from moved
                             where stage <> 'MERGED'
                             group by 1, 2, 3, 4
                            having sum(cases) <> 0 or sum(missed) <> 0 or sum(warnings) <> 0
                             order by 1, 4
                            on conflict (area, day) do update
                               set cases = t.cases + excluded.cases, missed = t.missed + excluded.missed,
                                   warnings = t.warnings + excluded.warnings
                            returning 1)
                        select (select count(*) from typed) + (select count(*) from total)""")
                .query(Integer.class).single();
    }
}
