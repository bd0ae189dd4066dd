package id.pantau.insight.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the pending deltas of the daily rollup into its cells (V23, down to regencies), into the
 * cells without report type (V29, down to districts) and into the yearly running totals of
 * incidents (V31), in one statement. Safe on several nodes at once:
 * a delta is deleted by exactly one fold (a second one waits for the row and then finds it gone), and
 * cells are upserted in key order, so two folds never deadlock.
 */
@Component
class RollupFold {

    private final JdbcClient jdbc;

    RollupFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Folds what is pending; the number of cells written in the three tables. */
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
                            returning 1),
                        yearly as (
                            insert into insight_year as y (area, parent, depth, year, category_code, incidents)
                            select area, parent, depth, extract(year from day)::smallint, category_code,
                                   insight_year_running(array_agg(extract(doy from day)::integer), array_agg(incidents))
                              from moved
                             where depth <= 2 and incidents <> 0
                             group by 1, 2, 3, 4, 5
                             order by 1, 4, 5
                            on conflict (area, year, category_code) do update
                               set incidents = insight_year_add(y.incidents, excluded.incidents)
                            returning 1)
                        select (select count(*) from typed) + (select count(*) from total) + (select count(*) from yearly)""")
                .query(Integer.class).single();
    }
}
