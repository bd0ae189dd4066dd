-- Partners of a Bawaslu office and its agreements (MoU, perjanjian kerja sama) with them.
create table partner (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 2 and 200),
    type        text        not null check (type in ('MINISTRY', 'REGIONAL_AGENCY', 'UNIVERSITY', 'MEDIA', 'CSO', 'SCHOOL',
                                                     'RELIGIOUS_GROUP', 'COMMUNITY', 'OTHER')),
    region_code text collate "C" not null references region (code),
    -- the focal points' names, positions, phones and e-mails: personal data, sealed (PersonalDataCipher)
    contacts    bytea,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    unique (region_code, name)
);

create index partner_region_idx on partner (region_code);
create index partner_name_idx on partner using gin (to_tsvector('simple', name));

create table agreement (
    id                  bigint generated always as identity primary key,
    title               text        not null check (length(title) between 3 and 300),
    region_code         text collate "C" not null references region (code),
    status              text        not null check (status in ('EXPLORING', 'DRAFTING', 'SIGNED', 'ACTIVE', 'EXPIRED',
                                                               'TERMINATED')),
    cooperation_points  text[]      not null,
    -- who signed, for each side: names and positions of officials (public acts, not sealed)
    signatories         jsonb       not null default '[]',
    signed_on           date,
    valid_from          date,
    valid_until         date,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    check (valid_until is null or signed_on is null or valid_until >= signed_on),
    check (status not in ('SIGNED', 'ACTIVE', 'EXPIRED') or signed_on is not null)
);

create index agreement_region_idx on agreement (region_code);
create index agreement_expiry_idx on agreement (valid_until) where status in ('SIGNED', 'ACTIVE');

create table agreement_partner (
    agreement_id bigint not null references agreement (id),
    partner_id   bigint not null references partner (id),
    primary key (agreement_id, partner_id)
);

create index agreement_partner_partner_idx on agreement_partner (partner_id);

-- The status history of an agreement. Append-only.
create table agreement_event (
    id           bigint generated always as identity primary key,
    agreement_id bigint      not null references agreement (id),
    at           timestamptz not null,
    actor        text        not null,
    from_status  text,
    to_status    text        not null,
    on_date      date,
    note         text
);

create index agreement_event_agreement_idx on agreement_event (agreement_id, id);

-- What the parties agreed to do next (tindak lanjut), with a due date.
create table agreement_follow_up (
    id           bigint generated always as identity primary key,
    agreement_id bigint      not null references agreement (id),
    description  text        not null check (length(description) between 3 and 1000),
    due_on       date        not null,
    done_on      date,
    created_at   timestamptz not null,
    created_by   text        not null
);

create index agreement_follow_up_open_idx on agreement_follow_up (due_on) where done_on is null;

-- Signed MoUs and minutes, stored by hash in the content store like evidence.
create table agreement_document (
    id           uuid primary key,
    agreement_id bigint      not null references agreement (id),
    sha256       bytea       not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    file_name    text        not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null
);

-- Notices for offices: agreements about to expire, follow-ups overdue. Kept whether or not a mail
-- server is configured; sent_at records the mail, once.
create table notification (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    subject_key text        not null,
    region_code text collate "C" references region (code),
    title       text        not null,
    body        text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    send_error  text,
    unique (kind, subject_key)
);

create index notification_unsent_idx on notification (created_at) where sent_at is null;
create index notification_region_idx on notification (region_code);
