package id.pantau.insight.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the pending deltas of the daily rollup into its cells (V23, down to regencies) and into
 * the cells without report type (V29, down to districts), in one statement. Safe on several nodes at once:
 * a delta is deleted by exactly one fold (a second one waits for the row and then finds it gone), and
 * cells are upserted in key order, so two folds never deadlock.
 */
@Component
class RollupFold {

    private final JdbcClient jdbc;

    RollupFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Folds what is pending; the number of cells written, with and without type. */
    @Scheduled(fixedDelayString = "${pantau.insight.rollup-fold:PT1S}")
    int fold() {
        return jdbc.sql("""
                        with moved as (delete from insight_daily_delta returning *),
                        typed as (
                            insert into insight_daily as d (area, parent, depth, day, category_code, reports, incidents)
                            select area, parent, depth, day, category_code, sum(reports), sum(incidents)
                              from moved
                             where depth <= 2
                             group by 1, 2, 3, 4, 5
                             order by 1, 4, 5
                            on conflict (area, day, category_code) do update
                               set reports = d.reports + excluded.reports, incidents = d.incidents + excluded.incidents
                            returning 1),
                        total as (
                            insert into insight_daily_total as t (area, parent, depth, day, reports, incidents)
                            select area, parent, depth, day, sum(reports), sum(incidents)
                              from moved
                             group by 1, 2, 3, 4
                             order by 1, 4
                            on conflict (area, day) do update
                               set reports = t.reports + excluded.reports, incidents = t.incidents + excluded.incidents
                            returning 1)
                        select (select count(*) from typed) + (select count(*) from total)""")
                .query(Integer.class).single();
    }
}
