-- The duplicate search asks for earlier reports of one type in one village around a time: with
-- (category, occurred_at) alone it read every report of the type in the window, thousands on a busy
-- day. The region index becomes this one; its leading column still serves region and subtree look-ups.
create index report_region_category_occurred_idx on report (region_code, category_code, occurred_at);
drop index report_region_idx;
