-- A status step can carry a message for the reporter, e.g. what is missing from a report
-- (the tracking page shows it). Only what staff write for the public goes here.
alter table report_status add column note text;
