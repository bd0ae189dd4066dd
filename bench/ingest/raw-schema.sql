-- The baseline tables for pgbench (bench/ingest.sh): schema bench_raw in the benchmark database,
-- copies of the application's report, report_status, reporter_identity and idempotency_key
-- tables (columns, defaults, checks, the generated tsvector, every index) with the same foreign
-- keys to the real category, region and election tables; and lookup tables that let a pgbench
-- script pick a random village, category and text with one primary-key read each.
set client_min_messages = warning;
drop schema if exists bench_raw cascade;
create schema bench_raw;

create table bench_raw.report (like public.report including all);
alter table bench_raw.report
    add foreign key (category_code) references public.category (code),
    add foreign key (subcategory_code) references public.category (code),
    add foreign key (act_code) references public.category (code),
    add foreign key (region_code) references public.region (code),
    add foreign key (election_id) references public.election (id);
create table bench_raw.report_status (like public.report_status including all);
alter table bench_raw.report_status add foreign key (report_id) references bench_raw.report (id);
create table bench_raw.reporter_identity (like public.reporter_identity including all);
alter table bench_raw.reporter_identity add foreign key (report_id) references bench_raw.report (id);
create table bench_raw.idempotency_key (like public.idempotency_key including all);

create table bench_raw.village (n integer primary key, code text collate "C" not null);
insert into bench_raw.village
select row_number() over (order by code), code from public.region where level = 'VILLAGE' and code like '35.%';

create table bench_raw.category (n integer primary key, code text not null);
insert into bench_raw.category values (1, 'MONEY_POLITICS'), (2, 'NEUTRALITY'), (3, 'CAMPAIGN'), (4, 'VOTER_LIST'),
    (5, 'INTIMIDATION'), (6, 'OFFICIAL_MISCONDUCT'), (7, 'VOTING_COUNTING'), (8, 'HAZARD_LOGISTICS'), (9, 'OTHER');

-- 2,000 texts drawn like the HTTP load generator's: 3-word titles, 15-39-word descriptions
-- from the same 98 words
create table bench_raw.text (n integer primary key, title text not null, description text not null);
with words as (select array['amplop','uang','warga','masjid','tim','sukses','kepala','desa','kampanye','spanduk','baliho','pos','ronda','balai','kelurahan','surat','suara','petugas','kpps','saksi','relawan','sembako','beras','minyak','gula','kupon','bensin','pasar','sekolah','lapangan','jalan','gang','rumah','ketua','rt','rw','malam','pagi','sore','subuh','mobil','motor','truk','kaos','stiker','kalender','kartu','nama','calon','partai','nomor','urut','foto','video','pesan','grup','whatsapp','ancaman','pukul','teriak','antrean','daftar','pemilih','tambahan','ganda','meninggal','pindah','undangan','formulir','kotak','segel','tinta','jari','bilik','coblos','hitung','rekap','kecamatan','kabupaten','provinsi','polisi','tentara','guru','dokter','bidan','camat','lurah','sekretaris','bendahara','pengurus','yayasan','pondok','pesantren','santri','jamaah','pengajian','arisan','posyandu'] as w)
insert into bench_raw.text
select n,
       (select string_agg(w[1 + floor(random() * array_length(w, 1))::int + 0 * g], ' ') from generate_series(1, 3 + 0 * n) g),
       (select string_agg(w[1 + floor(random() * array_length(w, 1))::int + 0 * g], ' ') from generate_series(1, 15 + (n * 7919) % 25) g)
  from generate_series(1, 2000) n, words;

analyze bench_raw.village;
analyze bench_raw.category;
analyze bench_raw.text;
select count(*) as villages from bench_raw.village;
