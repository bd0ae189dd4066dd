#!/usr/bin/env bash
# Runs every benchmark in turn (about 10 minutes on 2 cores): bench/startup.sh,
# bench/region-load.sh, bench/memory.sh. Their environment variables apply.
set -euo pipefail
cd "$(dirname "$0")"
./startup.sh
./region-load.sh
./memory.sh
