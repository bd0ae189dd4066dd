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

# heavy CMD...: runs CMD holding the machine's exclusive benchmark lock (no test run competes)
heavy() { flock -x "$HEAVY_LOCK" "$@"; }

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
        left=$(psql -XAtq -d "$db" -c "select (select count(*) from report where processed_at is null)
            + (select count(*) from event_publication where completion_date is null)")
        [[ "$left" == 0 ]] && break
        (($(now_ms) - t0 < 300000)) || { log "still $left unprocessed reports/events after 300 s"; break; }
        sleep 0.5
    done
    awk -v ms=$(($(now_ms) - t0)) 'BEGIN { printf "%.1f\n", ms / 1000 }'
}

# with_lock CMD...: runs CMD (a shell function too) holding the exclusive benchmark lock
with_lock() { ( flock -x 9 && "$@" ) 9>>"$HEAVY_LOCK"; }

# cpu_snapshot APP-PID: "app postgres busy total" CPU ticks (USER_HZ) now: the application JVM,
# all PostgreSQL processes (with the exited backends the postmaster has reaped), and the machine (busy = all but idle and iowait), as IngestLoad.java
cpu_snapshot() {
    # shellcheck disable=SC2002 # the glob is read as one stream
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v app="$1" '
        {
            p = index($0, "("); q = 0
            for (i = length($0); i > p; i--) if (substr($0, i, 1) == ")") { q = i; break }
            comm = substr($0, p + 1, q - p - 1)
            split(substr($0, q + 2), f, " ")
            t = f[12] + f[13]
            # the postmaster counts its exited backends in cutime + cstime (pgbench disconnects)
            if ($1 == app) a += t; else if (comm == "postgres") pg += t + f[14] + f[15]
        }
        END { printf "%d %d ", a, pg }'
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# cpu_delta BEFORE AFTER CLIENT-SECONDS: "app_s pg_s other_s busy_pct" between two snapshots
# (other = the machine's busy time less the application, PostgreSQL and the client's own)
cpu_delta() {
    awk -v b="$1" -v e="$2" -v c="$3" 'BEGIN {
        split(b, x, " "); split(e, y, " ")
        app = (y[1] - x[1]) / 100; pg = (y[2] - x[2]) / 100; busy = (y[3] - x[3]) / 100; total = (y[4] - x[4]) / 100
        printf "%.1f %.1f %.1f %.0f\n", app, pg, busy - app - pg - c, total ? 100 * busy / total : 0 }'
}

# field LINE NAME: the value of NAME=... in a generator result line
field() { sed -nE "s/.*(^| )$2=([^ ]*).*/\\2/p" <<<"$1"; }
