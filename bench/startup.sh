#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2046,SC2154 # rows split numbers on purpose; lib.sh sets variables by name
# Cold start to ready of the production jar on the embedded database (dev profile).
#
#   bench/startup.sh                 # from the repository root
#
# Measures, from process launch to the first 200 of GET /actuator/health/readiness (polled every
# 50 ms, externally):
#   first  - empty data directory: initdb, Flyway migrations, the 91,599-region COPY
#   later  - the data directory of the last "first" run kept: server start and Flyway validation
#   fresh-binaries - (optional) first start on a machine that has never run Pantau: also unpacks
#            the embedded PostgreSQL binaries (a temp ot.epg.working-dir instead of /tmp/embedded-pg)
#   variants - (optional) the "later" start with other launch options, to show what start-up
#            costs come from: -XX:TieredStopAtLevel=1 (what spring-boot:run adds), the jar
#            extracted (java -Djarmode=tools -jar ... extract), extracted plus a JDK 25 AOT cache
#            (-XX:AOTCache, trained once with -Dspring.context.exit=onRefresh)
#   mvn    - (optional) `./mvnw spring-boot:run`, once with an empty and once with a kept data
#            directory: the newcomer's experience, Maven's own start-up included
#
# Environment: RUNS (5) runs of first/later, RUNS_FRESH_BINARIES (3, 0 skips), RUNS_VARIANTS (3, 0
# skips; the AOT-cache variants need JDK 25+ and are skipped on older JDKs), MVN_RUN (1, 0 skips),
# PORT_BASE (18080), JAVA_OPTS (none), REBUILD=1 rebuilds the jar, BENCH_RESULTS (bench/results).
# Each JVM is stopped with SIGTERM after it is ready; temp data directories are deleted on exit.
# Raw figures and logs stay in bench/results/startup-<time>/.

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
RUNS_FRESH_BINARIES=${RUNS_FRESH_BINARIES:-3}
RUNS_VARIANTS=${RUNS_VARIANTS:-3}
MVN_RUN=${MVN_RUN:-1}

pick_java
ensure_jar
results_dir OUT startup
PORT=$(free_port "${PORT_BASE:-18080}")
READY_URL="http://127.0.0.1:$PORT/actuator/health/readiness"
CSV="$OUT/runs.csv"
echo "kind,run,ready_ms,spring_started_s,embedded_pg_ms,regions_ms,stop_ms,loadavg1" >"$CSV"

# measure KIND RUN DATA_DIR CMD...: launch CMD with the data dir, time it to ready, stop it
measure() {
    local kind=$1 run=$2 data=$3
    shift 3
    local logfile="$OUT/$kind-$run.log" pid t0 ready stop load
    load=$(loadavg1)
    CLEANUP_PGDATA+=("$data/postgres")
    t0=$(now_ms)
    start_group pid "$logfile" env PORT="$PORT" PANTAU_DATA_DIR="$data" "$@"
    wait_ready "$pid" "$READY_URL" || { tail -30 "$logfile" >&2; die "$kind run $run failed (log: $logfile)"; }
    ready=$(($(now_ms) - t0))
    t0=$(now_ms)
    stop_group "$pid"
    stop=$(($(now_ms) - t0))
    stop_orphan_postgres "$data/postgres"
    printf '%s,%s,%s,%s,%s,%s,%s,%s\n' "$kind" "$run" "$ready" "$(spring_started_s "$logfile")" \
        "$(embedded_pg_ms "$logfile")" "$(regions_loaded_ms "$logfile")" "$stop" "$load" >>"$CSV"
    log "$kind #$run: ready in $ready ms (Spring: $(spring_started_s "$logfile") s, regions: $(regions_loaded_ms "$logfile") ms, load avg $load)"
}

jar_cmd=("$JAVA" "${JOPTS[@]}" -jar "$JAR" --spring.profiles.active=dev)

log "results in $OUT, port $PORT"
work=
new_temp_dir work

for ((i = 1; i <= RUNS; i++)); do
    rm -rf "$work/first"
    measure first "$i" "$work/first" "${jar_cmd[@]}"
done
for ((i = 1; i <= RUNS; i++)); do
    measure later "$i" "$work/first" "${jar_cmd[@]}"
done
if ((RUNS_VARIANTS > 0)); then
    extracted="$work/extracted/$(basename "$JAR")"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$work/extracted" >&2
    aot=0
    if ((JAVA_FEATURE >= 25)); then
        log "training the AOT cache (one start with -Dspring.context.exit=onRefresh)"
        start_group pid "$OUT/aot-training.log" env PORT="$PORT" PANTAU_DATA_DIR="$work/first" "$JAVA" "${JOPTS[@]}" \
            -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$extracted" --spring.profiles.active=dev
        wait "$pid" || true
        forget CLEANUP_PIDS "$pid"
        stop_orphan_postgres "$work/first/postgres"
        if [[ -f "$work/app.aot" ]]; then
            aot=1
        else
            log "no AOT cache was written (see $OUT/aot-training.log); skipping those variants"
        fi
    fi
    for ((i = 1; i <= RUNS_VARIANTS; i++)); do
        measure later-c1 "$i" "$work/first" "$JAVA" "${JOPTS[@]}" -XX:TieredStopAtLevel=1 -jar "$JAR" --spring.profiles.active=dev
        measure later-extracted "$i" "$work/first" "$JAVA" "${JOPTS[@]}" -jar "$extracted" --spring.profiles.active=dev
        if ((aot)); then
            measure later-extracted-aot "$i" "$work/first" "$JAVA" "${JOPTS[@]}" -XX:AOTCache="$work/app.aot" \
                -jar "$extracted" --spring.profiles.active=dev
            measure later-extracted-aot-c1 "$i" "$work/first" "$JAVA" "${JOPTS[@]}" -XX:AOTCache="$work/app.aot" \
                -XX:TieredStopAtLevel=1 -jar "$extracted" --spring.profiles.active=dev
        fi
    done
fi
for ((i = 1; i <= RUNS_FRESH_BINARIES; i++)); do
    rm -rf "$work/first" "$work/epg"
    mkdir -p "$work/epg"
    measure fresh-binaries "$i" "$work/first" "$JAVA" "${JOPTS[@]}" -Dot.epg.working-dir="$work/epg" \
        -jar "$JAR" --spring.profiles.active=dev
done
if [[ "$MVN_RUN" == 1 ]]; then
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    mvn_run=(bash -c 'cd "$1" && exec ./mvnw -B -q spring-boot:run' _ "$REPO_DIR")
    rm -rf "$work/first"
    # compile first (spring-boot:run runs test-compile) so that the timed runs measure Maven's
    # start-up, not a compilation
    (cd "$REPO_DIR" && ./mvnw -B -q test-compile) >&2
    measure mvn-first 1 "$work/first" "${mvn_run[@]}"
    measure mvn-later 1 "$work/first" "${mvn_run[@]}"
fi

# ---------------------------------------------------------------- summary

col() { awk -F, -v k="$1" -v c="$2" 'NR > 1 && $1 == k && $c != "" { print $c }' "$CSV"; }
to_s() { awk '{ printf "%.2f\n", $1 / 1000 }'; }

{
    echo
    echo "Pantau start-up to readiness, embedded PostgreSQL (dev profile)"
    machine_summary
    echo "load avg (1 min) before each run: $(awk -F, 'NR > 1 { printf "%s ", $8 }' "$CSV")"
    echo
    table_header "what"
    row "first start, empty data dir: launch -> ready" s $(col first 3 | to_s)
    row "  Spring 'Started PantauApplication in'" s $(col first 4)
    row "  embedded PostgreSQL initdb + start" ms $(col first 5)
    row "  'Loaded 91599 official regions in'" ms $(col first 6)
    row "later start, data dir kept: launch -> ready" s $(col later 3 | to_s)
    row "  Spring 'Started PantauApplication in'" s $(col later 4)
    row "  embedded PostgreSQL start" ms $(col later 5)
    row "graceful stop (SIGTERM -> exit), all runs" s $(col first 7 | to_s) $(col later 7 | to_s)
    if ((RUNS_VARIANTS > 0)); then
        row "later start, -XX:TieredStopAtLevel=1: -> ready" s $(col later-c1 3 | to_s)
        row "later start, extracted jar: -> ready" s $(col later-extracted 3 | to_s)
        if ((aot)); then
            row "later start, extracted + AOT cache: -> ready" s $(col later-extracted-aot 3 | to_s)
            row "  Spring 'Started PantauApplication in'" s $(col later-extracted-aot 4)
            row "later start, extracted + AOT cache + C1 only: -> ready" s $(col later-extracted-aot-c1 3 | to_s)
        fi
    fi
    if ((RUNS_FRESH_BINARIES > 0)); then
        row "first start incl. unpacking PG binaries: -> ready" s $(col fresh-binaries 3 | to_s)
        row "  embedded PostgreSQL unpack + initdb + start" ms $(col fresh-binaries 5)
    fi
    if [[ "$MVN_RUN" == 1 ]]; then
        row "./mvnw spring-boot:run, empty data dir: -> ready" s $(col mvn-first 3 | to_s)
        row "./mvnw spring-boot:run, data dir kept: -> ready" s $(col mvn-later 3 | to_s)
    fi
    echo
    echo "raw figures and logs: $OUT"
} | tee "$OUT/summary.txt"
