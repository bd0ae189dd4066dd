#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR disable=SC2046,SC2154 # rows split numbers on purpose; lib.sh sets variables by name
# How long the V3 migration takes to load the 91,599 official regions, against plain COPY.
#
#   bench/region-load.sh             # from the repository root
#
# Each run:
#   embedded - starts the jar with the dev profile on an empty temp data directory (embedded
#              PostgreSQL 17, fsync off) and reads "Loaded 91599 official regions in N ms";
#              while it is up, times psql's \copy of the same rows into a scratch database on
#              that same server
#   external - creates a fresh database on the external server (default the machine's
#              PostgreSQL at 127.0.0.1:5432, user postgres), starts the jar in the production
#              profile against it, reads the same log line, stops it, times psql's \copy into a
#              scratch schema there, and drops the database
# The \copy baseline loads the rows the migration itself wrote (exported once with
# COPY (select ...) TO) into the table DDL read from db/migration/region/V2__region.sql, inside a
# transaction like Flyway's, so it costs what the migration's COPY statement costs; the
# difference is the loader's Java side (reading and checking the CSVs, building the rows).
# The migration adds the parent_code foreign key after its COPY; "full" does the same. Variants
# show where the time goes: the foreign key declared in the table instead (checked row by row
# during COPY, as the loader did at first), no foreign key at all, no GIN full-text index, and a
# bare table (six text columns: no generated tsvector, keys, checks or indexes).
#
# Environment: RUNS (5), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (needed
# unless the server trusts local connections), PORT_BASE (18080), JAVA_OPTS, REBUILD=1,
# BENCH_RESULTS (bench/results). Needs psql, createdb and dropdb on the PATH.

# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
# production needs a data key; a throwaway one for the benchmark databases
BENCH_DATA_KEY=$(head -c 32 /dev/urandom | base64)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DDL="$REPO_DIR/src/main/resources/db/migration/region/V2__region.sql"

for tool in psql createdb dropdb curl; do
    command -v "$tool" >/dev/null || die "$tool is not on the PATH"
done
[[ -f "$DDL" ]] || die "no $DDL"
psql -XAtq -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
pick_java
ensure_jar
results_dir OUT region-load
PORT=$(free_port "${PORT_BASE:-18080}")
READY_URL="http://127.0.0.1:$PORT/actuator/health/readiness"
CSV="$OUT/runs.csv"
echo "server,run,loader_ms,copy_full_ms,copy_fk_during_ms,copy_no_fk_ms,copy_no_gin_ms,copy_bare_ms,ready_ms,loadavg1" >"$CSV"
work=
new_temp_dir work
ROWS="$work/regions.csv"

# server_settings ARGS...: the settings that matter for a bulk load, one line
server_settings() {
    psql -XAtq "$@" -d postgres -c "select string_agg(name || '=' || current_setting(name), ' ' order by name)
        from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'maintenance_work_mem',
        'max_wal_size', 'wal_level', 'full_page_writes')"
}

export_rows() { # export_rows PSQL-CONNECTION-ARGS...: the loaded rows, in hierarchy order
    psql -XAtq -v ON_ERROR_STOP=1 "$@" -c "\\copy (select code, parent_code, level, name, search_name, time_zone
        from region order by length(code), code) to '$ROWS' with (format csv)"
    local n
    n=$(wc -l <"$ROWS")
    [[ "$n" -eq 91599 ]] || die "exported $n rows, expected 91599"
}

# copy_ms VARIANT PSQL-CONNECTION-ARGS...: creates schema bench_copy with a region table, times
# \copy of $ROWS into it inside a transaction, then adds the parent_code foreign key as V3 does
# (the sum is printed), drops the schema. Variants: full (the V2 DDL, FK added after: what the
# migration runs), fk_during (FK declared in the table, checked during the COPY), no_fk (no FK at
# all), no_gin (without the full-text index, FK after), bare (six text columns, nothing else).
copy_ms() {
    local variant=$1
    shift
    local ddl after='alter table region add foreign key (parent_code) references region (code);'
    case $variant in
        full | no_fk) ddl=$(cat "$DDL") ;;
        fk_during) ddl=$(sed -E 's/^(    parent_code +text collate "C"),/\1 references region (code),/' "$DDL") ;;
        no_gin) ddl=$(grep -v 'using gin' "$DDL") ;;
        bare) ddl='create table region (code text, parent_code text, level text, name text, search_name text, time_zone text);' ;;
    esac
    [[ "$variant" == full || "$variant" == no_fk || "$ddl" != "$(cat "$DDL")" ]] \
        || die "V2__region.sql changed: cannot derive the $variant table; update bench/region-load.sh"
    [[ "$variant" == fk_during || "$variant" == no_fk || "$variant" == bare ]] && after=""
    psql -XAq -v ON_ERROR_STOP=1 "$@" >"$work/copy.out" 2>&1 <<SQL || { cat "$work/copy.out" >&2; die "\\copy into $variant failed"; }
drop schema if exists bench_copy cascade;
create schema bench_copy;
set search_path = bench_copy;
$ddl
\\set ON_ERROR_STOP off
checkpoint;
\\set ON_ERROR_STOP on
begin;
\\timing on
\\copy region (code, parent_code, level, name, search_name, time_zone) from '$ROWS' with (format csv)
$after
\\timing off
commit;
drop schema bench_copy cascade;
SQL
    sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' "$work/copy.out" | awk '{ t += $1 } END { if (NR) printf "%d\n", t }'
}

VARIANTS=(full fk_during no_fk no_gin bare)

copy_all() { # copy_all PSQL-ARGS...: the milliseconds of each of VARIANTS, space-separated
    local variant out=()
    for variant in "${VARIANTS[@]}"; do out+=("$(copy_ms "$variant" "$@")"); done
    echo "${out[*]}"
}

log "results in $OUT; external server $PGHOST:$PGPORT ($(psql -XAtq -d postgres -c 'show server_version'))"
EXTERNAL_SETTINGS=$(server_settings)
EMBEDDED_SETTINGS=
EMBEDDED_VERSION=

for ((i = 1; i <= RUNS; i++)); do
    # ---- external server, production profile
    db="pantau_bench_$$_$i"
    CLEANUP_DBS+=("$db")
    createdb "$db"
    load=$(loadavg1)
    logfile="$OUT/external-$i.log"
    t0=$(now_ms)
    start_group pid "$logfile" env PANTAU_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" PANTAU_DB_USER="$PGUSER" \
        PANTAU_DB_PASSWORD="${PGPASSWORD:-unused-with-trust-auth}" PANTAU_BOOTSTRAP_ADMIN_USERNAME=benchadmin \
        PANTAU_BOOTSTRAP_ADMIN_PASSWORD=bench-password-not-for-use PANTAU_DATA_KEY="$BENCH_DATA_KEY" PORT="$PORT" \
        "$JAVA" "${JOPTS[@]}" -jar "$JAR"
    wait_ready "$pid" "$READY_URL" || { tail -30 "$logfile" >&2; die "external run $i failed (log: $logfile)"; }
    ready=$(($(now_ms) - t0))
    stop_group "$pid"
    [[ -f "$ROWS" ]] || export_rows -d "$db"
    read -r full fk_during no_fk no_gin bare < <(copy_all -d "$db")
    [[ -n "${bare:-}" ]] || die "the \\copy baseline failed"
    dropdb "$db"
    forget CLEANUP_DBS "$db"
    echo "external,$i,$(regions_loaded_ms "$logfile"),$full,$fk_during,$no_fk,$no_gin,$bare,$ready,$load" >>"$CSV"
    log "external #$i: loader $(regions_loaded_ms "$logfile") ms, \\copy $full ms (FK during $fk_during, no FK $no_fk, no GIN $no_gin, bare $bare)"

    # ---- embedded server, dev profile
    data="$work/data-$i"
    CLEANUP_PGDATA+=("$data/postgres")
    load=$(loadavg1)
    logfile="$OUT/embedded-$i.log"
    t0=$(now_ms)
    start_group pid "$logfile" env PANTAU_DATA_DIR="$data" PORT="$PORT" \
        "$JAVA" "${JOPTS[@]}" -jar "$JAR" --spring.profiles.active=dev
    wait_ready "$pid" "$READY_URL" || { tail -30 "$logfile" >&2; die "embedded run $i failed (log: $logfile)"; }
    ready=$(($(now_ms) - t0))
    pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
    embedded=(-h 127.0.0.1 -p "$pgport" -U postgres)
    if [[ -z "$EMBEDDED_SETTINGS" ]]; then
        EMBEDDED_SETTINGS=$(PGPASSWORD=postgres server_settings "${embedded[@]}")
        EMBEDDED_VERSION=$(PGPASSWORD=postgres psql -XAtq "${embedded[@]}" -d postgres -c 'show server_version')
    fi
    PGPASSWORD=postgres psql -XAtq "${embedded[@]}" -d postgres -c 'create database bench_copy' >/dev/null
    read -r full fk_during no_fk no_gin bare < <(PGPASSWORD=postgres copy_all "${embedded[@]}" -d bench_copy)
    [[ -n "${bare:-}" ]] || die "the \\copy baseline failed"
    stop_group "$pid"
    stop_orphan_postgres "$data/postgres"
    rm -rf "$data"
    echo "embedded,$i,$(regions_loaded_ms "$logfile"),$full,$fk_during,$no_fk,$no_gin,$bare,$ready,$load" >>"$CSV"
    log "embedded #$i: loader $(regions_loaded_ms "$logfile") ms, \\copy $full ms (FK during $fk_during, no FK $no_fk, no GIN $no_gin, bare $bare)"
done

# ---------------------------------------------------------------- summary

col() { awk -F, -v k="$1" -v c="$2" 'NR > 1 && $1 == k && $c != "" { print $c }' "$CSV"; }
diff_col() { awk -F, -v k="$1" 'NR > 1 && $1 == k && $3 != "" && $4 != "" { print $3 - $4 }' "$CSV"; }

{
    echo
    echo "Pantau region load: V3__LoadOfficialRegions against psql \\copy of the same 91,599 rows"
    machine_summary
    echo "external: PostgreSQL $(psql -XAtq -d postgres -c 'show server_version') at $PGHOST:$PGPORT; $EXTERNAL_SETTINGS"
    echo "embedded: PostgreSQL $EMBEDDED_VERSION (zonky); $EMBEDDED_SETTINGS"
    echo "load avg (1 min) before each run: $(awk -F, 'NR > 1 { printf "%s ", $10 }' "$CSV")"
    echo
    table_header "what"
    for server in external embedded; do
        row "$server: migration 'Loaded 91599 official regions in'" ms $(col $server 3)
        row "$server: \\copy into the V2 table, then add the FK (as V3)" ms $(col $server 4)
        row "$server:   loader minus \\copy (Java side)" ms $(diff_col $server)
        row "$server: \\copy, FK declared in the table (checked per row)" ms $(col $server 5)
        row "$server: \\copy, no FK at all" ms $(col $server 6)
        row "$server: \\copy, no GIN index (FK after)" ms $(col $server 7)
        row "$server: \\copy, bare table (text columns only)" ms $(col $server 8)
    done
    row "external: first start (production profile) -> ready" ms $(col external 9)
    row "embedded: first start (dev profile) -> ready" ms $(col embedded 9)
    echo
    echo "raw figures and logs: $OUT"
} | tee "$OUT/summary.txt"
