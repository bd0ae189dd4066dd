-- What a volunteer's report was filed for: the volunteer, their partner and their monitoring teams
-- at the time of filing (as the network module answered intake), so that a report stays credited
-- to them when the volunteer later moves. Null for reports of anyone who is not a volunteer.
alter table report
    add column affiliation             jsonb,
    add column affiliation_partner_ids bigint[],
    add column affiliation_team_ids    bigint[];

create index report_affiliation_partner_idx on report using gin (affiliation_partner_ids)
    where affiliation_partner_ids is not null;
create index report_affiliation_team_idx on report using gin (affiliation_team_ids)
    where affiliation_team_ids is not null;
