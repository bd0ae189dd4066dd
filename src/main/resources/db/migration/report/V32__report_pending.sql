-- The reports waiting for their processing (duplicate search, ReportSubmitted), kept apart from
-- the report row. Marking the row processed changed a column of a partial index, so every such
-- update was a non-HOT one that wrote new entries into all of report's indexes (the full-text GIN
-- index included): most of what processing cost PostgreSQL. A report is pending while it has a
-- row here; intake inserts that row in the report's own statement, with the text signature.
create table report_pending (
    report_id   uuid        primary key references report (id) on delete cascade,
    received_at timestamptz not null,
    -- failed attempts so far and when the next may run (a doubling delay, see ReportProcessing)
    attempts    smallint    not null default 0,
    retry_at    timestamptz
);
create index report_pending_received_idx on report_pending (received_at);

insert into report_pending (report_id, received_at, attempts, retry_at)
select id, received_at, processing_attempts, processing_retry_at from report where processed_at is null;

drop index report_unprocessed_idx;
alter table report drop column processed_at,
                   drop column processing_attempts,
                   drop column processing_retry_at;
