# shellcheck shell=bash disable=SC2034 # variables are for the scripts that source this
# Helpers shared by bench/ingest.sh and bench/ingest-crash.sh (sourced after bench/lib.sh).

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
HEAVY_LOCK=${HEAVY_LOCK:-/tmp/pantau-heavy.lock}
LOADGEN="$BENCH_DIR/IngestLoad.java"
# production needs a data key; a throwaway one for the benchmark database
BENCH_DATA_KEY=$(head -c 32 /dev/urandom | base64)
# Public report intake is limited per client address (pantau.rate-limit.reports: 30/min, burst
# 20); all benchmark traffic comes from 127.0.0.1, so the limit is raised out of the way.
RATE_LIMIT_ARGS=(--pantau.rate-limit.reports.per-minute=1000000000 --pantau.rate-limit.reports.burst=1000000000)

ingest_preflight() {
    local tool
    for tool in psql createdb dropdb pgbench curl flock; do
        command -v "$tool" >/dev/null || die "$tool is not on the PATH"
    done
    psql -XAtq -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
    pick_java
    if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
        flock -s "$HEAVY_LOCK" true # wait for nobody's measurement; the build itself is in ensure_jar
    fi
    ensure_jar
}

# heavy CMD...: runs CMD holding the machine's exclusive benchmark lock (no test run competes);
# inside with_lock it just runs CMD (a second flock on the file would wait for our own lock)
heavy() {
    if [[ "${LOCK_HELD:-0}" == 1 ]]; then "$@"; else flock -x "$HEAVY_LOCK" "$@"; fi
}

new_database() { # new_database VAR: a fresh database on the external server, dropped on exit
    local _db="pantau_bench_ingest_$$_${RANDOM}"
    CLEANUP_DBS+=("$_db")
    createdb "$_db"
    printf -v "$1" '%s' "$_db"
}

# start_app VAR DB PORT LOGFILE EVIDENCE_DIR [JVM-OPTION...]: the jar in the production profile
# against DB, rate limit raised; returns once it is ready
start_app() {
    local _app_var=$1 db=$2 port=$3 logfile=$4 evidence=$5 _app_pid
    shift 5
    start_group _app_pid "$logfile" env PANTAU_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" PANTAU_DB_USER="$PGUSER" \
        PANTAU_DB_PASSWORD="${PGPASSWORD:-unused-with-trust-auth}" PANTAU_BOOTSTRAP_ADMIN_USERNAME=benchadmin \
        PANTAU_BOOTSTRAP_ADMIN_PASSWORD=bench-password-not-for-use PANTAU_DATA_KEY="$BENCH_DATA_KEY" \
        PANTAU_EVIDENCE_DIR="$evidence" PORT="$port" \
        "$JAVA" "${JOPTS[@]}" "$@" -jar "$JAR" "${RATE_LIMIT_ARGS[@]}"
    wait_ready "$_app_pid" "http://127.0.0.1:$port/actuator/health/readiness" \
        || { tail -30 "$logfile" >&2; die "the application did not start (log: $logfile)"; }
    printf -v "$_app_var" '%s' "$_app_pid"
}

region_list() { # region_list DB FILE: the villages of East Java (province 35), one code a line
    psql -XAtq -d "$1" -c "select code from region where level = 'VILLAGE' and code like '35.%' order by code" >"$2"
    [[ -s "$2" ]] || die "no villages of province 35 in $1"
}

# wait_processed DB: waits (at most 300 s) until background processing has handled every report
# and every event publication is complete, so that the next phase does not compete with it;
# prints the seconds it waited
wait_processed() {
    local db=$1 t0 left
    t0=$(now_ms)
    while :; do
        # exists, not count: polled every 0.5 s during a catch-up, a count over tens of thousands of
        # pending rows was the busiest query of the database in a profile
        left=$(psql -XAtq -d "$db" -c "select exists (select 1 from report where processed_at is null)
            or exists (select 1 from event_publication where completion_date is null)")
        [[ "$left" == f ]] && break
        (($(now_ms) - t0 < 300000)) || { log "reports or events still unprocessed after 300 s"; break; }
        sleep 0.5
    done
    awk -v ms=$(($(now_ms) - t0)) 'BEGIN { printf "%.1f\n", ms / 1000 }'
}

# with_lock CMD...: runs CMD (a shell function too, in a subshell) holding the exclusive
# benchmark lock (LOCK_MODE=-s: shared, as test runs take it); the time waited goes to the log
with_lock() {
    if [[ "${LOCK_HELD:-0}" == 1 ]]; then
        "$@"
        return
    fi
    local t0
    t0=$(now_ms)
    (
        flock "${LOCK_MODE:--x}" 9 || exit 1
        log "holding $HEAVY_LOCK ${LOCK_MODE:--x} (waited $((($(now_ms) - t0) / 1000)) s)"
        LOCK_HELD=1
        "$@"
    ) 9>>"$HEAVY_LOCK"
}

# cpu_snapshot APP-PID DB: "app pg pg_other busy total" CPU ticks (USER_HZ) now: the application
# JVM; PostgreSQL serving DB (its backends, the server's own processes, and the exited backends
# the postmaster has reaped: pgbench disconnects); PostgreSQL backends of other databases (someone
# else's load: should be ~0 while the lock is held); the machine (busy = all but idle and iowait).
# Bash builtins only, as IngestLoad.java does it.
cpu_snapshot() {
    local app=$1 db=$2 d stat comm rest f parts words a=0 pg=0 other=0
    for d in /proc/[0-9]*; do
        { read -r stat <"$d/stat"; } 2>/dev/null || continue
        comm=${stat#*(}
        comm=${comm%)*}
        rest=${stat##*) }
        read -r -a f <<<"$rest"
        if [[ "${d#/proc/}" == "$app" ]]; then
            a=$((a + f[11] + f[12]))
        elif [[ "$comm" == postgres ]]; then
            { mapfile -d '' parts <"$d/cmdline"; } 2>/dev/null || continue
            read -r -a words <<<"${parts[0]:-}"
            # a backend's title: "postgres: 15/main: USER DATABASE HOST(PORT) STATE"
            if [[ "${words[0]:-}" == postgres: && ${#words[@]} -ge 5 && "${words[3]}" != "$db" && "${words[4]}" == *\(* ]]; then
                other=$((other + f[11] + f[12]))
            else
                pg=$((pg + f[11] + f[12] + f[13] + f[14]))
            fi
        fi
    done
    read -r -a f < <(sed -n 's/^cpu  *//p' /proc/stat)
    echo "$a $pg $other $((f[0] + f[1] + f[2] + f[5] + f[6] + f[7])) $((f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6] + f[7]))"
}

# cpu_delta BEFORE AFTER CLIENT-SECONDS: "app_s pg_s pg_other_s other_s busy_pct" between two
# snapshots (other = the machine's busy time less all of the above and the client's own)
cpu_delta() {
    awk -v b="$1" -v e="$2" -v c="$3" 'BEGIN {
        split(b, x, " "); split(e, y, " ")
        app = (y[1] - x[1]) / 100; pg = (y[2] - x[2]) / 100; po = (y[3] - x[3]) / 100
        busy = (y[4] - x[4]) / 100; total = (y[5] - x[5]) / 100
        printf "%.1f %.1f %.1f %.1f %.0f\n", app, pg, po, busy - app - pg - po - c, total ? 100 * busy / total : 0 }'
}

# field LINE NAME: the value of NAME=... in a generator result line
field() { sed -nE "s/.*(^| )$2=([^ ]*).*/\\2/p" <<<"$1"; }
