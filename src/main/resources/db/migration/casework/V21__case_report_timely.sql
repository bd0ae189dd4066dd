-- Whether each report of a case came within the legal reporting window, as intake judged it: the
-- preliminary review checks it (syarat formil), so the case shows it. Null for reports linked
-- before this column existed.
alter table case_report add column timely boolean;
