-- Daily rollup of cases for the statistics (id.pantau.casework.CaseStatistics): per area (Indonesia
-- 'ID', province, regency), WIB day of receipt, report type and current stage, the number of cases,
-- of cases that missed a deadline and of missed deadlines, so that a year of Indonesia sums a few
-- thousand cells instead of counting millions of cases per request. Below regencies the cases are
-- counted directly (a regency has few).

-- each case carries its number of overdue warnings, kept by the deadline job that raises them
alter table legal_case add column warnings integer not null default 0;
update legal_case c set warnings = w.n
  from (select case_id, count(*) as n from case_warning group by 1) w
 where c.id = w.case_id;

create index legal_case_received_idx on legal_case (received_at);

create table case_daily (
    area          text collate "C" not null,
    -- the area one level up: 'ID' for a province, the province for a regency, null for Indonesia
    parent        text collate "C",
    depth         smallint not null check (depth between 0 and 2),
    day           date     not null,
    category_code text     not null,
    stage         text     not null,
    cases         integer  not null,
    missed        integer  not null,
    warnings      integer  not null,
    primary key (area, day, category_code, stage)
);

create index case_daily_parent_idx on case_daily (parent, day) include (area, category_code, stage, cases, missed, warnings);
create index case_daily_regency_idx on case_daily (day) include (area, category_code, stage, cases, missed, warnings)
    where depth = 2;

-- The three cells a case counts in.
create function case_daily_cells(region_code text)
    returns table (area text, parent text, depth smallint)
    language sql immutable parallel safe
    as $$ values ('ID', null::text, 0::smallint),
                 (left(region_code, 2), 'ID', 1::smallint),
                 (case when length(region_code) >= 5 then left(region_code, 5) end, left(region_code, 2), 2::smallint) $$;

insert into case_daily (area, parent, depth, day, category_code, stage, cases, missed, warnings)
select c.area, c.parent, c.depth, (l.received_at at time zone 'Asia/Jakarta')::date, l.category_code, l.stage,
       count(*), count(*) filter (where l.warnings > 0), sum(l.warnings)
  from legal_case l
 cross join lateral case_daily_cells(l.region_code) c
 where c.area is not null
 group by 1, 2, 3, 4, 5, 6;

-- As in the statistics of reports (V23): statement triggers append deltas, which
-- id.pantau.casework.internal.CaseRollupFold moves into the cells every second, and readers add
-- the pending ones. Cases are never deleted.
create table case_daily_delta (like case_daily);

create function case_daily_apply() returns trigger language plpgsql as $$
begin
    execute format($q$
        insert into case_daily_delta (area, parent, depth, day, category_code, stage, cases, missed, warnings)
        select c.area, c.parent, c.depth, (l.received_at at time zone 'Asia/Jakarta')::date, l.category_code, l.stage,
               sum(l.n), sum(l.n * (l.warnings > 0)::int), sum(l.n * l.warnings)
          from (%s) l
         cross join lateral case_daily_cells(l.region_code) c
         where c.area is not null
         group by 1, 2, 3, 4, 5, 6
        having sum(l.n) <> 0 or sum(l.n * (l.warnings > 0)::int) <> 0 or sum(l.n * l.warnings) <> 0$q$,
        case tg_op
            when 'INSERT' then 'select region_code, received_at, category_code, stage, warnings, 1 as n from new_rows'
            else 'select region_code, received_at, category_code, stage, warnings, 1 as n from new_rows
                  union all
                  select region_code, received_at, category_code, stage, warnings, -1 from old_rows'
        end);
    return null;
end $$;

create trigger case_daily_inserted after insert on legal_case
    referencing new table as new_rows for each statement execute function case_daily_apply();
create trigger case_daily_updated after update on legal_case
    referencing old table as old_rows new table as new_rows for each statement execute function case_daily_apply();
