package id.pantau.casework.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the pending deltas of the case rollup into its cells (V24). Safe on several nodes at once:
 * a delta is deleted by exactly one fold, and cells are upserted in key order.
 */
@Component
class CaseRollupFold {

    private final JdbcClient jdbc;

    CaseRollupFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Folds what is pending; the number of cells written. */
    @Scheduled(fixedDelayString = "${pantau.cases.rollup-fold:PT1S}")
    int fold() {
        return jdbc.sql("""
                        with moved as (delete from case_daily_delta returning *)
                        insert into case_daily as d (area, parent, depth, day, category_code, stage, cases, missed, warnings)
                        select area, parent, depth, day, category_code, stage, sum(cases), sum(missed), sum(warnings)
                          from moved
                         group by 1, 2, 3, 4, 5, 6
                         order by 1, 4, 5, 6
                        on conflict (area, day, category_code, stage) do update
                           set cases = d.cases + excluded.cases, missed = d.missed + excluded.missed,
                               warnings = d.warnings + excluded.warnings""")
                .update();
    }
}
