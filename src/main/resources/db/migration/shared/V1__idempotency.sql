-- Answers to creating requests, kept so that a retry with the same Idempotency-Key
-- gets the first answer instead of creating a second resource (see Idempotency.java).
create table idempotency_key (
    scope           text        not null,
    key             text        not null,
    request_hash    bytea       not null,
    response_status integer,
    response_body   text,
    location        text,
    created_at      timestamptz not null default now(),
    primary key (scope, key)
);

create index idempotency_key_created_idx on idempotency_key (created_at);
