-- The case rollup once more without report type and stage, merged cases left out, down to
-- districts: one row per area and WIB day. Case counts by region without a type filter read it;
-- a year of Indonesia's provinces summed up to 38 x 366 x types x stages cells in case_daily, and
-- the districts of a regency counted the cases themselves.
create table case_daily_total (
    area     text collate "C" not null,
    -- the area one level up: 'ID' for a province, the province for a regency, the regency for a district
    parent   text collate "C",
    depth    smallint not null check (depth between 0 and 3),
    day      date     not null,
    cases    integer  not null,
    missed   integer  not null,
    warnings integer  not null,
    primary key (area, day) include (cases, missed, warnings)
);

create index case_daily_total_parent_idx on case_daily_total (parent, day) include (area, cases, missed, warnings);
create index case_daily_total_regency_idx on case_daily_total (day) include (area, cases, missed, warnings)
    where depth = 2;

insert into case_daily_total (area, parent, depth, day, cases, missed, warnings)
select area, parent, depth, day, sum(cases), sum(missed), sum(warnings)
  from case_daily
 where stage <> 'MERGED'
 group by 1, 2, 3, 4
union all
select left(region_code, 8), left(region_code, 5), 3, (received_at at time zone 'Asia/Jakarta')::date,
       count(*), count(*) filter (where warnings > 0), sum(warnings)
  from legal_case
 where stage <> 'MERGED' and length(region_code) >= 8
 group by 1, 2, 3, 4;

-- Deltas now come for districts too (depth 3): the fold (CaseRollupFold) moves them into
-- case_daily_total only; case_daily stays down to regencies.
create or replace function case_daily_cells(region_code text)
    returns table (area text, parent text, depth smallint)
    language sql immutable parallel safe
    as $$ values ('ID', null::text, 0::smallint),
                 (left(region_code, 2), 'ID', 1::smallint),
                 (case when length(region_code) >= 5 then left(region_code, 5) end, left(region_code, 2), 2::smallint),
                 (case when length(region_code) >= 8 then left(region_code, 8) end, left(region_code, 5), 3::smallint) $$;
