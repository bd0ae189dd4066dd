-- Synthetic statistics data for bench/stats.sh: about :reports reports of 2024 as the statistics
-- read them (insight_report facts), and their cases (legal_case, case_warning).
--
--   psql -v reports=1000000 -v seed=0.42 -d <db> -f bench/stats/generate.sql
--
-- Run once on a database the application has migrated (its regions loaded) and that holds no
-- facts or cases yet. Set-based and deterministic for a seed (setseed + random(); ids are md5s of
-- the row numbers). Only the tables the statistics endpoints read are filled: the report,
-- incident and case_report tables stay empty (insight's statistics read insight_report only, case
-- statistics legal_case and case_warning only).
--
-- Shape:
--   days       2024-01-01..2024-12-31: 60 % spread evenly, 20 % around the Pemilu (14 Feb,
--              sd 10 days) and 20 % around the Pilkada (27 Nov, sd 7 days)
--   regions    a regency by a Zipf-like weight (rank^-0.7 over a fixed shuffle of the 514
--              regencies: the busiest has ~5 % of all reports, the top ten ~21 %, the quietest
--              ~0.07 %), then a village of it uniformly; 8 % of reports name the village's
--              district instead of the village
--   categories skewed over the 11 report types (money politics 25 %, campaign 20 %, ... hazards 6 %)
--   incidents  10 % of incidents have 2-4 reports (same place and category, days within +2), the
--              rest one: ~25 % of reports belong to a multi-report incident
--   cases      one per incident (received with its first report); stages of a year-old caseload:
--              most decided, referred, closed or not registered, ~6 % still open (their deadline
--              passed, its overdue warning already raised), 1 % merged; ~15 % of the others
--              missed a deadline (one warning, 3 % two)
-- The open cases' warnings exist so that the application's deadline job finds nothing to raise.

\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
set max_parallel_maintenance_workers = 2;
set jit = off;
select setseed(:seed);

do $$
begin
    if exists (select 1 from insight_report) or exists (select 1 from legal_case) then
        raise exception 'insight_report or legal_case already holds rows: generate into a fresh database';
    end if;
    if (select count(*) from region where level = 'REGENCY') < 500 then
        raise exception 'regions are not loaded: start the application on this database once first';
    end if;
end $$;

\echo '-- lookup tables'
create temp table g_regency as
select code, row_number() over (order by md5('regency-' || code)) as rank
  from region where level = 'REGENCY';

-- 100,000 slots shared out by weight rank^-0.7: a uniform slot picks a regency with that weight
create temp table g_place as
select left(v.code, 5) as regency, v.code as village,
       (row_number() over (partition by left(v.code, 5) order by v.code) - 1)::int as idx, v.time_zone
  from region v where v.level = 'VILLAGE';
create temp table g_place_count as select regency, count(*)::int as n from g_place group by 1;

-- slot -> regency and its number of villages (regencies without villages get no slots)
create temp table g_regency_slot as
with w as (select g.code, g.rank, power(g.rank, -0.7) as w, pc.n from g_regency g join g_place_count pc on pc.regency = g.code),
     b as (select code, n, round(sum(w) over (order by rank) / sum(w) over () * 100000)::int as hi, rank from w),
     r as (select code, n, coalesce(lag(hi) over (order by rank), 0) as lo, hi from b)
select s as slot, r.code, r.n
  from r join generate_series(0, 99999) s on s >= r.lo and s < r.hi;

create temp table g_category (code text, lo int, hi int, hazard boolean);
insert into g_category values
    ('MONEY_POLITICS', 0, 250, false), ('CAMPAIGN', 250, 450, false), ('NEUTRALITY', 450, 600, false),
    ('VOTER_LIST', 600, 700, false), ('OFFICIAL_MISCONDUCT', 700, 780, false), ('VOTING_COUNTING', 780, 860, false),
    ('INTIMIDATION', 860, 910, false), ('HAZARD_DISASTER', 910, 940, true), ('HAZARD_LOGISTICS', 940, 960, true),
    ('HAZARD_SECURITY', 960, 970, true), ('OTHER', 970, 1000, false);
create temp table g_category_slot as
select s as slot, c.code, c.hazard from g_category c join generate_series(0, 999) s on s >= c.lo and s < c.hi;
analyze g_regency_slot;
analyze g_place;
analyze g_category_slot;

\echo '-- incidents'
\timing on
-- reports per incident: 1 (90 %) or 2-4 (10 %), mean 1.2: :reports / 1.2 incidents
create unlogged table bench_gen_incident as
with draw as materialized (
    select i, random() as r_size, random() as r_multi, random() as r_regency, random() as r_village,
           random() as r_district, random() as r_category, random() as r_mix, random() as r_day,
           1 - random() as r_n1, random() as r_n2, random() as r_time, random() as r_stage, random() as r_warn
      from generate_series(1, ceil(:reports / 1.2)::bigint) i)
select d.i as incident_no,
       case when d.r_size < 0.10 then 2 + floor(d.r_multi * 3)::int else 1 end as size,
       case when d.r_district < 0.08 then left(p.village, 8) else p.village end as region_code,
       p.time_zone,
       c.code as category_code, c.hazard,
       least(greatest(case
           when d.r_mix < 0.6 then date '2024-01-01' + floor(d.r_day * 366)::int
           when d.r_mix < 0.8 then date '2024-02-14' + round(10 * sqrt(-2 * ln(d.r_n1)) * cos(2 * pi() * d.r_n2))::int
           else date '2024-11-27' + round(7 * sqrt(-2 * ln(d.r_n1)) * cos(2 * pi() * d.r_n2))::int
       end, date '2024-01-01'), date '2024-12-31') as day,
       d.r_time, d.r_stage, d.r_warn
  from draw d
  join g_regency_slot rs on rs.slot = floor(d.r_regency * 100000)::int
  join g_place p on p.regency = rs.code and p.idx = floor(d.r_village * rs.n)::int
  join g_category_slot c on c.slot = floor(d.r_category * 1000)::int;

\echo '-- reports'
create unlogged table bench_gen_report as
select md5('report-' || g.incident_no || '-' || k)::uuid as report_id,
       case when g.size = 1 then md5('report-' || g.incident_no || '-1')::uuid
            else md5('incident-' || g.incident_no)::uuid end as incident_key,
       least(g.day + case when k = 1 then 0 else floor(random() * 3)::int end, date '2024-12-31') as day,
       g.region_code, g.category_code, g.hazard,
       case when random() < 0.70 then 'LAPORAN' when random() < 0.83 then 'TEMUAN' else 'INFORMASI_AWAL' end as kind
  from bench_gen_incident g cross join lateral generate_series(1, g.size) k;

\echo '-- insight_report (indexes dropped during the load, rebuilt after)'
create temp table g_index as
select pg_get_indexdef(i.indexrelid) as def, c.relname as name
  from pg_index i join pg_class c on c.oid = i.indexrelid
 where i.indrelid = 'insight_report'::regclass and not i.indisprimary;
do $$ declare r record; begin
    for r in select name from g_index loop execute 'drop index ' || quote_ident(r.name); end loop;
end $$;
insert into insight_report (report_id, incident_key, day, region_code, province, regency, district,
                            category_code, kind, hazard)
select report_id, incident_key, day, region_code, left(region_code, 2), left(region_code, 5),
       case when length(region_code) >= 8 then left(region_code, 8) end, category_code, kind, hazard
  from bench_gen_report
 order by day;
do $$ declare r record; begin
    for r in select def from g_index loop execute r.def; end loop;
end $$;

\echo '-- legal_case'
create temp table g_case_index as
select pg_get_indexdef(i.indexrelid) as def, c.relname as name
  from pg_index i join pg_class c on c.oid = i.indexrelid
 where i.indrelid = 'legal_case'::regclass and not i.indisprimary and not i.indisunique;
do $$ declare r record; begin
    for r in select name from g_case_index loop execute 'drop index ' || quote_ident(r.name); end loop;
end $$;
insert into legal_case (id, region_code, office_code, time_zone, stage, kind, rule_set, category_code, incident_id,
                        received_at, clock_started_at, register_number, registered_at, outcome, decided_at,
                        merged_into, next_due_at, next_due_name, version, created_at, updated_at)
select md5('case-' || c.incident_no)::uuid, c.region_code, left(c.region_code, 5), c.time_zone, c.stage,
       case when random() < 0.72 then 'LP' else 'TM' end,
       case when c.day < date '2024-07-01' then 'PEMILU' else 'PILKADA' end,
       c.category_code,
       case when c.size > 1 then md5('incident-' || c.incident_no)::uuid end,
       c.received_at, c.received_at,
       case when c.stage in ('DECIDED', 'REFERRED', 'REGISTERED', 'CLARIFICATION', 'REVIEW', 'PLENARY')
            then 'BENCH/' || c.incident_no end,
       case when c.stage in ('DECIDED', 'REFERRED', 'REGISTERED', 'CLARIFICATION', 'REVIEW', 'PLENARY')
            then c.received_at + interval '3 days' end,
       case c.stage when 'DECIDED' then (array['ADMINISTRATIVE', 'ETHICS', 'NOT_A_VIOLATION'])[1 + floor(c.r_time * 3)::int]
                    when 'REFERRED' then (array['CRIMINAL', 'OTHER_LAW'])[1 + floor(c.r_time * 2)::int] end,
       case when c.stage in ('DECIDED', 'REFERRED') then c.received_at + interval '14 days' end,
       case when c.stage = 'MERGED' then md5('case-' || (c.incident_no - 1))::uuid end,
       c.due_at, c.due_name, 3, c.received_at, c.received_at + interval '14 days'
  from (select g.*,
               (g.day + g.r_time * interval '1 day')::timestamp at time zone 'Asia/Jakarta' as received_at,
               case when g.incident_no > 1 and g.r_stage < 0.01 then 'MERGED'
                    when g.r_stage < 0.31 then 'CLOSED'
                    when g.r_stage < 0.51 then 'DECIDED'
                    when g.r_stage < 0.66 then 'REFERRED'
                    when g.r_stage < 0.93 then 'NOT_REGISTERED'
                    when g.r_stage < 0.94 then 'RECEIVED'
                    when g.r_stage < 0.95 then 'PRELIMINARY_REVIEW'
                    when g.r_stage < 0.965 then 'REGISTERED'
                    when g.r_stage < 0.975 then 'CLARIFICATION'
                    when g.r_stage < 0.99 then 'REVIEW'
                    else 'PLENARY' end as stage,
               case when g.r_stage >= 0.93 then (g.day + g.r_time * interval '1 day')::timestamp at time zone 'Asia/Jakarta'
                                                + case when g.r_stage < 0.95 then interval '3 days' else interval '17 days' end end as due_at,
               case when g.r_stage >= 0.93 then case when g.r_stage < 0.95 then 'PRELIMINARY_REVIEW' else 'DECISION' end end as due_name
          from bench_gen_incident g) c
 order by c.received_at;
do $$ declare r record; begin
    for r in select def from g_case_index loop execute r.def; end loop;
end $$;

\echo '-- case_warning'
insert into case_warning (case_id, deadline, due_at, raised_at)
select id, next_due_name, next_due_at, next_due_at + interval '1 minute'
  from legal_case where next_due_at is not null
union all
select c.id, 'PRELIMINARY_REVIEW', c.received_at + interval '3 days', c.received_at + interval '3 days 1 minute'
  from legal_case c join bench_gen_incident g on c.id = md5('case-' || g.incident_no)::uuid
 where c.next_due_at is null and c.stage <> 'MERGED' and g.r_warn < 0.15
union all
select c.id, 'DECISION', c.received_at + interval '17 days', c.received_at + interval '17 days 1 minute'
  from legal_case c join bench_gen_incident g on c.id = md5('case-' || g.incident_no)::uuid
 where c.next_due_at is null and c.stage <> 'MERGED' and g.r_warn < 0.03;
\timing off

drop table bench_gen_incident;
drop table bench_gen_report;
