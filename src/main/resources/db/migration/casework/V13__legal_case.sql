-- Case handling (penanganan pelanggaran). A case wraps one report or finding, or the reports of
-- one incident, and is handled by one Bawaslu office at a time.
create table legal_case (
    id               uuid primary key,
    -- the region the case is about: its first report's region, or the incident's
    region_code      text collate "C" not null references region (code),
    -- the handling office: a province, regency or district region (Bawaslu Provinsi, Kabupaten/Kota,
    -- Panwaslu Kecamatan), or null for Bawaslu RI
    office_code      text collate "C" references region (code),
    -- the office's time zone: deadlines are counted and shown in it
    time_zone        text        not null,
    stage            text        not null check (stage in ('RECEIVED', 'PRELIMINARY_REVIEW', 'AWAITING_COMPLETION',
                                     'NOT_REGISTERED', 'REGISTERED', 'CLARIFICATION', 'REVIEW', 'PLENARY', 'DECIDED',
                                     'REFERRED', 'CLOSED', 'MERGED')),
    kind             text        not null check (kind in ('LP', 'TM')),
    rule_set         text        not null check (rule_set in ('PEMILU', 'PILKADA')),
    election_id      bigint references election (id),
    category_code    text        not null,
    subcategory_code text,
    -- who the reported act is attributed to (decides the default referral), set at the decision
    subject          text,
    incident_id      uuid,
    received_at      timestamptz not null,
    -- the moment the current clock started (receipt, completion request, registration, decision)
    clock_started_at timestamptz,
    extended         boolean     not null default false,
    register_number  text unique,
    registered_at    timestamptz,
    outcome          text check (outcome in ('ADMINISTRATIVE', 'CRIMINAL', 'ETHICS', 'OTHER_LAW', 'NOT_A_VIOLATION')),
    decided_at       timestamptz,
    referral_target  text,
    referral_letter  text,
    referral_date    date,
    missing_items    text,
    merged_into      uuid references legal_case (id),
    -- the deadline the case is under now (null: none), for sorting queues and the overdue job
    next_due_at      timestamptz,
    next_due_name    text,
    version          integer     not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check ((stage = 'MERGED') = (merged_into is not null))
);

create index legal_case_office_due_idx on legal_case (office_code, next_due_at) where stage not in ('CLOSED', 'MERGED');
create index legal_case_region_idx on legal_case (region_code);
create index legal_case_due_idx on legal_case (next_due_at) where next_due_at is not null;
create index legal_case_incident_idx on legal_case (incident_id) where incident_id is not null;

-- Which reports a case handles; a report is in exactly one case.
create table case_report (
    report_id     uuid primary key references report (id),
    case_id       uuid        not null references legal_case (id),
    tracking_code text        not null,
    kind          text        not null,
    region_code   text collate "C" not null,
    received_at   timestamptz not null,
    added_at      timestamptz not null
);

create index case_report_case_idx on case_report (case_id);

-- The history of a case: every action, who did it and when. Append-only: nothing updates or deletes it.
create table case_event (
    id         bigint generated always as identity primary key,
    case_id    uuid        not null references legal_case (id),
    at         timestamptz not null,
    actor      text        not null,
    action     text        not null,
    from_stage text        not null,
    to_stage   text        not null,
    note       text,
    details    jsonb       not null default '{}'
);

create index case_event_case_idx on case_event (case_id, id);

create function case_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case history is append-only';
end $$;

create trigger case_event_append_only before update or delete on case_event
    for each statement execute function case_event_append_only();

-- Documents of a case (minutes of a clarification, the plenary decision, a referral letter), stored
-- content-addressed like evidence; attached to the history event they belong to.
create table case_document (
    id           uuid primary key,
    case_id      uuid        not null references legal_case (id),
    event_id     bigint references case_event (id),
    sha256       bytea       not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    file_name    text        not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null
);

create index case_document_case_idx on case_document (case_id);

-- Register numbers: one gap-free sequence per office and year. The row lock taken by the update
-- serialises registrations of one office; a rolled-back registration rolls its number back too.
create table register_sequence (
    office_key text    not null,
    year       integer not null,
    last_value integer not null,
    primary key (office_key, year)
);

-- Overdue warnings raised by the deadline job, once per case and deadline.
create table case_warning (
    case_id   uuid        not null references legal_case (id),
    deadline  text        not null,
    due_at    timestamptz not null,
    raised_at timestamptz not null,
    primary key (case_id, deadline, due_at)
);
