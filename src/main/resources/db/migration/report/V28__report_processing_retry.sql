-- The processing that follows intake (ReportProcessing) now runs the ReportSubmitted listeners in its
-- own transaction. A report whose processing fails is postponed, with a growing delay, instead of
-- failing its whole batch again on every run: the other reports go on.
alter table report add column processing_attempts smallint not null default 0,
                   add column processing_retry_at timestamptz;
