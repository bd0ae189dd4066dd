package id.pantau.casework;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Recounts that the case rollups must equal, whatever happened to the cases. */
public final class CaseRollupChecks {

    private CaseRollupChecks() {
    }

    /**
     * Cells of the rollup without type and stage (V30, folded and pending) whose cases, missed
     * cases or warnings differ from a count of every case of the database that is not merged.
     */
    public static long totalsUnlikeTheCases(JdbcClient jdbc) {
        return jdbc.sql("""
                        with counted as (
                            select c.area, (l.received_at at time zone 'Asia/Jakarta')::date as day,
                                   count(*) as cases, count(*) filter (where l.warnings > 0) as missed, sum(l.warnings) as warnings
                              from legal_case l
                             cross join lateral case_daily_cells(l.region_code) c
                             where c.area is not null and l.stage <> 'MERGED'
                             group by 1, 2),
                        rolled as (
                            select area, day, sum(cases) as cases, sum(missed) as missed, sum(warnings) as warnings
                              from (select area, day, cases, missed, warnings from case_daily_total
                                    union all
                                    select area, day, cases, missed, warnings from case_daily_delta where stage <> 'MERGED') d
                             group by 1, 2
                            having sum(cases) <> 0 or sum(missed) <> 0 or sum(warnings) <> 0)
                        select count(*) from counted full join rolled using (area, day)
                         where (counted.cases, counted.missed, counted.warnings)
                               is distinct from (rolled.cases, rolled.missed, rolled.warnings)""")
                .query(Long.class).single();
    }
}
