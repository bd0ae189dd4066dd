-- Elections that reports belong to. A Pemilu is national; a Pilkada covers a province or a
-- regency, or, held simultaneously everywhere (Pilkada serentak), has no region. An election is
-- "running" from starts_on to ends_on: the stages before voting day and the disputes after it.
create table election (
    id          bigint generated always as identity primary key,
    name        text        not null,
    type        text        not null check (type in ('PEMILU', 'PILKADA')),
    voting_day  date        not null,
    region_code text collate "C" references region (code),
    starts_on   date        not null,
    ends_on     date        not null,
    created_at  timestamptz not null default now(),
    created_by  text,
    check (type = 'PILKADA' or region_code is null),
    check (starts_on <= voting_day and voting_day <= ends_on)
);

create index election_period_idx on election (starts_on, ends_on);

-- The legal rules of each election type, as data an administrator can adjust (PRODUCT.md §4).
create table rule_set (
    election_type             text primary key check (election_type in ('PEMILU', 'PILKADA')),
    reporting_window_days     integer not null check (reporting_window_days > 0),
    reporting_window_counting text    not null check (reporting_window_counting in ('WORKING_DAYS', 'CALENDAR_DAYS')),
    reporting_window_basis    text    not null,
    updated_at                timestamptz not null default now(),
    updated_by                text
);

insert into rule_set (election_type, reporting_window_days, reporting_window_counting, reporting_window_basis) values
    ('PEMILU', 7, 'WORKING_DAYS', 'UU 7/2017 Pasal 454 ayat (6); Perbawaslu 7/2022 Pasal 8 ayat (3)'),
    ('PILKADA', 7, 'CALENDAR_DAYS', 'UU 1/2015 sebagaimana diubah, Pasal 134');
