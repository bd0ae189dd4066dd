-- Index-only reads of one area's cells (cases of Indonesia or a province by stage): the primary key
-- holds no counts, so a year of Indonesia visited a heap page for nearly every cell (1 s at 1M cases).
create index case_daily_area_idx on case_daily (area, day) include (category_code, stage, cases, missed, warnings);
