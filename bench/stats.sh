#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2154 # lib.sh sets variables by name
# Statistics endpoints on PostgreSQL with 1M and 10M generated reports (issue 6): p50/p95/max per
# endpoint, and the plan of every statistics query.
#
#   bench/stats.sh                         # this checkout's target/*.jar (built if missing)
#   JAR=/path/to/pantau.jar bench/stats.sh # another build against the same kept databases
#   CHECKOUT=/work/other bench/stats.sh    # builds that checkout (./mvnw package) and measures its jar
#   SIZES=1m bench/stats.sh                # only the 1M database
#
# For each size (1m = 1,000,000 reports, 10m = 10,000,000; any <n>k/<n>m works) the database
# pantau_bench_stats_<size> on the external server is used if it exists; otherwise it is created,
# migrated by one start of the jar, filled by bench/stats/generate.sql (about 1.5 min for 1m and
# 15 min for 10m on 2 vCPUs) and analysed. The databases are KEPT afterwards (DROP_DB=1 drops
# them; REGENERATE=1 drops and rebuilds them first), so that re-measuring another build costs
# minutes, not the generation. A build that brings new migrations (e.g. a rollup table with a
# backfill) runs them on its first start against the kept database; the summary shows what
# Flyway applied and how long it took.
#
# Per size: start the jar (production profile) on the database, import IKP scores for every
# province and regency into the seeded edition "IKP Pemilu 2024" if it has none (the live index
# needs an edition with scores), take a bearer token of the bootstrap administrator, then per
# endpoint (bench/stats/StatsLoad.java): WARMUP requests, then RUNS sequential requests or fewer
# when BUDGET_S seconds are used up (never fewer than MIN_RUNS, 20; the warm-up stops after
# WARMUP_BUDGET_S, 5 s, once 2 requests are done); CONCURRENCY="1 4" adds a run with 4 clients. Then a second start with auto_explain on for this database only (ALTER DATABASE ... SET,
# reset afterwards; no server file changes) sends each endpoint PLAN_WARMUPS (10) + 1 times and keeps the
# EXPLAIN (ANALYZE, BUFFERS) of every query it ran, read from the server log (PG_LOG).
# Measurement phases hold `flock -x /tmp/pantau-heavy.lock` (one hold per endpoint),
# building and generating hold it shared.
#
# Environment: SIZES ("1m 10m"), STATS_GROUPS (reports-region reports-category reports-day cases other), JAR, CHECKOUT, WARMUP (10), RUNS (100), BUDGET_S (15; from 5M
# reports on BUDGET_S_LARGE, 8), MIN_RUNS (20; from 5M reports on 5), WARMUP_BUDGET_S (5),
# PLAN_WARMUP_BUDGET_S (60), READY_TIMEOUT_S (3600: a start may run a long backfill),
# CONCURRENCY ("1"), PLANS (1; 0 skips the plan pass), PLAN_WARMUPS (10), PG_LOG (the server's log file, default the
# Debian one), SEED (0.42), PGHOST/PGPORT/PGUSER/PGPASSWORD, PORT_BASE (18180), JAVA_OPTS,
# REBUILD=1, BENCH_RESULTS. Raw figures, logs and plans: bench/results/stats-<time>/.

JAR_OVERRIDE=${JAR:-}
# a new migration's backfill over 10M facts takes minutes: wait for readiness up to an hour
export READY_TIMEOUT_S=${READY_TIMEOUT_S:-3600}
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

SIZES=${SIZES:-"1m 10m"}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-100}
BUDGET_S=${BUDGET_S:-15}
CONCURRENCY=${CONCURRENCY:-1}
PLANS=${PLANS:-1}
PLAN_WARMUPS=${PLAN_WARMUPS:-10}
SEED=${SEED:-0.42}
LOCK=${LOCK:-/tmp/pantau-heavy.lock}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PG_LOG=${PG_LOG:-/var/log/postgresql/postgresql-$(psql -XAtq -d postgres -c 'show server_version_num' | cut -c1-2)-main.log}
ADMIN_USER=benchadmin
ADMIN_PASSWORD=bench-password-not-for-use
# production needs a data key; the same throwaway one on every start (sessions and sealed data of
# the benchmark databases are never read back with another)
BENCH_DATA_KEY=$(printf 'pantau-bench-stats-data-key-32b!' | base64)

for tool in psql createdb dropdb curl flock; do
    command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
psql -XAtq -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
pick_java

# ---------------------------------------------------------------- what to measure

MEASURED_COMMIT='?'
jar_repo=
if [[ -n "${CHECKOUT:-}" ]]; then
    [[ -x "$CHECKOUT/mvnw" ]] || die "CHECKOUT=$CHECKOUT has no mvnw"
    log "building $CHECKOUT (./mvnw -B -ntp -q package -DskipTests, shared lock)"
    (cd "$CHECKOUT" && flock -s "$LOCK" ./mvnw -B -ntp -q package -DskipTests) >&2
    JAR=$(ls "$CHECKOUT"/target/pantau-*.jar | grep -v -- '-plain' | head -1)
    MEASURED_COMMIT=$(git -C "$CHECKOUT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$CHECKOUT" diff --quiet HEAD 2>/dev/null || echo ' (working tree modified)')
elif [[ -n "$JAR_OVERRIDE" ]]; then
    JAR=$JAR_OVERRIDE
    [[ -f "$JAR" ]] || die "JAR=$JAR does not exist"
    # a jar inside a checkout's target/: that checkout's commit
    jar_repo=$(cd "$(dirname "$JAR")/.." && git rev-parse --show-toplevel 2>/dev/null || true)
    [[ -n "$jar_repo" ]] && MEASURED_COMMIT="$(git -C "$jar_repo" rev-parse --short HEAD) in $jar_repo (jar built $(date -r "$JAR" '+%Y-%m-%d %H:%M'))"
else
    if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
        log "building $JAR (shared lock)"
        (cd "$REPO_DIR" && flock -s "$LOCK" ./mvnw -B -ntp -q package -DskipTests) >&2
    fi
    MEASURED_COMMIT=$(git -C "$REPO_DIR" rev-parse --short HEAD)$(git -C "$REPO_DIR" diff --quiet HEAD 2>/dev/null || echo ' (working tree modified)')
fi
[[ -f "$JAR" ]] || die "no jar at $JAR"
# the last commit that changed what the jar is built from (later commits may touch bench/ only)
SOURCE_COMMIT='?'
source_repo=${CHECKOUT:-$jar_repo}
[[ -z "$JAR_OVERRIDE" && -z "${CHECKOUT:-}" ]] && source_repo=$REPO_DIR
[[ -n "$source_repo" ]] && SOURCE_COMMIT=$(git -C "$source_repo" log -1 --format=%h -- src pom.xml 2>/dev/null || echo '?')
JAR_SHA=$(sha256sum "$JAR" | cut -c1-12)

results_dir OUT stats
PORT=$(free_port "${PORT_BASE:-18180}")
BASE="http://127.0.0.1:$PORT"
READY_URL="$BASE/actuator/health/readiness"
CSV="$OUT/runs.csv"
echo "size,label,concurrency,seq,status,ms,bytes" >"$CSV"
META="$OUT/meta.csv"
echo "size,what,value" >"$META"
work=
new_temp_dir work
log "results in $OUT; jar $JAR (sha256 $JAR_SHA, commit $MEASURED_COMMIT); port $PORT"

reports_of() { # reports_of SIZE: 1m -> 1000000, 250k -> 250000
    local n=${1%[kKmM]} unit=${1: -1}
    [[ "$n" =~ ^[0-9]+$ ]] || die "size $1: expected <n>k or <n>m"
    case $unit in k | K) echo $((n * 1000)) ;; m | M) echo $((n * 1000000)) ;; *) die "size $1: expected <n>k or <n>m" ;; esac
}

db_exists() { [[ "$(psql -XAtq -d postgres -c "select 1 from pg_database where datname = '$1'")" == 1 ]]; }

# start_app VAR DB LOGFILE: launches the jar (production profile) on DB, waits for readiness
# The start holds the heavy lock shared (a new migration may backfill millions of rows); the JVM
# does not inherit the lock's descriptor, so the lock is released once it is ready.
start_app() {
    local _appvar=$1 db=$2 logfile=$3 _app_pid t0 lockfd
    exec {lockfd}>>"$LOCK"
    flock -s "$lockfd"
    t0=$(now_ms)
    # shellcheck disable=SC2016 # $1.. are the inner shell's
    start_group _app_pid "$logfile" bash -c 'exec '"$lockfd"'>&-; exec "$@"' _ \
        env PANTAU_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" PANTAU_DB_USER="$PGUSER" \
        PANTAU_DB_PASSWORD="${PGPASSWORD:-unused-with-trust-auth}" PANTAU_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER \
        PANTAU_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD PANTAU_DATA_KEY="$BENCH_DATA_KEY" PANTAU_SECURE_COOKIES=false \
        PORT="$PORT" "$JAVA" "${JOPTS[@]}" -jar "$JAR" --pantau.cases.deadline-check=PT6H
    wait_ready "$_app_pid" "$READY_URL" || { tail -40 "$logfile" >&2; die "the jar did not get ready on $db (log: $logfile)"; }
    flock -u "$lockfd"
    exec {lockfd}>&-
    APP_READY_MS=$(now_ms)
    log "ready on $db in $((APP_READY_MS - t0)) ms"
    printf -v "$_appvar" "%s" "$_app_pid"
}

# flyway_summary LOGFILE: what Flyway did on that start, one line
flyway_summary() {
    grep -hoE 'Successfully applied [0-9]+ migrations?.*|Schema "public" is up to date.*' "$1" | head -1 | tr ',' ';'
}

# deadline_job_settled DB: the deadline job's first round (10 s after start) is over
deadline_job_settled() {
    local db=$1 i
    # its first round starts 10 s after the scheduler (initialDelay); then wait for it to finish
    while (($(now_ms) < APP_READY_MS + 12000)); do sleep 0.2; done
    for ((i = 0; i < 600; i++)); do
        [[ "$(psql -XAtq -d "$db" -c "select count(*) from pg_stat_activity where datname = current_database()
            and state = 'active' and query ilike '%case_warning%' and pid <> pg_backend_pid()")" == 0 ]] && return 0
        sleep 0.1
    done
    log "the deadline job still runs after 60 s"
}

token() {
    curl -fsS -H 'Content-Type: application/json' \
        -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/token" \
        | sed -nE 's/.*"token" *: *"([^"]+)".*/\1/p'
}

# ikp_scores DB TOKEN: scores for every province and regency in the seeded edition, once
ikp_scores() {
    local db=$1 tok=$2 edition has
    edition=$(psql -XAtq -d "$db" -c "select id from ikp_edition where name = 'IKP Pemilu 2024'")
    has=$(psql -XAtq -d "$db" -c "select count(*) from ikp_score where edition_id = $edition")
    if [[ "$has" == 0 ]]; then
        psql -XAtq -d "$db" -v ON_ERROR_STOP=1 -c "\\copy (select r.code, d.code,
                round((abs(hashtext(r.code || d.code)) % 10000) / 100.0, 2)
                from region r cross join (values ('SOSPOL'), ('PENYELENGGARAAN'), ('KONTESTASI'), ('PARTISIPASI')) d (code)
                where r.level in ('PROVINCE', 'REGENCY') order by 1, 2) to '$work/scores.csv' with (format csv)"
        sed -i '1i regionCode,dimension,score' "$work/scores.csv"
        curl -fsS -o "$work/import.json" -H "Authorization: Bearer $tok" -H 'Content-Type: text/csv; charset=utf-8' \
            --data-binary @"$work/scores.csv" "$BASE/api/v1/vulnerability/editions/$edition/scores" \
            || die "the IKP score import failed"
        log "imported IKP scores into edition $edition: $(cat "$work/import.json")"
    fi
}

# ---------------------------------------------------------------- endpoints

P30="from=2024-11-01&to=2024-11-30"
P1Y="from=2024-01-01&to=2024-12-31"
write_endpoints() { # files $work/ep-<group>.tsv
    local g scope period measure q
    for g in region category day; do
        : >"$work/ep-reports-$g.tsv"
        for scope in national province:parent=35\&level=regency regency:parent=35.09\&level=district; do
            for period in 30d 1y; do
                for measure in reports incidents; do
                    q="groupBy=$g&$([[ $period == 30d ]] && echo "$P30" || echo "$P1Y")"
                    [[ "$scope" == *:* ]] && q="$q&${scope#*:}"
                    [[ $measure == incidents ]] && q="$q&measure=incidents"
                    printf 'reports %s %s %s %s\t/api/v1/stats/reports?%s\n' "$g" "${scope%%:*}" "$period" "$measure" "$q" \
                        >>"$work/ep-reports-$g.tsv"
                done
            done
        done
    done
    cat >"$work/ep-cases.tsv" <<EOF
cases stage national 30d	/api/v1/stats/cases?groupBy=stage&$P30
cases stage national 1y	/api/v1/stats/cases?groupBy=stage&$P1Y
cases stage province(35) 1y	/api/v1/stats/cases?groupBy=stage&parent=35&$P1Y
cases stage regency(35.09) 1y	/api/v1/stats/cases?groupBy=stage&parent=35.09&$P1Y
cases region national 30d	/api/v1/stats/cases?groupBy=region&$P30
cases region national 1y	/api/v1/stats/cases?groupBy=region&$P1Y
cases region province(35) 1y	/api/v1/stats/cases?groupBy=region&parent=35&level=regency&$P1Y
cases region regency(35.09) 1y	/api/v1/stats/cases?groupBy=region&parent=35.09&level=district&$P1Y
EOF
    cat >"$work/ep-other.tsv" <<EOF
live province national 30d	/api/v1/vulnerability/live?level=province&$P30
live province national 1y	/api/v1/vulnerability/live?level=province&$P1Y
live regency national 30d	/api/v1/vulnerability/live?level=regency&$P30
live regency national 1y	/api/v1/vulnerability/live?level=regency&$P1Y
live regency province(35) 30d	/api/v1/vulnerability/live?level=regency&parent=35&$P30
live regency province(35) 1y	/api/v1/vulnerability/live?level=regency&parent=35&$P1Y
alerts regency national 2024-11-30	/api/v1/alerts?asOf=2024-11-30
alerts regency national 2024-02-20	/api/v1/alerts?asOf=2024-02-20
alerts province national 2024-11-30	/api/v1/alerts?level=province&asOf=2024-11-30
alerts district province(35) 2024-11-30	/api/v1/alerts?parent=35&level=district&asOf=2024-11-30
EOF
    # STATS_GROUPS="cases other" measures only those groups (the others' figures stay those of a previous run)
    read -r -a GROUPS_ORDER <<<"${STATS_GROUPS:-reports-region reports-category reports-day cases other}"
}

# ---------------------------------------------------------------- one size

prepare_db() { # prepare_db SIZE DB: create, migrate, generate and analyse unless it exists
    local size=$1 db=$2 n pid t0 gen_ms
    n=$(reports_of "$size")
    if db_exists "$db" && [[ "${REGENERATE:-0}" == 1 ]]; then
        log "REGENERATE=1: dropping $db"
        dropdb "$db"
    fi
    if db_exists "$db"; then
        if [[ "$(psql -XAtq -d "$db" -c "select exists (select 1 from insight_report)")" == t ]]; then
            log "reusing $db: $(psql -XAtq -d "$db" -c "select obj_description(oid, 'pg_database') from pg_database where datname = current_database()")"
            return
        fi
        log "$db exists without facts: generating into it"
    else
        createdb "$db"
    fi
    # a failure before the data is complete drops the half-made database
    CLEANUP_DBS+=("$db")
    start_app pid "$db" "$OUT/migrate-$size.log"
    stop_group "$pid"
    echo "$size,first start,$(flyway_summary "$OUT/migrate-$size.log")" >>"$META"
    log "generating $n reports into $db (shared lock)"
    t0=$(now_ms)
    flock -s "$LOCK" psql -Xq -v ON_ERROR_STOP=1 -v reports="$n" -v seed="$SEED" -d "$db" \
        -f "$BENCH_DIR/stats/generate.sql" >"$OUT/generate-$size.log" 2>&1 \
        || { tail -20 "$OUT/generate-$size.log" >&2; die "generation failed (log: $OUT/generate-$size.log)"; }
    # the checkpoint flushes the WAL of the generation's asynchronous commits: until then VACUUM may
    # not mark the pages all-visible, and the index-only scans would visit the heap for every row
    flock -s "$LOCK" psql -Xq -v ON_ERROR_STOP=1 -d "$db" -c checkpoint -c 'vacuum (analyze) insight_report' \
        -c 'vacuum (analyze) legal_case' -c 'vacuum (analyze) case_warning' >>"$OUT/generate-$size.log" 2>&1
    gen_ms=$(($(now_ms) - t0))
    psql -XAtq -d "$db" -c "comment on database $db is 'bench/stats.sh: $n reports requested (seed $SEED), generated $(date -u '+%Y-%m-%d %H:%M UTC') in $((gen_ms / 1000)) s incl. vacuum analyze'"
    echo "$size,generation_s,$((gen_ms / 1000))" >>"$META"
    forget CLEANUP_DBS "$db"
    log "generated $db in $((gen_ms / 1000)) s"
}

measure_size() { # measure_size SIZE
    local size=$1 db="pantau_bench_stats_$1" pid tok group t0 ready
    prepare_db "$size" "$db"
    reset_auto_explain "$db" # in case an earlier run died during its plan pass
    psql -XAtq -d "$db" -F, -c "select 'facts', count(*) from insight_report
        union all select 'incidents', count(distinct incident_key) from insight_report
        union all select 'cases', count(*) from legal_case
        union all select 'case_warnings', count(*) from case_warning
        union all select 'insight_report_mb', pg_total_relation_size('insight_report') / 1048576
        union all select 'legal_case_mb', pg_total_relation_size('legal_case') / 1048576
        union all select 'all_visible_pct_' || relname, round(100.0 * relallvisible / greatest(relpages, 1))
          from pg_class where relname in ('insight_report', 'legal_case')" \
        | sed "s/^/$size,/" >>"$META"

    t0=$(now_ms)
    start_app pid "$db" "$OUT/app-$size.log"
    ready=$(($(now_ms) - t0))
    echo "$size,start_ready_ms,$ready" >>"$META"
    echo "$size,flyway,$(flyway_summary "$OUT/app-$size.log")" >>"$META"
    tok=$(token)
    [[ -n "$tok" ]] || die "no token for $ADMIN_USER"
    ikp_scores "$db" "$tok"
    deadline_job_settled "$db"
    settle_rollups "$size" "$db"
    # one exclusive hold per endpoint: a slow endpoint at 10M keeps the lock a few minutes at most.
    # From 5M reports on, some requests take tens of seconds: fewer runs unless told otherwise.
    local line min_runs budget
    if (($(reports_of "$size") >= 5000000)); then
        min_runs=${MIN_RUNS:-5} budget=${BUDGET_S_LARGE:-8}
    else
        min_runs=${MIN_RUNS:-20} budget=$BUDGET_S
    fi
    echo "$size,requests,warm-up $WARMUP (at most ${WARMUP_BUDGET_S:-5} s once 2 are done); up to $RUNS in $budget s; at least $min_runs" >>"$META"
    for group in "${GROUPS_ORDER[@]}"; do
        log "$size: $group (exclusive lock per endpoint)"
        while IFS= read -r line; do
            [[ -z "$line" || "$line" == \#* ]] && continue
            printf '%s\n' "$line" >"$work/ep-one.tsv"
            # shellcheck disable=SC2086 # CONCURRENCY is a list
            STATS_TOKEN=$tok MIN_RUNS=$min_runs flock -x "$LOCK" "$JAVA" -cp "$work/classes" StatsLoad "$BASE" - \
                "$work/ep-one.tsv" "$work/runs-$size.csv" "$WARMUP" "$RUNS" "$budget" $CONCURRENCY \
                | tee -a "$OUT/load-$size.txt" >&2
        done <"$work/ep-$group.tsv"
    done
    tail -n +2 "$work/runs-$size.csv" | sed "s/^/$size,/" >>"$CSV"
    stop_group "$pid"

    if [[ "$PLANS" == 1 ]]; then
        plans "$size" "$db"
    fi
}

# settle_rollups SIZE DB: once the application has folded the deltas that the generation's
# inserts left (statement triggers), VACUUM ANALYZE the rollup tables: this server runs without
# autovacuum, which would otherwise do it. Without it the folded delta tables keep every dead row
# (read by each statistics query), and the rollups have no statistics and no visibility map.
settle_rollups() {
    local size=$1 db=$2 i tables t0
    tables=$(psql -XAtq -d "$db" -c "select string_agg(relname, ' ' order by relname) from pg_class
        where relkind = 'r' and (relname like 'insight\_daily%' or relname = 'insight_year' or relname like 'case\_daily%')")
    [[ -z "$tables" ]] && return 0
    for ((i = 0; i < 600; i++)); do
        [[ "$(psql -XAtq -d "$db" -c "select (select count(*) from insight_daily_delta)
            + coalesce((select count(*) from case_daily_delta), 0)")" == 0 ]] && break
        sleep 0.5
    done
    t0=$(now_ms)
    # shellcheck disable=SC2086 # one name per table
    flock -s "$LOCK" psql -Xq -v ON_ERROR_STOP=1 -d "$db" -c "vacuum (analyze) $(echo $tables | sed 's/ /, /g')" \
        || die "vacuum of the rollups failed"
    echo "$size,rollups_vacuum_analyze,$tables in $(($(now_ms) - t0)) ms" >>"$META"
    log "vacuumed and analysed $tables in $(($(now_ms) - t0)) ms"
}

reset_auto_explain() {
    psql -Xq -d "$1" -c "alter database $1 reset session_preload_libraries" \
        -c "alter database $1 reset auto_explain.log_min_duration" -c "alter database $1 reset auto_explain.log_analyze" \
        -c "alter database $1 reset auto_explain.log_buffers" -c "alter database $1 reset auto_explain.log_timing"
}

# plans SIZE DB: every statistics query's EXPLAIN (ANALYZE, BUFFERS), from auto_explain
plans() {
    local size=$1 db=$2 pid tok file group
    if [[ ! -r "$PG_LOG" ]]; then
        log "cannot read the server log $PG_LOG (set PG_LOG): no plans"
        return
    fi
    psql -Xq -d "$db" -c "alter database $db set session_preload_libraries = 'auto_explain'" \
        -c "alter database $db set auto_explain.log_min_duration = 0" \
        -c "alter database $db set auto_explain.log_analyze = on" \
        -c "alter database $db set auto_explain.log_buffers = on" \
        -c "alter database $db set auto_explain.log_timing = on"
    start_app pid "$db" "$OUT/app-plans-$size.log"
    tok=$(token)
    deadline_job_settled "$db"
    file="$OUT/plans-$size.txt"
    : >"$file"
    local lockfd label path i offset
    exec {lockfd}>>"$LOCK"
    flock -x "$lockfd"
    while IFS=$'\t' read -r label path; do
        [[ -z "$label" || "$label" == \#* ]] && continue
        # the plans of the request after PLAN_WARMUPS others, which warm the caches and, from the
        # 5th on, run as server-side prepared statements (pgjdbc's prepareThreshold): after 5 more
        # PostgreSQL may switch to a generic plan, the one the steady state runs. With fewer
        # warm-ups the kept plan is a custom plan for the request's values.
        # (at most PLAN_WARMUP_BUDGET_S, 60 s, of warm-up once one request is done)
        local warm_end=$(($(now_ms) + ${PLAN_WARMUP_BUDGET_S:-60} * 1000))
        for ((i = 0; i < PLAN_WARMUPS && (i < 1 || $(now_ms) < warm_end); i++)); do
            curl -s -o /dev/null -H "Authorization: Bearer $tok" "$BASE$path"
        done
        sleep 0.2
        offset=$(stat -c %s "$PG_LOG")
        printf '\n==== %s  GET %s  -> HTTP %s\n' "$label" "$path" \
            "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$BASE$path")" >>"$file"
        sleep 0.3
        # this database's auto_explain messages (continuation lines start with a tab)
        tail -c +$((offset + 1)) "$PG_LOG" | awk -v db="@$db " '
            /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { keep = index($0, db) > 0 && index($0, "plan:") > 0 }
            keep { print }' >>"$file"
    done < <(for group in "${GROUPS_ORDER[@]}"; do cat "$work/ep-$group.tsv"; done)
    flock -u "$lockfd"
    exec {lockfd}>&-
    stop_group "$pid"
    reset_auto_explain "$db"
    log "plans of $size: $file"
}

# ---------------------------------------------------------------- run

write_endpoints
"$JAVA_HOME/bin/javac" -d "$work/classes" "$BENCH_DIR/stats/StatsLoad.java" || die "cannot compile StatsLoad.java"
SERVER_SETTINGS=$(psql -XAtq -d postgres -c "select string_agg(name || '=' || current_setting(name), ' ' order by name)
    from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'random_page_cost',
    'max_parallel_workers_per_gather', 'synchronous_commit')")
for size in $SIZES; do
    measure_size "$size"
done

# ---------------------------------------------------------------- summary

# per size and label and concurrency: n, errors, p50, p95, max (nearest rank), in file order
summarise() {
    tail -n +2 "$CSV" | sort -t, -k1,1 -k2,2 -k3,3n -k6,6g | awk -F, '
        function flush() {
            if (n == 0) return
            p50 = v[int((n * 50 + 99) / 100)]; p95 = v[int((n * 95 + 99) / 100)]
            printf "%s,%s,%s,%d,%d,%.1f,%.1f,%.1f,%d\n", k1, k2, k3, n, err, p50, p95, v[n], bytes
            n = 0; err = 0
        }
        { key = $1 FS $2 FS $3
          if (key != last) { flush(); last = key; k1 = $1; k2 = $2; k3 = $3 }
          v[++n] = $6; if ($5 != 200) err++; bytes = $7 }
        END { flush() }'
}
summarise >"$OUT/summary.csv"

{
    echo
    echo "Pantau statistics endpoints on generated reports (p95 target: <= 50 ms at 10M)"
    machine_summary
    echo "measured: $JAR (sha256 $JAR_SHA), commit $MEASURED_COMMIT; last change to src/ or pom.xml: $SOURCE_COMMIT"
    echo "postgres: $(psql -XAtq -d postgres -c 'show server_version') at $PGHOST:$PGPORT; $SERVER_SETTINGS"
    echo "requests: see each size's 'requests' line below; concurrency $CONCURRENCY; plans after $PLAN_WARMUPS warm-up requests (at most ${PLAN_WARMUP_BUDGET_S:-60} s)"
    echo
    awk -F, 'NR > 1 { printf "%-5s %-18s %s\n", $1, $2, $3 }' "$META"
    echo
    for size in $SIZES; do
        echo "| $size: endpoint | c | n | err | p50 ms | p95 ms | max ms | bytes | p95 <= 50 ms |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
        for group in "${GROUPS_ORDER[@]}"; do
            while IFS=$'\t' read -r label _; do
                [[ -z "$label" || "$label" == \#* ]] && continue
                awk -F, -v s="$size" -v l="$label" '$1 == s && $2 == l {
                    ok = ($5 > 0) ? "ERRORS" : ($7 <= 50 ? "yes" : "no")
                    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, ok }' \
                    "$OUT/summary.csv"
            done <"$work/ep-$group.tsv"
        done
        echo
    done
    echo "raw figures, logs and plans: $OUT"
} | tee "$OUT/summary.txt"
