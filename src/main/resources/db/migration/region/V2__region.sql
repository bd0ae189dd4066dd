-- The official Kemendagri regions. Codes use the C collation so that "every region under 35.09"
-- (code like '35.09.%') is a range scan of the primary key: scope checks are prefix checks.
-- The parent_code foreign key is added by V3 after the load: checked row by row during the COPY
-- it costs a quarter of the load, added afterwards one join (BENCHMARKS.md, section 2).
create table region (
    code          text collate "C" primary key,
    parent_code   text collate "C",
    level         text not null check (level in ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')),
    name          text not null,
    -- lower case, no accents or punctuation (SearchText.normalize); computed by the loader
    search_name   text not null,
    search_vector tsvector generated always as (to_tsvector('simple', search_name)) stored,
    time_zone     text not null check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    check ((level = 'PROVINCE') = (parent_code is null))
);

create index region_level_code_idx on region (level, code);
create index region_parent_idx on region (parent_code);
create index region_search_idx on region using gin (search_vector);
