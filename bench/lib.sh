# shellcheck shell=bash disable=SC2034 # JAVA, JCMD, JAVA_FEATURE, JOPTS are for the scripts that source this
# Shared helpers for the Pantau benchmark scripts (sourced, not run).
#
# Linux and bash 4+ (the memory figures read /proc). Needs curl; the region-load script also
# needs psql/createdb/dropdb. Every process, data directory and database a script starts is
# registered here and removed by the EXIT trap, also on Ctrl-C or failure.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
JAR="$REPO_DIR/target/pantau-0.1.0-SNAPSHOT.jar"
READY_TIMEOUT_S=${READY_TIMEOUT_S:-300}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- JDK and jar

pick_java() {
    local preferred=/usr/lib/jvm/temurin-25-jdk-amd64
    if [[ -x "$preferred/bin/java" ]]; then
        export JAVA_HOME=$preferred
    elif [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" ]]; then
        die "set JAVA_HOME to a JDK 21 or newer"
    fi
    local version
    version=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = //p')
    [[ "${version%%.*}" -ge 21 ]] 2>/dev/null || die "JAVA_HOME=$JAVA_HOME is Java $version; Pantau needs 21 or newer"
    [[ -x "$JAVA_HOME/bin/jcmd" ]] || die "$JAVA_HOME has no bin/jcmd (a JDK, not a JRE, is needed)"
    JAVA_FEATURE=${version%%.*}
    JAVA="$JAVA_HOME/bin/java"
    JCMD="$JAVA_HOME/bin/jcmd"
    JAVA_VERSION_LINE=$("$JAVA" -version 2>&1 | sed -n 2p)
    read -r -a JOPTS <<<"${JAVA_OPTS:-}" # extra JVM options, split on spaces
}

ensure_jar() {
    if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
        log "building $JAR (./mvnw -B -q package -DskipTests)"
        (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests) >&2
    fi
    [[ -f "$JAR" ]] || die "no $JAR after the build"
}

# ---------------------------------------------------------------- cleanup registry

CLEANUP_PIDS=()      # process-group leaders started by us
CLEANUP_PGDATA=()    # embedded PostgreSQL data directories (an orphaned server is stopped)
CLEANUP_DIRS=()      # temp directories to delete
CLEANUP_DBS=()       # databases on the external server to drop

cleanup() {
    local rc=$?
    set +e
    local pid dir db
    for pid in "${CLEANUP_PIDS[@]}"; do stop_group "$pid"; done
    for dir in "${CLEANUP_PGDATA[@]}"; do stop_orphan_postgres "$dir"; done
    for db in "${CLEANUP_DBS[@]}"; do dropdb --if-exists "$db" 2>/dev/null; done
    for dir in "${CLEANUP_DIRS[@]}"; do rm -rf "$dir"; done
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

forget() { # forget NAME VALUE: drop VALUE from the registry array NAME
    local -n array=$1
    local kept=() item
    for item in "${array[@]}"; do [[ "$item" == "$2" ]] || kept+=("$item"); done
    array=("${kept[@]}")
}

new_temp_dir() { # new_temp_dir VAR: a fresh directory, deleted on exit
    local _dir
    _dir=$(mktemp -d "${TMPDIR:-/tmp}/pantau-bench.XXXXXX")
    CLEANUP_DIRS+=("$_dir")
    printf -v "$1" '%s' "$_dir"
}

# ---------------------------------------------------------------- processes

# start_group VAR LOGFILE CMD...: runs CMD (stdin /dev/null, output to LOGFILE) as the leader of
# its own process group, so that it and everything it forks in that group can be signalled.
start_group() {
    local _var=$1 _logfile=$2
    shift 2
    set -m
    "$@" </dev/null >"$_logfile" 2>&1 &
    local _pid=$!
    set +m
    CLEANUP_PIDS+=("$_pid")
    printf -v "$_var" '%s' "$_pid"
}

# stop_group PID: SIGTERM to the group (graceful Spring shutdown, which stops the embedded
# PostgreSQL), SIGKILL after 60 s.
stop_group() {
    local pid=$1 i
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 600; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid ignored SIGTERM for 60 s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    forget CLEANUP_PIDS "$pid"
}

# The embedded PostgreSQL is started through pg_ctl, which detaches it (parent pid 1, own
# session): it is not in the JVM's process group. Normally the JVM stops it on shutdown; if the
# JVM died, stop the server recorded in the data directory.
stop_orphan_postgres() {
    local pgdata=$1 pid i
    [[ -f "$pgdata/postmaster.pid" ]] || return 0
    pid=$(head -1 "$pgdata/postmaster.pid" 2>/dev/null) || return 0
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 0
    grep -q postgres "/proc/$pid/cmdline" 2>/dev/null || return 0
    kill -INT "$pid" 2>/dev/null # fast shutdown
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

free_port() { # free_port START: the first port >= START nobody listens on
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

now_ms() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo $((t / 1000))
    else
        echo $(($(date +%s%N) / 1000000))
    fi
}

# wait_ready PID URL: polls URL every 50 ms until it answers 200; fails if PID exits or after
# READY_TIMEOUT_S. Prints nothing; the caller takes the time.
wait_ready() {
    local pid=$1 url=$2 deadline
    deadline=$(($(now_ms) + READY_TIMEOUT_S * 1000))
    until curl -fs -o /dev/null --max-time 2 "$url"; do
        kill -0 "$pid" 2>/dev/null || { log "process $pid exited before it was ready"; return 1; }
        (($(now_ms) < deadline)) || { log "not ready after ${READY_TIMEOUT_S} s"; return 1; }
        sleep 0.05
    done
}

# wait_for_line FILE REGEX: polls FILE until a line matches (60 s at most).
wait_for_line() {
    local i
    for ((i = 0; i < 1200; i++)); do
        grep -Eq "$2" "$1" && return 0
        sleep 0.05
    done
    return 1
}

# ---------------------------------------------------------------- log parsing

spring_started_s() { sed -nE 's/.*Started PantauApplication in ([0-9.]+) seconds.*/\1/p' "$1" | head -1; }
regions_loaded_ms() { sed -nE 's/.*Loaded [0-9]+ official regions in ([0-9]+) ms.*/\1/p' "$1" | head -1; }
embedded_pg_ms() { sed -nE 's/.*\(started in ([0-9]+) ms\).*/\1/p' "$1" | head -1; }
outlines_loaded_ms() { sed -nE 's/.*Loaded [0-9]+ region outlines in ([0-9]+) ms.*/\1/p' "$1" | head -1; }
loadavg1() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }

# ---------------------------------------------------------------- statistics

# stats VALUES...: "median min max" (numeric; median of an even count is the mean of the middle two)
stats() {
    printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "- - -"; exit }
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%s %s %s\n", fmt(m), fmt(v[1]), fmt(v[NR])
        }
        function fmt(x) { return (x == int(x)) ? sprintf("%d", x) : sprintf("%.2f", x) }'
}

# row LABEL UNIT VALUES...: one line of a summary table (LABEL_WIDTH wide labels)
LABEL_WIDTH=${LABEL_WIDTH:-56}
row() {
    local label=$1 unit=$2
    shift 2
    local median min max
    read -r median min max < <(stats "$@")
    printf '| %-*s | %8s | %8s | %8s | %-4s | %2d |\n' "$LABEL_WIDTH" "$label" "$median" "$min" "$max" "$unit" "$#"
}

table_header() {
    local dashes
    dashes=$(printf '%*s' $((LABEL_WIDTH + 2)) '' | tr ' ' -)
    printf '| %-*s | %8s | %8s | %8s | %-4s | %2s |\n' "$LABEL_WIDTH" "$1" median min max unit n
    printf '|%s|%s|%s|%s|%s|%s|\n' "$dashes" ---------: ---------: ---------: ------ ---:
}

machine_summary() {
    local cpu mem
    cpu=$(sed -nE 's/^model name\s*: //p' /proc/cpuinfo 2>/dev/null | head -1)
    mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
    echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) CPUs (${cpu:-unknown}), ${mem:-? RAM}, $(uname -sr)"
    echo "java:    $JAVA_VERSION_LINE ($JAVA_HOME)"
    echo "commit:  $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || echo ' (working tree modified)')"
}

results_dir() { # results_dir VAR NAME: bench/results/NAME-<time> (git-ignored), kept for inspection
    local _dir
    _dir="${BENCH_RESULTS:-$REPO_DIR/bench/results}/$2-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$_dir"
    printf -v "$1" '%s' "$_dir"
}
