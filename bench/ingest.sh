#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2154 # lib.sh and ingest/common.sh set variables by name
# Durable report ingest over HTTP (POST /api/v1/reports, each 201 committed in PostgreSQL)
# against pgbench inserting the equivalent rows on the same server, in the same run (issue 3).
#
#   bench/ingest.sh             # from the repository root; 10-25 min per run on 2 CPUs, most of
#                               # it waiting for the background processing to catch up
#
# One temp database on the external PostgreSQL (default 127.0.0.1:5432, user postgres), the jar
# in the production profile against it, the per-address rate limit on public intake raised out
# of the way (all load comes from 127.0.0.1). For each concurrency in CONCURRENCY:
#   http        closed loop, bench/IngestLoad.java: N workers, each posting an anonymous report
#               (random village of East Java, category and text; a unique Idempotency-Key) as
#               soon as the previous one was answered; WARMUP s unmeasured, then DURATION s
#   pgbench-row pgbench -c N -j N -T PG_DURATION (fewer clients if the shared server has not N
#               connections free; runs.csv says so): one report row per transaction, the
#               application's INSERT into copies of its tables (bench/ingest/raw-row.sql)
#   pgbench-tx  the application's whole intake transaction in SQL: idempotency claim, report
#               and status insert, stored answer (bench/ingest/raw-app-tx.sql)
# Before each phase it waits until the application's background processing (duplicate
# detection, events) has caught up, so that no phase pays for the previous one; the HTTP phase
# does pay for the processing of its own reports, as in production. Then open loop at each rate
# in RATES (reports/s, latency from the intended send time). The measured phases hold the
# machine's exclusive benchmark lock (flock -x /tmp/pantau-heavy.lock): the closed-loop sweep
# (~4.5 min), the open-loop runs and the profile run each take it once.
#
# Environment: RUNS (1), CONCURRENCY ("1 4 16 64"), RATES ("500 1000"), WARMUP (5), DURATION (20),
# PG_DURATION (15), PROFILE (1: a further c=16 run under JFR, hot methods in profile.txt, then
# the processing of the backlog it left, also under JFR: profile-processing.txt),
# APP_WARMUP (40: unmeasured seconds at c=4 before the first phase), PGHOST/PGPORT/PGUSER/PGPASSWORD,
# PORT_BASE (18080), JAVA_OPTS, REBUILD=1, BENCH_RESULTS.

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=ingest/common.sh
source "$BENCH_DIR/ingest/common.sh"

RUNS=${RUNS:-1}
read -r -a CONCURRENCY <<<"${CONCURRENCY:-1 4 16 64}"
read -r -a RATES <<<"${RATES:-500 1000}"
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-20}
PG_DURATION=${PG_DURATION:-15}
PROFILE=${PROFILE:-1}

ingest_preflight
results_dir OUT ingest
CSV="$OUT/runs.csv"
echo "run,kind,level,seconds,ok,per_s,p50_ms,p90_ms,p99_ms,max_ms,errors,error_kinds,cpu_app_s,cpu_client_s,cpu_pg_s,cpu_pg_other_db_s,cpu_other_s,busy_pct,unprocessed_after,catch_up_s" >"$CSV"
work=
new_temp_dir work
PORT=$(free_port "${PORT_BASE:-18080}")
URL="http://127.0.0.1:$PORT"
mkdir -p "$work/loadgen"
"$JAVA_HOME/bin/javac" -d "$work/loadgen" "$LOADGEN" || die "cannot compile $LOADGEN"
log "results in $OUT"

# measure_http RUN KIND LEVEL GENERATOR-ARGS...: one load phase (under the lock), a line in runs.csv
measure_http() {
    local run=$1 kind=$2 level=$3 line unprocessed catch_up seconds
    shift 3
    line=$(heavy "$JAVA" -cp "$work/loadgen" IngestLoad "$@" url="$URL" regions="$work/regions.txt" app-pid="$APP" \
        db="$DB" 2>>"$OUT/loadgen.err") || die "the load generator failed (see $OUT/loadgen.err)"
    unprocessed=$(psql -XAtq -d "$DB" -c "select count(*) from report where processed_at is null")
    catch_up=$(wait_processed "$DB")
    echo "run=$run kind=$kind $line" >>"$OUT/loadgen.out"
    f() { field "$line" "$1"; }
    seconds=$(awk -v d="$(f duration_s)" -v r="$(f drain_s)" 'BEGIN { print d + (r == "" ? 0 : r) }')
    echo "$run,$kind,$level,$seconds,$(f ok),$(f rps),$(f p50_ms),$(f p90_ms),$(f p99_ms),$(f max_ms),$(f errors),$(f error_kinds),$(f cpu_app_s),$(f cpu_gen_s),$(f cpu_pg_s),$(f cpu_pg_other_s),$(f cpu_other_s),$(f busy_pct),$unprocessed,$catch_up" >>"$CSV"
    log "$kind $level: $(f rps)/s p50 $(f p50_ms) ms p99 $(f p99_ms) ms errors $(f errors) (CPU s: app $(f cpu_app_s), generator $(f cpu_gen_s), postgres $(f cpu_pg_s), other databases $(f cpu_pg_other_s), other $(f cpu_other_s); machine $(f busy_pct)% busy; $unprocessed unprocessed after, caught up in ${catch_up} s)"
}

# run_pgbench N SCRIPT PREFIX: pgbench -c N -j N (called under the lock); CPU snapshots around it
# and pgbench's own CPU time (bash's time) into PREFIX.cpu
run_pgbench() {
    local n=$1 script=$2 prefix=$3 before after clients free TIMEFORMAT='%U %S'
    # the server is shared (max_connections 100 here): close the application's idle connections
    # (its pool keeps none idle: minimum-idle=0) and run with fewer clients if N do not fit
    psql -XAtq -d "$DB" -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database()
        and pid <> pg_backend_pid() and state = 'idle' and application_name <> 'pgbench'" >/dev/null
    free=$(psql -XAtq -d "$DB" -c "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
        - (select count(*) from pg_stat_activity where backend_type = 'client backend') - 5")
    clients=$((n < free ? n : free))
    echo "$clients" >"$prefix.clients"
    ((clients < n)) && log "only $clients connections free on the server: pgbench runs with -c $clients instead of $n"
    before=$(cpu_snapshot "$APP" "$DB")
    { time (cd "$OUT" && pgbench -n -c "$clients" -j "$clients" -T "$PG_DURATION" -P 5 -D villages="$VILLAGES" -f "$script" \
        -l --log-prefix="$prefix" "$DB" >"$prefix.out" 2>&1); } 2>"$prefix.time" || return 1
    # pgbench's backends exit after it: wait until the postmaster has reaped them (their CPU time
    # is then in its cutime), or they would count as "other"
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(psql -XAtq -d "$DB" -c "select count(*) from pg_stat_activity where application_name = 'pgbench'") == 0 ]] && break
        sleep 0.05
    done
    sleep 0.3
    after=$(cpu_snapshot "$APP" "$DB")
    cpu_delta "$before" "$after" "$(awk '{ print $1 + $2 }' "$prefix.time")" >"$prefix.cpu"
}

# measure_pgbench RUN KIND N SCRIPT: pgbench under the lock, per-transaction log for the latency
# percentiles
measure_pgbench() {
    local run=$1 kind=$2 n=$3 script=$4 prefix tps ok failed pcts app_s pg_s pg_other_s other_s busy clients
    prefix="$OUT/pgbench-$run-$kind-$n"
    with_lock run_pgbench "$n" "$script" "$prefix" || { cat "$prefix.out" >&2; die "pgbench failed"; }
    tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$prefix.out" | head -1)
    ok=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$prefix.out")
    failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$prefix.out")
    # per-transaction log lines: client_id transaction_no latency_us script_no time_epoch time_us
    pcts=$(cat "$prefix".[0-9]* | awk '{ print $3 }' | sort -n | awk '
        { v[NR] = $1 } END {
            q(0.5); printf " "; q(0.9); printf " "; q(0.99); printf " "; q(1.0); printf "\n" }
        function q(p,  i) { i = int(p * NR + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i] / 1000 }')
    rm -f "$prefix".[0-9]*
    read -r p50 p90 p99 max <<<"$pcts"
    read -r app_s pg_s pg_other_s other_s busy <"$prefix.cpu"
    client_s=$(awk '{ printf "%.1f", $1 + $2 }' "$prefix.time")
    clients=$(cat "$prefix.clients")
    echo "$run,$kind,$n,$PG_DURATION,$ok,$(printf '%.1f' "$tps"),$p50,$p90,$p99,$max,${failed:-0},$([[ $clients == "$n" ]] && echo - || echo "clients=$clients"),$app_s,$client_s,$pg_s,$pg_other_s,$other_s,$busy,-,-" >>"$CSV"
    log "$kind $n: $(printf '%.0f' "$tps") tps p50 $p50 ms p99 $p99 ms (CPU s: app $app_s, pgbench $client_s, postgres $pg_s, other databases $pg_other_s, other $other_s; machine ${busy}% busy)"
}

# sample_pg_activity SECONDS FILE: what the benchmark database's backends are doing, sampled
# every 20 ms from pg_stat_activity (one psql session; PostgreSQL's side of the profile)
sample_pg_activity() {
    local n=$(($1 * 50))
    {
        echo "\\pset format unaligned"
        echo "\\pset tuples_only on"
        for ((i = 0; i < n; i++)); do
            echo "select coalesce(nullif(wait_event_type || ':' || wait_event, ':'), 'CPU') || ' | ' || regexp_replace(left(query, 150), '\s+', ' ', 'g')
                    from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid();"
            echo "select pg_sleep(0.02);"
        done
    } | psql -XAtq -d "$DB" 2>/dev/null | grep -v '^$' | sort | uniq -c | sort -rn | head -25 >"$2" || true
}

# profile_run N: a closed-loop run at concurrency N under JFR, with PostgreSQL's active queries
# sampled alongside (called under the lock)
profile_run() {
    local sampler
    "$JCMD" "$APP" JFR.configure stackdepth=512 >/dev/null 2>&1 || true
    "$JCMD" "$APP" JFR.start name=ingest settings=profile filename="$OUT/profile.jfr" >/dev/null
    sample_pg_activity "$((DURATION - 2))" "$OUT/profile-pg.txt" &
    sampler=$!
    "$JAVA" -cp "$work/loadgen" IngestLoad closed concurrency="$1" warmup=0 duration="$DURATION" url="$URL" \
        regions="$work/regions.txt" app-pid="$APP" db="$DB" >"$OUT/profile-loadgen.out" 2>>"$OUT/loadgen.err"
    "$JCMD" "$APP" JFR.stop name=ingest >/dev/null
    wait "$sampler" || true
    # the backlog that run left, processed alone: where the processing after intake spends its time
    "$JCMD" "$APP" JFR.start name=processing settings=profile filename="$OUT/profile-processing.jfr" >/dev/null
    sample_pg_activity 30 "$OUT/profile-processing-pg.txt" &
    sampler=$!
    wait_processed "$DB" >"$OUT/profile-processing-catchup-s.txt"
    "$JCMD" "$APP" JFR.stop name=processing >/dev/null
    wait "$sampler" || true
}

# closed_sweep RUN: the warm-up, then each concurrency: HTTP, pgbench-row, pgbench-tx (under the
# lock: ~4.5 min with the defaults; one lock for the sweep rather than one per phase, so that
# other benchmarks waiting for the lock do not stretch the sweep over half an hour)
closed_sweep() {
    local run=$1 n
    # a first unmeasured stretch of load: the JIT compiles the request path before any phase counts
    log "warm-up: c=4 for ${APP_WARMUP:-40} s (not counted)"
    "$JAVA" -cp "$work/loadgen" IngestLoad closed url="$URL" regions="$work/regions.txt" concurrency=4 warmup=0 \
        duration="${APP_WARMUP:-40}" >>"$OUT/loadgen.out" 2>>"$OUT/loadgen.err"
    wait_processed "$DB" >/dev/null
    for n in "${CONCURRENCY[@]}"; do
        measure_http "$run" http "$n" closed concurrency="$n" warmup="$WARMUP" duration="$DURATION"
        measure_pgbench "$run" pgbench-row "$n" "$BENCH_DIR/ingest/raw-row.sql"
        measure_pgbench "$run" pgbench-tx "$n" "$BENCH_DIR/ingest/raw-app-tx.sql"
    done
}

# open_sweep RUN: each rate of RATES (under the lock)
open_sweep() {
    local run=$1 rate
    for rate in "${RATES[@]}"; do
        measure_http "$run" open "$rate" open rate="$rate" warmup="$WARMUP" duration="$DURATION"
    done
}

for ((run = 1; run <= RUNS; run++)); do
    new_database DB
    evidence="$work/evidence-$run"
    mkdir -p "$evidence"
    log "run $run: database $DB, starting the application on port $PORT"
    # minimum-idle=0: the pool opens connections as load needs them and keeps them for 10 minutes
    # (the default keeps all 20 open from the start); lets the pgbench phases close the idle ones
    start_app APP "$DB" "$PORT" "$OUT/app-$run.log" "$evidence" -Dspring.datasource.hikari.minimum-idle=0
    region_list "$DB" "$work/regions.txt"
    psql -XAtq -v ON_ERROR_STOP=1 -d "$DB" -f "$BENCH_DIR/ingest/raw-schema.sql" >"$OUT/raw-schema-$run.out"
    VILLAGES=$(tail -1 "$OUT/raw-schema-$run.out")
    [[ "$VILLAGES" =~ ^[0-9]+$ ]] || die "bench/ingest/raw-schema.sql failed: $(cat "$OUT/raw-schema-$run.out")"
    with_lock closed_sweep "$run" || die "the closed-loop sweep failed"
    with_lock open_sweep "$run" || die "the open-loop runs failed"
    if [[ "$PROFILE" == 1 && "$run" == 1 ]]; then
        log "profile: c=16 for ${DURATION} s under JFR (not counted in the tables)"
        with_lock profile_run 16
        "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/profile.jfr" >"$OUT/profile-hot-methods.txt" 2>&1 || true
        "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 300 "$OUT/profile.jfr" \
            | awk -f "$BENCH_DIR/ingest/profile-layers.awk" >"$OUT/profile.txt"
        "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/profile-processing.jfr" >"$OUT/profile-processing-hot-methods.txt" 2>&1 || true
        "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 300 "$OUT/profile-processing.jfr" \
            | awk -f "$BENCH_DIR/ingest/profile-layers.awk" >"$OUT/profile-processing.txt"
    fi
    psql -XAtq -d "$DB" -c "select 'reports in the database: ' || count(*) from report" >>"$OUT/summary-counts.txt"
    stop_group "$APP"
    dropdb "$DB"
    forget CLEANUP_DBS "$DB"
done

# ---------------------------------------------------------------- summary

# med KIND LEVEL COLUMN: the median of a runs.csv column over the runs
med() {
    local values
    values=$(awk -F, -v k="$1" -v l="$2" -v c="$3" 'NR > 1 && $2 == k && $3 == l { print $c }' "$CSV")
    # shellcheck disable=SC2086
    read -r m _ _ < <(stats $values)
    echo "$m"
}

{
    echo
    echo "Pantau report ingest over HTTP against pgbench (bench/ingest.sh; $RUNS run(s), medians)"
    machine_summary
    echo "PostgreSQL $(psql -XAtq -d postgres -c 'show server_version') at $PGHOST:$PGPORT; $(psql -XAtq -d postgres -c "select string_agg(name || '=' || current_setting(name), ' ' order by name)
        from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'wal_sync_method', 'max_connections')")"
    echo "load generator, application and PostgreSQL share the $(nproc) CPUs; closed loop ${WARMUP} s warm-up + ${DURATION} s, pgbench ${PG_DURATION} s"
    echo
    printf '| %5s | %9s | %7s | %7s | %6s | %9s | %7s | %7s | %9s | %7s | %7s | %10s | %9s |\n' \
        conc 'app rep/s' 'app p50' 'app p99' errors 'row tps' 'row p50' 'row p99' 'tx tps' 'tx p50' 'tx p99' 'app/row' 'app/tx'
    printf '|%s|\n' '------:|----------:|--------:|--------:|-------:|----------:|--------:|--------:|----------:|--------:|--------:|-----------:|----------:'
    for n in "${CONCURRENCY[@]}"; do
        app=$(med http "$n" 6)
        row_tps=$(med pgbench-row "$n" 6)
        tx_tps=$(med pgbench-tx "$n" 6)
        printf '| %5s | %9s | %7s | %7s | %6s | %9s | %7s | %7s | %9s | %7s | %7s | %10s | %9s |\n' "$n" "$app" \
            "$(med http "$n" 7)" "$(med http "$n" 9)" "$(med http "$n" 11)" "$row_tps" "$(med pgbench-row "$n" 7)" \
            "$(med pgbench-row "$n" 9)" "$tx_tps" "$(med pgbench-tx "$n" 7)" "$(med pgbench-tx "$n" 9)" \
            "$(awk -v a="$app" -v b="$row_tps" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')" \
            "$(awk -v a="$app" -v b="$tx_tps" 'BEGIN { printf (b > 0 ? "%.2f" : "-"), a / b }')"
    done
    awk -F, 'NR > 1 && $12 ~ /^clients=/ { sub(/clients=/, "", $12); printf "(run %s: %s at c=%s ran with %s clients: no more connections were free on the shared server)\n", $1, $2, $3, $12 }' "$CSV"
    echo
    printf '| %12s | %9s | %7s | %7s | %7s | %6s |\n' 'open rate/s' 'got rep/s' 'p50' 'p90' 'p99' errors
    printf '|%s|\n' '-------------:|----------:|--------:|--------:|--------:|-------:'
    for rate in "${RATES[@]}"; do
        printf '| %12s | %9s | %7s | %7s | %7s | %6s |\n' "$rate" "$(med open "$rate" 6)" "$(med open "$rate" 7)" \
            "$(med open "$rate" 8)" "$(med open "$rate" 9)" "$(med open "$rate" 11)"
    done
    echo
    echo "CPU seconds in each measured window (median run): application JVM, client (load generator or pgbench),"
    echo "PostgreSQL for the benchmark database (its backends, the server's processes, exited backends), PostgreSQL"
    echo "backends of other databases (someone else's load), other (rest of the machine's busy time); machine busy %:"
    for kind in http pgbench-row pgbench-tx open; do
        for level in $(awk -F, -v k="$kind" 'NR > 1 && $2 == k { print $3 }' "$CSV" | sort -un); do
            printf '  %-11s %5s: app %5s  client %5s  postgres %5s  other dbs %4s  other %5s  busy %3s%%  over %s s%s\n' \
                "$kind" "$level" "$(med "$kind" "$level" 13)" "$(med "$kind" "$level" 14)" "$(med "$kind" "$level" 15)" \
                "$(med "$kind" "$level" 16)" "$(med "$kind" "$level" 17)" "$(med "$kind" "$level" 18)" "$(med "$kind" "$level" 4)" \
                "$([[ $kind == http || $kind == open ]] && echo "; unprocessed after $(med "$kind" "$level" 19), caught up in $(med "$kind" "$level" 20) s")"
        done
    done
    if [[ -f "$OUT/profile.txt" ]]; then
        echo
        echo "JFR profile of the application during a further c=16 run ($(cat "$OUT/profile-loadgen.out")):"
        sed 's/^/  /' "$OUT/profile.txt"
        echo
        echo "PostgreSQL during that run: active backends of the benchmark database, sampled every 20 ms"
        echo "(count, wait event or CPU, query):"
        sed 's/^/  /' "$OUT/profile-pg.txt"
        echo
        echo "JFR profile of the processing of the backlog that run left, alone (caught up in $(cat "$OUT/profile-processing-catchup-s.txt") s):"
        sed 's/^/  /' "$OUT/profile-processing.txt"
        echo
        echo "PostgreSQL during its first 30 s (count, wait event or CPU, query):"
        sed 's/^/  /' "$OUT/profile-processing-pg.txt"
    fi
    echo
    echo "raw figures and logs: $OUT"
} | tee "$OUT/summary.txt"
