-- The demo data set (dev profile with PANTAU_DEMO=true, see id.pantau.shared.DemoData): the parts
-- loaded, so that a second start changes nothing, and the records that are synthetic, so that a
-- later part acts on the demo's own records only.
create table demo_data_part (
    name      text primary key,
    loaded_at timestamptz not null,
    summary   text        not null
);

create table demo_record (
    kind text not null,
    id   uuid not null,
    primary key (kind, id)
);
