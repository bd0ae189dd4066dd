-- The case statistics' stage query for one regency (CaseStatistics.count, groupBy=stage,
-- parent=35.09, 2024) as PostgreSQL runs it once pgjdbc has prepared it on the server and the
-- plan cache has switched to the generic plan, against the custom plan for the same values.
--
--   psql -X -d pantau_bench_stats_10m -f bench/stats/case-generic-plan.sql
--
-- The parent filter's "region_code like $4" cannot use legal_case_region_idx without the value.

\set ON_ERROR_STOP on
prepare stage_counts(timestamptz, timestamptz, text, text) as
select c.stage as key, count(*) as n from legal_case c
 where c.stage <> 'MERGED' and c.received_at >= $1 and c.received_at < $2
   and (c.region_code = $3 or c.region_code like $4)
 group by 1 order by 1;

\echo '== custom plan (the first executions)'
set plan_cache_mode = force_custom_plan;
explain (analyze, buffers) execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');

\echo '== generic plan (what the steady state may run)'
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers) execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');

\echo '== what the plan cache (plan_cache_mode auto) runs after 6 executions: $n in the plan means generic'
set plan_cache_mode = auto;
\o /dev/null
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
\o
explain (analyze, buffers) execute stage_counts('2023-12-31 17:00+00', '2024-12-31 17:00+00', '35.09', '35.09.%');
