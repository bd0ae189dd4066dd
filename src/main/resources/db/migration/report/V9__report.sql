-- The taxonomy of what people report, as data with Indonesian and English labels. Facets: a
-- TYPE (top level), its SUBTYPEs (e.g. whose neutrality), and for neutrality the ACTs.
create table category (
    code         text primary key,
    parent_code  text references category (code),
    facet        text    not null check (facet in ('TYPE', 'SUBTYPE', 'ACT')),
    kind         text    not null check (kind in ('VIOLATION', 'HAZARD', 'OTHER')),
    label_id     text    not null,
    label_en     text    not null,
    sms_keywords text[]  not null default '{}',
    position     integer not null,
    active       boolean not null default true,
    check ((facet = 'TYPE') = (parent_code is null))
);

-- Reports (laporan), supervisors' findings (temuan) and initial information (informasi awal).
-- The reporter's identity is not here: it lives sealed in reporter_identity.
create table report (
    id                      uuid primary key,
    tracking_code           text        not null unique,
    kind                    text        not null check (kind in ('INFORMASI_AWAL', 'LAPORAN', 'TEMUAN')),
    status                  text        not null,
    channel                 text        not null check (channel in ('WEB', 'API', 'SMS')),
    election_id             bigint references election (id),
    rule_set                text        not null check (rule_set in ('PEMILU', 'PILKADA')),
    category_code           text        not null references category (code),
    subcategory_code        text references category (code),
    act_code                text references category (code),
    title                   text        not null,
    description             text        not null,
    occurred_at             timestamptz not null,
    known_at                timestamptz not null,
    received_at             timestamptz not null,
    reporting_deadline      timestamptz not null,
    timely                  boolean     not null,
    region_code             text collate "C" not null references region (code),
    tps                     smallint check (tps between 1 and 999),
    latitude                double precision check (latitude between -90 and 90),
    longitude               double precision check (longitude between -180 and 180),
    reported_party          jsonb,
    submitted_by            bigint,
    has_identity            boolean     not null,
    upload_token_hash       bytea,
    upload_token_expires_at timestamptz,
    -- MinHash signature of the text, for near-duplicate detection
    text_signature          integer[],
    incident_id             uuid,
    -- null until the background processing (duplicates, events) has handled the report:
    -- the report row is its own outbox, so intake is one short transaction
    processed_at            timestamptz,
    search                  tsvector generated always as (
                                setweight(to_tsvector('indonesian', title), 'A') ||
                                setweight(to_tsvector('indonesian', description), 'B')) stored,
    check ((latitude is null) = (longitude is null)),
    check (occurred_at <= known_at)
);

create index report_region_idx on report (region_code);
create index report_received_idx on report (received_at);
create index report_category_occurred_idx on report (category_code, occurred_at);
create index report_incident_idx on report (incident_id) where incident_id is not null;
create index report_unprocessed_idx on report (received_at) where processed_at is null;
create index report_search_idx on report using gin (search);

-- The public status history of a report: what the tracking page shows. Append-only.
create table report_status (
    report_id uuid        not null references report (id),
    status    text        not null,
    at        timestamptz not null,
    primary key (report_id, at, status)
);

-- The reporter's identity and the witnesses' contacts, encrypted (PersonalDataCipher) with the
-- report id as context. Reading it unmasked is audited.
create table reporter_identity (
    report_id uuid primary key references report (id),
    sealed    bytea not null
);

-- Evidence files, stored content-addressed by SHA-256 outside the database.
create table evidence (
    id           uuid primary key,
    report_id    uuid        not null references report (id),
    sha256       bytea       not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    file_name    text,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null,
    unique (report_id, sha256)
);

-- Reports that describe one incident. SUGGESTED by duplicate detection until staff confirm.
create table incident (
    id                uuid primary key,
    status            text        not null check (status in ('SUGGESTED', 'CONFIRMED')),
    category_code     text        not null references category (code),
    region_code       text collate "C" not null references region (code),
    first_occurred_at timestamptz not null,
    last_occurred_at  timestamptz not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    confirmed_by      text
);

alter table report add constraint report_incident_fk foreign key (incident_id) references incident (id);

-- Every text message a gateway forwards, kept whatever its form: the readable ones become
-- reports, the others stay here as unparsed initial information for staff.
create table inbound_message (
    id          uuid primary key,
    fingerprint bytea       not null unique,
    received_at timestamptz not null,
    sender      bytea       not null,
    text        text        not null,
    outcome     text        not null check (outcome in ('REPORTED', 'UNREADABLE', 'HELP', 'TRACK')),
    problem     text,
    report_id   uuid references report (id),
    reply       text        not null
);

create index inbound_message_unread_idx on inbound_message (received_at) where outcome = 'UNREADABLE';
