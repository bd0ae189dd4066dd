-- Daily rollup of the statistics facts, so that the statistics of Indonesia, a province or a
-- regency sum a few thousand cells instead of counting millions of facts per request.
--
-- Incidents become additive: an incident counts once, on the day and in the region of its first
-- report (its head: the earliest day, then the lowest report id). Facts flag their incident's head;
-- a report without an incident is its own head.
alter table insight_report add column head boolean not null default true;

update insight_report f
   set head = false
  from (select report_id,
               report_id = first_value(report_id) over (partition by incident_key order by day, report_id) as first
          from insight_report
         where incident_key in (select incident_key from insight_report group by 1 having count(*) > 1)) h
 where f.report_id = h.report_id and not h.first;

-- One row per area, WIB day and report type: Indonesia ('ID'), each province and each regency.
-- Districts and villages are counted from the facts, by their indexes (a regency's facts are few).
create table insight_daily (
    area          text collate "C" not null,
    -- the area one level up: 'ID' for a province, the province for a regency, null for Indonesia
    parent        text collate "C",
    depth         smallint not null check (depth between 0 and 2),
    day           date     not null,
    category_code text     not null,
    reports       integer  not null,
    incidents     integer  not null,
    primary key (area, day, category_code)
);

create index insight_daily_parent_idx on insight_daily (parent, day) include (area, category_code, reports, incidents);
create index insight_daily_regency_idx on insight_daily (day) include (area, category_code, reports, incidents)
    where depth = 2;

-- The three cells a fact counts in.
create function insight_daily_cells(province text, regency text)
    returns table (area text, parent text, depth smallint)
    language sql immutable parallel safe
    as $$ values ('ID', null::text, 0::smallint), (province, 'ID', 1::smallint), (regency, province, 2::smallint) $$;

insert into insight_daily (area, parent, depth, day, category_code, reports, incidents)
select c.area, c.parent, c.depth, f.day, f.category_code, count(*), count(*) filter (where f.head)
  from insight_report f
 cross join lateral insight_daily_cells(f.province, f.regency) c
 where c.area is not null
 group by 1, 2, 3, 4, 5;

-- Changes arrive as deltas: a statement trigger appends, per statement, what the rows it inserted or
-- changed add to each cell; the fold (id.pantau.insight.internal.RollupFold) moves them into
-- insight_daily every second. Appending takes no lock on a shared row, so intake never queues behind
-- the busy cells of the day (all of Indonesia's reports of a type share one) and cannot deadlock on
-- them; readers add the pending deltas to the folded cells. Facts are never deleted (reports never
-- are), so there is no delete trigger.
create table insight_daily_delta (like insight_daily);

create function insight_daily_apply() returns trigger language plpgsql as $$
begin
    execute format($q$
        insert into insight_daily_delta (area, parent, depth, day, category_code, reports, incidents)
        select c.area, c.parent, c.depth, f.day, f.category_code, sum(f.n), sum(f.h)
          from (%s) f
         cross join lateral insight_daily_cells(f.province, f.regency) c
         where c.area is not null
         group by 1, 2, 3, 4, 5
        having sum(f.n) <> 0 or sum(f.h) <> 0$q$,
        case tg_op
            when 'INSERT' then 'select day, category_code, province, regency, 1 as n, head::int as h from new_rows'
            else 'select day, category_code, province, regency, 1 as n, head::int as h from new_rows
                  union all
                  select day, category_code, province, regency, -1, -head::int from old_rows'
        end);
    return null;
end $$;

create trigger insight_daily_inserted after insert on insight_report
    referencing new table as new_rows for each statement execute function insight_daily_apply();
create trigger insight_daily_updated after update on insight_report
    referencing old table as old_rows new table as new_rows for each statement execute function insight_daily_apply();
