#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2154 # lib.sh and ingest/common.sh set variables by name
# Crash test of durable report ingest (issue 3): kill -9 the application in the middle of a load
# run, restart it on the same database, and check that every report that got a 201 is stored
# and that retrying a request with its Idempotency-Key creates no duplicate.
#
#   bench/ingest-crash.sh       # from the repository root, ~1 min per run; exits 1 on any FAIL
#
# Each run: a fresh temp database on the external PostgreSQL, the jar in the production profile
# (per-address rate limit raised, as in bench/ingest.sh); bench/IngestLoad.java in crash mode
# posts reports at CONCURRENCY with a unique Idempotency-Key each, logging every request (key,
# body) before it is sent and its answer (status, id, tracking code) after; after KILL_AFTER s
# the JVM gets SIGKILL (its workers stop at their first connection error). While the application
# is down, the acknowledged ids are loaded into the database and compared with the report table.
# Then the application is restarted on the same database, and IngestLoad replays, with the same
# key and body, every request that got no answer (in flight at the kill) and SAMPLE of the
# acknowledged ones; then the unanswered ones once more. Results: PASS/FAIL lines, runs.csv.
#
# Environment: RUNS (3), CONCURRENCY (16), KILL_AFTER (8), SAMPLE (200), PGHOST/PGPORT/PGUSER/
# PGPASSWORD, PORT_BASE (18080), JAVA_OPTS, REBUILD=1, BENCH_RESULTS (bench/results).

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=ingest/common.sh
source "$BENCH_DIR/ingest/common.sh"

RUNS=${RUNS:-3}
CONCURRENCY=${CONCURRENCY:-16}
KILL_AFTER=${KILL_AFTER:-8}
SAMPLE=${SAMPLE:-200}

ingest_preflight
results_dir OUT ingest-crash
CSV="$OUT/runs.csv"
echo "run,sent,acknowledged,unanswered,other_status,acked_stored,acked_missing,stored_unacked,rows_at_kill,restart_ms,replayed_acked,replayed_acked_same_id,inflight_replayed,inflight_created,rows_before_retry,rows_after_retry,rows_after_second_retry,keys_without_report,reports_without_key,unprocessed_at_kill,verdict" >"$CSV"
work=
new_temp_dir work
PORT=$(free_port "${PORT_BASE:-18080}")
URL="http://127.0.0.1:$PORT"
mkdir -p "$work/loadgen"
"$JAVA_HOME/bin/javac" -d "$work/loadgen" "$LOADGEN" || die "cannot compile $LOADGEN"
log "results in $OUT"
FAILS=0

q() { psql -XAtq -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

say() { echo "$*" | tee -a "$OUT/verdicts.txt"; }

verdict() { # verdict OK-CONDITION MESSAGE: prints PASS or FAIL and the message
    if [[ "$1" == 1 ]]; then
        say "PASS $2"
    else
        say "FAIL $2"
        FAILS=$((FAILS + 1))
        RUN_FAILS=$((RUN_FAILS + 1))
    fi
}

# crash_load RUN: the load and the kill (called under the lock)
crash_load() {
    local run=$1 gen
    set -m
    "$JAVA" -cp "$work/loadgen" IngestLoad crash url="$URL" regions="$work/regions.txt" concurrency="$CONCURRENCY" \
        duration=$((KILL_AFTER + 60)) log="$OUT/requests-$run.tsv" app-pid="$APP" \
        >"$OUT/crash-loadgen-$run.out" 2>>"$OUT/loadgen.err" &
    gen=$!
    set +m
    CLEANUP_PIDS+=("$gen")
    sleep "$KILL_AFTER"
    log "run $run: kill -9 $APP after ${KILL_AFTER} s of load ($(grep -c '^DONE' "$OUT/requests-$run.tsv" || true) answers so far)"
    kill -KILL "$APP"
    wait "$APP" 2>/dev/null || true
    wait "$gen" || { forget CLEANUP_PIDS "$gen"; return 1; }
    forget CLEANUP_PIDS "$gen"
}

for ((run = 1; run <= RUNS; run++)); do
    RUN_FAILS=0
    new_database DB
    evidence="$work/evidence-$run"
    mkdir -p "$evidence"
    log "run $run: database $DB, starting the application on port $PORT"
    start_app APP "$DB" "$PORT" "$OUT/app-$run-before.log" "$evidence"
    region_list "$DB" "$work/regions.txt"

    # a correctness test, not a measurement: the shared lock, as test runs take it (it waits while
    # someone measures, and runs beside builds and tests)
    LOCK_MODE=-s with_lock crash_load "$run" || die "the load generator failed (see $OUT/loadgen.err)"
    wait "$APP" 2>/dev/null || true # reap the killed JVM (it was started by this shell)
    forget CLEANUP_PIDS "$APP"
    kill -0 "$APP" 2>/dev/null && die "the application survived kill -9"
    requests="$OUT/requests-$run.tsv"

    # ---- while the application is down: what got a 201 against what is stored
    awk -F'\t' '$1 == "DONE" && $3 == "201" { print $2 "\t" $4 "\t" $5 }' "$requests" >"$work/acked.tsv"
    sent=$(grep -c '^SENT' "$requests" || true)
    acked=$(wc -l <"$work/acked.tsv")
    unanswered=$(awk -F'\t' '$1 == "SENT" { s[$2] = 1 } $1 == "DONE" && $3 == "201" { delete s[$2] } END { print length(s) }' "$requests")
    other=$(awk -F'\t' '$1 == "DONE" && $3 != "201" && $3 != "ERR"' "$requests" | wc -l)
    q "create table bench_acked (key text primary key, id uuid not null, tracking_code text not null)"
    q "\\copy bench_acked from '$work/acked.tsv'"
    stored=$(q "select count(*) from bench_acked a join report r on r.id = a.id and r.tracking_code = a.tracking_code")
    keyed=$(q "select count(*) from bench_acked a join idempotency_key k on k.scope = 'public:reports' and k.key = a.key
               and k.response_status = 201 and k.location = '/api/v1/reports/' || a.id")
    rows_at_kill=$(q "select count(*) from report")
    unprocessed=$(q "select count(*) from report where processed_at is null")
    unacked=$((rows_at_kill - stored))
    say "run $run: $sent requests sent, $acked answered 201, $unanswered without a 201 (in flight at the kill: connection reset), $other other answers"
        verdict "$([[ "$acked" -gt 0 && "$stored" == "$acked" ]] && echo 1)" \
            "every 201 is stored: $stored of $acked acknowledged reports found in the report table (same id and tracking code)"
        verdict "$([[ "$keyed" == "$acked" ]] && echo 1)" \
            "every 201's Idempotency-Key is stored with its answer: $keyed of $acked"
    say "INFO $rows_at_kill reports in the database at the kill: $unacked committed without their 201 reaching the client (in flight); $unprocessed not yet processed in the background"

    # ---- restart on the same database
    t0=$(now_ms)
    start_app APP "$DB" "$PORT" "$OUT/app-$run-after.log" "$evidence"
    restart_ms=$(($(now_ms) - t0))
    wait_processed "$DB" >/dev/null
    left=$(q "select count(*) from report where processed_at is null")

    rows_before=$(q "select count(*) from report")
    "$JAVA" -cp "$work/loadgen" IngestLoad replay url="$URL" log="$requests" sample="$SAMPLE" out="$OUT/replay-$run.tsv" \
        2>>"$OUT/loadgen.err" || die "the replay failed (see $OUT/loadgen.err)"
    rows_after=$(q "select count(*) from report")
    # key, first status, first id, new status, new id, Idempotent-Replayed
    read -r r_acked r_acked_same r_inflight_replayed r_inflight_created r_bad < <(awk -F'\t' '
        $2 == "201" { a++; if ($4 == 201 && $5 == $3 && $6 == "true") s++; else bad++ }
        $2 != "201" { if ($4 == 201 && $6 == "true") ir++; else if ($4 == 201) ic++; else bad++ }
        END { print a + 0, s + 0, ir + 0, ic + 0, bad + 0 }' "$OUT/replay-$run.tsv")
    # the in-flight requests once more: all must now be replays of the answer they got just now
    "$JAVA" -cp "$work/loadgen" IngestLoad replay url="$URL" log="$requests" sample=0 out="$OUT/replay-$run-second.tsv" \
        2>>"$OUT/loadgen.err" || die "the second replay failed (see $OUT/loadgen.err)"
    second_bad=$(awk -F'\t' 'NR == FNR { id[$1] = $5; next } !($4 == 201 && $6 == "true" && $5 == id[$1])' \
        "$OUT/replay-$run.tsv" "$OUT/replay-$run-second.tsv" | wc -l)
    rows_second=$(q "select count(*) from report")
    keys_without=$(q "select count(*) from idempotency_key k where k.scope = 'public:reports'
                      and not exists (select 1 from report r where k.location = '/api/v1/reports/' || r.id)")
    reports_without=$(q "select count(*) from report r where not exists
                         (select 1 from idempotency_key k where k.location = '/api/v1/reports/' || r.id)")
    say "INFO restarted on the same database in ${restart_ms} ms; background processing then caught up ($left unprocessed left)"
        verdict "$([[ "$r_acked" -gt 0 && "$r_acked_same" == "$r_acked" && "$r_bad" == 0 ]] && echo 1)" \
            "retrying $r_acked acknowledged requests with the same key and body: $r_acked_same answered 201 Idempotent-Replayed with the same id"
        verdict "$([[ "$r_inflight_replayed" == "$unacked" && $((r_inflight_replayed + r_inflight_created)) == "$unanswered" ]] && echo 1)" \
            "retrying the $unanswered in-flight requests: $r_inflight_replayed replayed (committed before the kill: as many as the $unacked stored without a 201), $r_inflight_created created now (rolled back by the kill)"
        verdict "$([[ $((rows_after - rows_before)) == "$r_inflight_created" ]] && echo 1)" \
            "the retries added exactly the $r_inflight_created reports that had not been stored: $rows_before -> $rows_after rows"
        verdict "$([[ "$second_bad" == 0 && "$rows_second" == "$rows_after" ]] && echo 1)" \
            "a second retry of the in-flight requests only replays (same ids): $rows_after -> $rows_second rows"
        verdict "$([[ "$keys_without" == 0 && "$reports_without" == 0 ]] && echo 1)" \
            "one report per key: $keys_without keys without a report, $reports_without reports without a key ($rows_second reports)"
    echo "$run,$sent,$acked,$unanswered,$other,$stored,$((acked - stored)),$unacked,$rows_at_kill,$restart_ms,$r_acked,$r_acked_same,$r_inflight_replayed,$r_inflight_created,$rows_before,$rows_after,$rows_second,$keys_without,$reports_without,$unprocessed,$([[ $RUN_FAILS == 0 ]] && echo PASS || echo FAIL)" >>"$CSV"

    stop_group "$APP"
    dropdb "$DB"
    forget CLEANUP_DBS "$DB"
done

{
    echo
    echo "Pantau ingest crash test (bench/ingest-crash.sh): $RUNS run(s), c=$CONCURRENCY, kill -9 after ${KILL_AFTER} s of load"
    machine_summary
    echo
    echo "| run | sent | 201s | 201s stored | unanswered (in flight) | of them stored | retried 201s, same id | in-flight retried: replayed / created | rows after 2nd retry = keys | verdict |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    awk -F, 'NR > 1 { printf "| %s | %s | %s | %s | %s | %s | %s of %s | %s / %s | %s | %s |\n", $1, $2, $3, $6, $4, $8, $12, $11, $13, $14, $17, $21 }' "$CSV"
    echo
    echo "$(grep -c '^PASS' "$OUT/verdicts.txt") PASS, $(grep -c '^FAIL' "$OUT/verdicts.txt" || true) FAIL"
    echo "raw figures and logs: $OUT"
} | tee "$OUT/summary.txt"
[[ "$FAILS" == 0 ]] || exit 1
