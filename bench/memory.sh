#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2046,SC2154 # rows split numbers on purpose; lib.sh sets variables by name
# Memory of the jar on the embedded database (dev profile), after a start with a kept data dir.
#
#   bench/memory.sh                  # from the repository root
#
# One unmeasured start fills a temp data directory; then each run starts the jar on it and takes
# three snapshots:
#   ready  - as soon as GET /actuator/health/readiness answers 200 (the boundary warm-up thread
#            has just been started and is usually still parsing the GeoJSON)
#   loaded - after GET /api/v1/regions/locate?lat=-8.17&lon=113.70 answered and the log says
#            "Loaded N region outlines": the boundaries are in memory
#   loaded, after full GC - the same after `jcmd <pid> GC.run`: the live heap
# For each: the JVM's VmRSS (/proc/<pid>/status), the heap used and committed
# (`jcmd <pid> GC.heap_info`), Metaspace used (`jstat -gc <pid>`); and, separately, the embedded PostgreSQL: the postmaster (its pid
# is in postmaster.pid; pg_ctl detaches it, so it is not a child of the JVM) and its children,
# their number, the sum of their RSS (counts shared buffers and libraries once per process) and
# the sum of their PSS (shared pages divided among the processes sharing them: the real total).
#
# Environment: RUNS (3), PORT_BASE (18080), JAVA_OPTS (none: the JVM's default heap sizing),
# REBUILD=1, BENCH_RESULTS (bench/results). Linux only (/proc).

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-3}
[[ -r /proc/self/status ]] || die "needs Linux /proc"
pick_java
ensure_jar
results_dir OUT memory
PORT=$(free_port "${PORT_BASE:-18080}")
BASE="http://127.0.0.1:$PORT"
CSV="$OUT/runs.csv"
echo "run,phase,jvm_rss_kb,heap_used_kb,heap_committed_kb,metaspace_used_kb,outlines_loaded,pg_procs,pg_rss_kb,pg_pss_kb,loadavg1" >"$CSV"

# heap_info PID: "used committed" in kB, from GC.heap_info (G1, Parallel, Serial, ZGC, Shenandoah)
heap_info() {
    "$JCMD" "$1" GC.heap_info 2>/dev/null | awk '
        function kb(v) { gsub(/,/, "", v); u = substr(v, length(v)); n = v + 0
                         return u == "G" ? n * 1048576 : u == "M" ? n * 1024 : u == "K" ? n : n / 1024 }
        /Metaspace|class space/ { next }
        / used [0-9]/ {
            c = ""
            for (i = 1; i <= NF; i++) {
                if ($i == "used") used += kb($(i + 1))
                if ($i == "committed") c = $(i + 1)
                if (c == "" && ($i == "total" || $i == "capacity") && $(i + 1) ~ /^[0-9]/) c = $(i + 1)
            }
            committed += kb(c)
        }
        END { printf "%d %d\n", used, committed }'
}

# metaspace_kb PID: Metaspace used (jstat -gc, column MU; JDK 25's GC.heap_info no longer shows it)
metaspace_kb() {
    "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null \
        | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "MU") c = i } NR == 2 && c { printf "%d\n", $c }'
}

# pg_memory PGDATA: "processes rss_kb pss_kb" of the postmaster and its children
pg_memory() {
    local pid children p rss=0 pss=0 n=0 r s
    pid=$(head -1 "$1/postmaster.pid")
    read -r -a children <<<"$(ps -o pid= --ppid "$pid" | tr '\n' ' ')"
    local procs=("$pid" "${children[@]}")
    for p in "${procs[@]}"; do
        [[ -r "/proc/$p/smaps_rollup" ]] || continue
        read -r r s < <(awk '/^Rss:/ { r = $2 } /^Pss:/ { s = $2 } END { print r + 0, s + 0 }' "/proc/$p/smaps_rollup")
        rss=$((rss + r))
        pss=$((pss + s))
        n=$((n + 1))
    done
    echo "$n $rss $pss"
}

# snapshot RUN PHASE PID LOGFILE PGDATA LOAD
snapshot() {
    local run=$1 phase=$2 pid=$3 logfile=$4 pgdata=$5 load=$6 outlines=no used committed meta rss
    grep -q 'region outlines in' "$logfile" && outlines=yes
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    read -r used committed < <(heap_info "$pid")
    meta=$(metaspace_kb "$pid")
    echo "$run,$phase,$rss,$used,$committed,$meta,$outlines,$(pg_memory "$pgdata" | tr ' ' ,),$load" >>"$CSV"
}

work=
new_temp_dir work
data="$work/data"
CLEANUP_PGDATA+=("$data/postgres")
log "results in $OUT; preparing the data directory (one unmeasured first start)"
start_group pid "$OUT/prepare.log" env PORT="$PORT" PANTAU_DATA_DIR="$data" \
    "$JAVA" "${JOPTS[@]}" -jar "$JAR" --spring.profiles.active=dev
wait_ready "$pid" "$BASE/actuator/health/readiness" || { tail -30 "$OUT/prepare.log" >&2; die "the first start failed"; }
stop_group "$pid"

for ((i = 1; i <= RUNS; i++)); do
    logfile="$OUT/run-$i.log"
    load=$(loadavg1)
    start_group pid "$logfile" env PORT="$PORT" PANTAU_DATA_DIR="$data" \
        "$JAVA" "${JOPTS[@]}" -jar "$JAR" --spring.profiles.active=dev
    wait_ready "$pid" "$BASE/actuator/health/readiness" || { tail -30 "$logfile" >&2; die "run $i failed (log: $logfile)"; }
    snapshot "$i" ready "$pid" "$logfile" "$data/postgres" "$load"
    curl -fsS -o "$OUT/locate-$i.json" "$BASE/api/v1/regions/locate?lat=-8.17&lon=113.70" || die "locate failed"
    wait_for_line "$logfile" 'region outlines in' || die "no 'Loaded N region outlines' line in $logfile"
    snapshot "$i" loaded "$pid" "$logfile" "$data/postgres" "$load"
    "$JCMD" "$pid" GC.run >/dev/null
    snapshot "$i" loaded-gc "$pid" "$logfile" "$data/postgres" "$load"
    stop_group "$pid"
    stop_orphan_postgres "$data/postgres"
    log "run $i: $(grep "^$i," "$CSV" | cut -d, -f2,3 | tr '\n' ' ')(phase,JVM RSS kB)"
done

# ---------------------------------------------------------------- summary

col() { awk -F, -v p="$1" -v c="$2" 'NR > 1 && $2 == p && $c != "" { print $c }' "$CSV"; }
mib() { awk '{ printf "%.0f\n", $1 / 1024 }'; }

{
    echo
    echo "Pantau memory after start, embedded PostgreSQL (dev profile), data dir kept"
    machine_summary
    echo "JVM options: ${JAVA_OPTS:-none}; $("$JAVA" "${JOPTS[@]}" -XX:+PrintFlagsFinal -version 2>/dev/null \
        | awk '$2 == "MaxHeapSize" { printf "max heap %.0f MiB", $4 / 1048576 } $2 ~ /^Use(G1|Serial|Parallel|Z|Shenandoah)GC$/ && $4 == "true" { printf ", %s", $2 }')"
    echo "boundaries already loaded at the 'ready' snapshot in $(col ready 7 | grep -c yes) of $RUNS runs"
    echo "load avg (1 min) before each run: $(awk -F, 'NR > 1 && $2 == "ready" { printf "%s ", $11 }' "$CSV")"
    echo
    table_header "what"
    for phase in ready loaded loaded-gc; do
        case $phase in
            ready) label="right after readiness" ;;
            loaded) label="boundaries loaded" ;;
            loaded-gc) label="boundaries loaded, after a full GC" ;;
        esac
        row "JVM RSS, $label" MiB $(col $phase 3 | mib)
        row "  heap used" MiB $(col $phase 4 | mib)
        row "  heap committed" MiB $(col $phase 5 | mib)
        row "  Metaspace used" MiB $(col $phase 6 | mib)
    done
    row "embedded PostgreSQL processes (postmaster + children)" "" $(col loaded 8)
    row "embedded PostgreSQL, sum of RSS (boundaries loaded)" MiB $(col loaded 9 | mib)
    row "embedded PostgreSQL, sum of PSS (boundaries loaded)" MiB $(col loaded 10 | mib)
    echo
    echo "raw figures and logs: $OUT"
} | tee "$OUT/summary.txt"
