-- pgbench: the application's whole intake transaction in SQL (Idempotency.create and
-- ReportRepository.insert): claim the idempotency key, insert the report, its first status and
-- (for an anonymous report: nothing into) reporter_identity in one statement, store the answer
-- under the key, commit. Values as in raw-row.sql.
\set v random(1, :villages)
\set c random(1, 9)
\set t random(1, 2000)
\set m random(1, 600)
\set k random(1, 4000000000000000000)
begin;
insert into bench_raw.idempotency_key (scope, key, request_hash)
values ('public:reports', :client_id || '-' || :k, sha256((:client_id || '-' || :k)::bytea))
on conflict do nothing;
with saved as (
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
      from bench_raw.text t where t.n = :t
    returning id),
status as (
    insert into bench_raw.report_status (report_id, status, at) select id, 'RECEIVED', now() from saved)
insert into bench_raw.reporter_identity (report_id, sealed)
select id, null::bytea from saved where null::bytea is not null;
update bench_raw.idempotency_key
   set response_status = 201, location = '/api/v1/reports/' || gen_random_uuid(),
       response_body = repeat('x', 520)
 where scope = 'public:reports' and key = :client_id || '-' || :k;
commit;
