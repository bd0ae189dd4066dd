-- The daily rollup once more without the report type: one row per area and WIB day. Questions
-- that neither group nor filter by type (totals, by region, by day, the early warning's windows)
-- read it, about a tenth of the cells of insight_daily: the early warning over all regencies of
-- Indonesia summed 5,654 cells per day there (514 regencies x 11 types), 514 here.
create table insight_daily_total (
    area      text collate "C" not null,
    parent    text collate "C",
    depth     smallint not null check (depth between 0 and 2),
    day       date     not null,
    reports   integer  not null,
    incidents integer  not null,
    primary key (area, day)
);

create index insight_daily_total_area_idx on insight_daily_total (area, day) include (reports, incidents);
create index insight_daily_total_parent_idx on insight_daily_total (parent, day) include (area, reports, incidents);
create index insight_daily_total_regency_idx on insight_daily_total (day) include (area, reports, incidents)
    where depth = 2;

-- Deltas stay where they are (insight_daily_delta, with their type): the fold (RollupFold) moves
-- each into both tables, and readers add the pending ones to either.
insert into insight_daily_total (area, parent, depth, day, reports, incidents)
select area, parent, depth, day, sum(reports), sum(incidents)
  from insight_daily
 group by 1, 2, 3, 4;
