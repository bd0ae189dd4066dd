-- People and API clients who sign in. A home region scopes what they may see and do:
-- null means national. Roles are ADMIN, STAFF, COORDINATOR, VOLUNTEER, ANALYST.
create table account (
    id            bigint generated always as identity primary key,
    username      text        not null unique check (username = lower(username)),
    display_name  text,
    password_hash text        not null,
    roles         text[]      not null check (cardinality(roles) > 0),
    region_code   text collate "C" references region (code),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    created_by    text,
    updated_at    timestamptz not null default now()
);

create index account_region_idx on account (region_code);

-- Bearer tokens for API clients; only a SHA-256 of each token is kept.
create table api_token (
    token_hash bytea       primary key,
    account_id bigint      not null references account (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);

create index api_token_account_idx on api_token (account_id);
create index api_token_expiry_idx on api_token (expires_at);

-- Who did what, when, from where: sign-ins, failed sign-ins, account changes, token issues,
-- and (later) every read of personal data. Append-only.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text,
    action      text        not null,
    subject     text,
    client_ip   text,
    details     jsonb       not null default '{}'
);

create index audit_event_time_idx on audit_event (occurred_at);
create index audit_event_actor_idx on audit_event (actor, occurred_at);

-- Bucket4j's token buckets for throttling failed sign-ins, shared by every node.
create table login_throttle (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

create index login_throttle_expiry_idx on login_throttle (expires_at);
