-- pgbench: one report row, as the application's INSERT writes it (same columns and kinds of
-- values: a random village of East Java, category and text; anonymous, no election), one
-- statement, one commit. -D villages=N is set by bench/ingest.sh. The tracking code has 52 random
-- bits, like the application's (10 hex digits collided once in ~100,000 rows at 2,900 tps).
\set v random(1, :villages)
\set c random(1, 9)
\set t random(1, 2000)
\set m random(1, 600)
insert into bench_raw.report (id, tracking_code, kind, status, channel, election_id, rule_set,
                              category_code, subcategory_code, act_code, title, description,
                              occurred_at, known_at, received_at, reporting_deadline, timely,
                              region_code, tps, latitude, longitude, reported_party, submitted_by,
                              affiliation, affiliation_partner_ids, affiliation_team_ids,
                              has_identity, upload_token_hash, upload_token_expires_at)
select gen_random_uuid(), upper(substr(md5(gen_random_uuid()::text), 1, 13)), 'INFORMASI_AWAL', 'RECEIVED', 'API', null, 'PEMILU',
       (select code from bench_raw.category where n = :c), null, null, t.title, t.description,
       now() - make_interval(mins => :m), now(), now(), now() + interval '7 days', true,
       (select code from bench_raw.village where n = :v), null, null, null, null, null,
       null, null, null,
       false, sha256(gen_random_uuid()::text::bytea), now() + interval '7 days'
  from bench_raw.text t where t.n = :t;
