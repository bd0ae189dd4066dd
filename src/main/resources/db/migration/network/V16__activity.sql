-- What offices and partners do together: socialisation, sarasehan, webinars, training (bimtek),
-- audiences, coordination meetings and recurring forums, with who organised them, who took part
-- and who attended.
create table activity (
    id                bigint generated always as identity primary key,
    type              text        not null check (type in ('SOCIALISATION', 'SARASEHAN', 'WEBINAR', 'TRAINING', 'AUDIENCE',
                                                           'COORDINATION', 'FORUM')),
    title             text        not null check (length(title) between 3 and 300),
    description       text        check (length(description) <= 5000),
    -- the day it took place (or begins); a training over several days ends on ends_on
    starts_on         date        not null,
    ends_on           date,
    start_time        time,
    end_time          time,
    -- the region it concerns: the organising office's region for an online activity
    region_code       text collate "C" not null references region (code),
    online            boolean     not null,
    place             text        check (length(place) <= 300),
    online_link       text        check (length(online_link) <= 500),
    -- a recurring forum: the series it belongs to and how often it meets
    series_name       text        check (length(series_name) <= 200),
    recurrence        text        check (recurrence in ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'IRREGULAR')),
    topics            text[]      not null default '{}' check (topics <@ array['NEUTRALITY_ASN', 'NEUTRALITY_TNI', 'NEUTRALITY_POLRI',
        'NEUTRALITY_VILLAGE_HEAD', 'MONEY_POLITICS', 'HOAX_SARA', 'VOTER_LIST', 'PARTICIPATORY_SUPERVISION', 'ELECTION_LAW',
        'DISASTER_PREPAREDNESS', 'OTHER']::text[]),
    -- speakers (narasumber): names and roles of public figures acting in public, not sealed
    speakers          jsonb       not null default '[]',
    -- the planned (or reported) number of participants; null when not known
    participant_count integer     check (participant_count >= 0),
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    check (ends_on is null or ends_on >= starts_on),
    check (online or place is not null),
    check (online or online_link is null),
    check (recurrence is null or series_name is not null)
);

create index activity_region_idx on activity (region_code, starts_on desc);
create index activity_starts_idx on activity (starts_on desc);
create index activity_topics_idx on activity using gin (topics);

-- The partners of an activity: those who organised it and those who took part.
create table activity_partner (
    activity_id bigint not null references activity (id),
    partner_id  bigint not null references partner (id),
    role        text   not null check (role in ('ORGANISER', 'PARTICIPANT')),
    primary key (activity_id, partner_id)
);

create index activity_partner_partner_idx on activity_partner (partner_id, activity_id);

-- Who attended. Personal data kept to a minimum: a name and where the person came from, and the
-- volunteer record when the attendee is one (the volunteer table is another migration's: no FK).
create table activity_attendee (
    id           bigint generated always as identity primary key,
    activity_id  bigint      not null references activity (id),
    name         text        not null check (length(name) between 2 and 200),
    origin       text        check (length(origin) <= 200),
    volunteer_id bigint,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);

-- the same person (name and origin, or volunteer) is counted once per activity
create unique index activity_attendee_person_idx on activity_attendee (activity_id, lower(name), lower(coalesce(origin, '')));
create unique index activity_attendee_volunteer_idx on activity_attendee (activity_id, volunteer_id) where volunteer_id is not null;
