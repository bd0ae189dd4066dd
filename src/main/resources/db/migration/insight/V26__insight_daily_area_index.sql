-- Index-only reads of one area's cells (Indonesia's or a province's totals, by type or by day): the
-- primary key holds no counts, so a year of Indonesia visited a heap page for nearly every cell.
create index insight_daily_area_idx on insight_daily (area, day) include (category_code, reports, incidents);
