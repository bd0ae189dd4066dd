#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2046,SC2154 # rows split numbers on purpose; lib.sh sets variables by name
# Page weight and render time of the regency map (/ikp) in headless Chromium (issue 6).
#
#   bench/map.sh                          # this checkout's jar, on the kept 1M statistics database
#   JAR=/path/to/pantau.jar bench/map.sh  # another build
#
# Starts the jar (production profile) on DB (default pantau_bench_stats_1m, made by
# bench/stats.sh; any migrated Pantau database works), imports IKP scores for every province and
# regency into the seeded edition "IKP Pemilu 2024" if it has none, and loads with
# bench/stats/map.mjs (playwright-core driving /usr/bin/chromium, new headless mode):
#   official  /ikp?level=regency: the public map of all 514 regencies/cities, anonymous
#   live      /ikp?level=regency&source=live&<30 days>: the live index of the same regencies for a
#             signed-in administrator (computed from DB's reports, sent inside the page)
# on a desktop (1366x768) and a phone (360x740, DPR 3) viewport, RUNS cold loads (new browser
# context: empty cache) and RUNS warm reloads each. Figures: time to the map's data-ready (every
# boundary drawn) and to the next frame, DOMContentLoaded/load, requests, bytes over the wire
# (compressed, with headers) and decoded, split by kind. The measurement holds
# `flock -x /tmp/pantau-heavy.lock`.
#
# Needs node and npm (playwright-core is installed once into NODE_DIR, default
# ~/.cache/pantau-bench-node, never into the repository) and Chromium (CHROMIUM, default
# /usr/bin/chromium). Environment: DB, RUNS (5), PAGES ("official live"), LIVE_PERIOD
# (from=2024-11-01&to=2024-11-30), JAR, PORT_BASE (18280), JAVA_OPTS, PG*, BENCH_RESULTS.
# Raw figures: bench/results/map-<time>/runs.csv and requests-<page>.json (every request).

JAR_OVERRIDE=${JAR:-}
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
[[ -n "$JAR_OVERRIDE" ]] && JAR=$JAR_OVERRIDE

DB=${DB:-pantau_bench_stats_1m}
RUNS=${RUNS:-5}
PAGES=${PAGES:-"official live"}
LIVE_PERIOD=${LIVE_PERIOD:-"from=2024-11-01&to=2024-11-30"}
LOCK=${LOCK:-/tmp/pantau-heavy.lock}
NODE_DIR=${NODE_DIR:-$HOME/.cache/pantau-bench-node}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN_USER=benchadmin
ADMIN_PASSWORD=bench-password-not-for-use
BENCH_DATA_KEY=$(printf 'pantau-bench-stats-data-key-32b!' | base64)

for tool in psql curl node npm flock; do
    command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM (apt-get install chromium)"
[[ "$(psql -XAtq -d postgres -c "select 1 from pg_database where datname = '$DB'")" == 1 ]] \
    || die "no database $DB: run bench/stats.sh first (SIZES=1m), or set DB"
pick_java
if [[ -z "$JAR_OVERRIDE" ]]; then
    ensure_jar
fi
[[ -f "$JAR" ]] || die "no jar at $JAR"
if [[ ! -d "$NODE_DIR/node_modules/playwright-core" ]]; then
    log "installing playwright-core into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent playwright-core) >&2
fi

results_dir OUT map
PORT=$(free_port "${PORT_BASE:-18280}")
BASE="http://127.0.0.1:$PORT"
work=
new_temp_dir work
log "results in $OUT; jar $JAR; database $DB; port $PORT; $("$CHROMIUM" --version 2>/dev/null)"

start_group pid "$OUT/app.log" env PANTAU_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" PANTAU_DB_USER="$PGUSER" \
    PANTAU_DB_PASSWORD="${PGPASSWORD:-unused-with-trust-auth}" PANTAU_BOOTSTRAP_ADMIN_USERNAME=$ADMIN_USER \
    PANTAU_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD PANTAU_DATA_KEY="$BENCH_DATA_KEY" PANTAU_SECURE_COOKIES=false \
    PORT="$PORT" "$JAVA" "${JOPTS[@]}" -jar "$JAR" --pantau.cases.deadline-check=PT6H
wait_ready "$pid" "$BASE/actuator/health/readiness" || { tail -30 "$OUT/app.log" >&2; die "the jar did not get ready (log: $OUT/app.log)"; }

edition=$(psql -XAtq -d "$DB" -c "select id from ikp_edition where name = 'IKP Pemilu 2024'")
if [[ "$(psql -XAtq -d "$DB" -c "select count(*) from ikp_score where edition_id = $edition")" == 0 ]]; then
    tok=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" \
        "$BASE/api/v1/auth/token" | sed -nE 's/.*"token" *: *"([^"]+)".*/\1/p')
    psql -XAtq -d "$DB" -v ON_ERROR_STOP=1 -c "\\copy (select r.code, d.code, round((abs(hashtext(r.code || d.code)) % 10000) / 100.0, 2)
            from region r cross join (values ('SOSPOL'), ('PENYELENGGARAAN'), ('KONTESTASI'), ('PARTISIPASI')) d (code)
            where r.level in ('PROVINCE', 'REGENCY') order by 1, 2) to '$work/scores.csv' with (format csv)"
    sed -i '1i regionCode,dimension,score' "$work/scores.csv"
    curl -fsS -o /dev/null -H "Authorization: Bearer $tok" -H 'Content-Type: text/csv; charset=utf-8' \
        --data-binary @"$work/scores.csv" "$BASE/api/v1/vulnerability/editions/$edition/scores" || die "the IKP score import failed"
fi

CSV="$OUT/runs.csv"
for page in $PAGES; do
    case $page in
        official) path="/ikp?edition=$edition&level=regency"; login=() ;;
        live) path="/ikp?edition=$edition&level=regency&source=live&$LIVE_PERIOD"; login=("$ADMIN_USER" "$ADMIN_PASSWORD") ;;
        *) die "unknown page $page (official, live)" ;;
    esac
    # one unmeasured load first: the JVM's first rendering of the page and its queries
    curl -s -o /dev/null "$BASE$path"
    log "$page: $path (exclusive lock)"
    flock -x "$LOCK" env NODE_DIR="$NODE_DIR" CHROMIUM="$CHROMIUM" \
        node "$BENCH_DIR/stats/map.mjs" "$BASE" "$path" "$RUNS" "$work/runs-$page.csv" "$OUT/requests-$page.json" "${login[@]}" >&2
    if [[ ! -f "$CSV" ]]; then
        sed -n 1p "$work/runs-$page.csv" | sed 's/^/page,/' >"$CSV"
    fi
    tail -n +2 "$work/runs-$page.csv" | sed "s/^/$page,/" >>"$CSV"
done
stop_group "$pid"

# ---------------------------------------------------------------- summary

# col PAGE VIEWPORT CACHE COLUMN-NAME: that column's values
col() {
    awk -F, -v p="$1" -v v="$2" -v c="$3" -v name="$4" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) k = i; next }
        $1 == p && $2 == v && $3 == c { print $k }' "$CSV"
}
kb() { awk '{ printf "%.1f\n", $1 / 1024 }'; }

{
    echo
    echo "Pantau IKP map (/ikp, regencies) in headless Chromium"
    machine_summary
    echo "measured: $JAR; database $DB; $(awk -F, 'NR == 2 { print "Chromium " $NF }' "$CSV")"
    echo
    LABEL_WIDTH=64
    table_header "what"
    for page in $PAGES; do
        for vp in desktop phone; do
            for cache in cold warm; do
                row "$page $vp $cache: navigation -> 514 drawn (data-ready)" ms $(col "$page" "$vp" "$cache" ready_ms)
                row "$page $vp $cache: -> next frame painted" ms $(col "$page" "$vp" "$cache" painted_ms)
                row "$page $vp $cache: load event" ms $(col "$page" "$vp" "$cache" load_ms)
                row "$page $vp $cache: requests" n $(col "$page" "$vp" "$cache" requests)
                row "$page $vp $cache: over the wire (compressed)" KiB $(col "$page" "$vp" "$cache" wire_bytes | kb)
                row "$page $vp $cache: decoded" KiB $(col "$page" "$vp" "$cache" body_bytes | kb)
                for kind in document script stylesheet geojson data; do
                    row "$page $vp $cache:   $kind wire" KiB $(col "$page" "$vp" "$cache" "${kind}_wire" | kb)
                    row "$page $vp $cache:   $kind decoded" KiB $(col "$page" "$vp" "$cache" "${kind}_body" | kb)
                done
                row "$page $vp $cache: regions coloured" n $(col "$page" "$vp" "$cache" coloured)
            done
        done
    done
    echo
    echo "raw figures: $OUT"
} | tee "$OUT/summary.txt"
