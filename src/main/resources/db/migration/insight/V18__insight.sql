-- Statistics facts: one narrow row per processed report, written by the insight module from the
-- ReportSubmitted event (keyed by report id, so a second delivery changes nothing) and kept in step
-- with incident changes. The statistics and the early warning read only this table, by index:
-- a region is grouped by the prefix columns (equality, not LIKE) and a period is a range of WIB days.
create table insight_report (
    report_id     uuid primary key,
    -- what the early warning counts: the report's incident, or the report itself when it has none
    incident_key  uuid    not null,
    -- the day the report was received, in WIB (Asia/Jakarta)
    day           date    not null,
    region_code   text collate "C" not null,
    province      text collate "C" not null,
    regency       text collate "C",
    district      text collate "C",
    category_code text    not null,
    kind          text    not null,
    hazard        boolean not null
);

-- covering indexes: the usual aggregates are index-only scans
create index insight_report_day_idx on insight_report (day) include (province, regency, category_code);
create index insight_report_province_idx on insight_report (province, day) include (regency, category_code, incident_key);
create index insight_report_regency_idx on insight_report (regency, day) include (district, category_code, incident_key)
    where regency is not null;
create index insight_report_district_idx on insight_report (district, day) include (category_code, incident_key)
    where district is not null;
create index insight_report_region_idx on insight_report (region_code, day) include (category_code, incident_key);
create index insight_report_incident_idx on insight_report (incident_key);

-- Backfill for a database that already holds reports: the processed ones (unprocessed reports get
-- their event later). This and id.pantau.insight.internal.CrossModuleQueries are the only places
-- the insight module reads another module's tables.
insert into insight_report (report_id, incident_key, day, region_code, province, regency, district,
                            category_code, kind, hazard)
select r.id, coalesce(r.incident_id, r.id), (r.received_at at time zone 'Asia/Jakarta')::date, r.region_code,
       left(r.region_code, 2),
       case when length(r.region_code) >= 5 then left(r.region_code, 5) end,
       case when length(r.region_code) >= 8 then left(r.region_code, 8) end,
       r.category_code, r.kind, c.kind = 'HAZARD'
  from report r join category c on c.code = r.category_code
 where r.processed_at is not null
on conflict (report_id) do nothing;
