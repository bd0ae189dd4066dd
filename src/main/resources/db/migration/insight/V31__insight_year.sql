-- Incidents per area, report type and year as a running total over the days of the year: element d
-- of `incidents` holds the incidents of days 1..d (day of the year; a common year leaves day 366
-- equal to day 365). The incidents of any period are then two array reads per area and type
-- (end minus the day before the start) instead of a sum over one cell per day: the live index of
-- all 514 regencies over 30 days summed ~140,000 daily cells at 10 million reports, ~5,600 here.
create table insight_year (
    area          text collate "C" not null,
    parent        text collate "C",
    depth         smallint not null check (depth between 0 and 2),
    year          smallint not null,
    category_code text     not null,
    incidents     integer[] not null check (cardinality(incidents) = 366),
    primary key (area, year, category_code)
);

create index insight_year_parent_idx on insight_year (parent, year);
create index insight_year_regency_idx on insight_year (year) where depth = 2;

-- The running total of a year's amounts given by day of the year.
create function insight_year_running(days integer[], amounts integer[]) returns integer[]
    language sql immutable parallel safe
    as $$ select array_agg(total order by d)
            from (select g.d, (sum(coalesce(x.amount, 0)) over (order by g.d))::integer as total
                    from generate_series(1, 366) g (d)
                    left join (select day, sum(amount) as amount from unnest(days, amounts) u (day, amount) group by day) x
                      on x.day = g.d) running $$;

-- Two running totals of the same year added element by element.
create function insight_year_add(a integer[], b integer[]) returns integer[]
    language sql immutable parallel safe
    as $$ select array_agg(x + y order by i) from unnest(a, b) with ordinality u (x, y, i) $$;

insert into insight_year (area, parent, depth, year, category_code, incidents)
select area, parent, depth, extract(year from day)::smallint, category_code,
       insight_year_running(array_agg(extract(doy from day)::integer), array_agg(incidents))
  from insight_daily
 group by 1, 2, 3, 4, 5;
