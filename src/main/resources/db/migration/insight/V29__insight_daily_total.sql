-- The daily rollup once more without the report type, down to districts: one row per area and WIB
-- day. Questions that neither group nor filter by type (totals, by region, by day, the early
-- warning's windows) read it: the early warning over all regencies of Indonesia summed 5,654 cells
-- per day in insight_daily (514 regencies x 11 types), 514 here; by district it counted the facts.
create table insight_daily_total (
    area      text collate "C" not null,
    -- the area one level up: 'ID' for a province, the province for a regency, the regency for a district
    parent    text collate "C",
    depth     smallint not null check (depth between 0 and 3),
    day       date     not null,
    reports   integer  not null,
    incidents integer  not null,
    primary key (area, day) include (reports, incidents)
);

create index insight_daily_total_parent_idx on insight_daily_total (parent, day) include (area, reports, incidents);
create index insight_daily_total_regency_idx on insight_daily_total (day) include (area, reports, incidents)
    where depth = 2;

-- The four cells a fact counts in without its type; insight_daily keeps the first three per type.
create function insight_daily_cells(province text, regency text, district text)
    returns table (area text, parent text, depth smallint)
    language sql immutable parallel safe
    as $$ values ('ID', null::text, 0::smallint), (province, 'ID', 1::smallint), (regency, province, 2::smallint),
                 (district, regency, 3::smallint) $$;

insert into insight_daily_total (area, parent, depth, day, reports, incidents)
select area, parent, depth, day, sum(reports), sum(incidents)
  from insight_daily
 group by 1, 2, 3, 4
union all
select district, regency, 3, day, count(*), count(*) filter (where head)
  from insight_report
 where district is not null
 group by 1, 2, 3, 4;

-- Deltas now come for districts too (depth 3); the fold (RollupFold) moves each into both tables,
-- district deltas into the one without type only, and readers add the pending ones to either.
create or replace function insight_daily_apply() returns trigger language plpgsql as $$
begin
    execute format($q$
        insert into insight_daily_delta (area, parent, depth, day, category_code, reports, incidents)
        select c.area, c.parent, c.depth, f.day, f.category_code, sum(f.n), sum(f.h)
          from (%s) f
         cross join lateral insight_daily_cells(f.province, f.regency, f.district) c
         where c.area is not null
         group by 1, 2, 3, 4, 5
        having sum(f.n) <> 0 or sum(f.h) <> 0$q$,
        case tg_op
            when 'INSERT' then 'select day, category_code, province, regency, district, 1 as n, head::int as h from new_rows'
            else 'select day, category_code, province, regency, district, 1 as n, head::int as h from new_rows
                  union all
                  select day, category_code, province, regency, district, -1, -head::int from old_rows'
        end);
    return null;
end $$;
