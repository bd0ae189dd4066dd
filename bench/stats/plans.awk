# Condenses a plans-<size>.txt of bench/stats.sh (auto_explain output per endpoint) to one line per
# query: its duration, the query text's start, and each scan node with its rows and heap fetches.
# Queries under MIN_MS (default 1 ms: token, region and label look-ups) are left out.
#
#   awk -f bench/stats/plans.awk [-v MIN_MS=1] bench/results/stats-<time>/plans-10m.txt

BEGIN { if (MIN_MS == "") MIN_MS = 1 }

function flush() {
    if (duration != "" && duration + 0 >= MIN_MS) {
        printf "  %9.1f ms  %s\n", duration, substr(text, 1, 150)
        if (nodes != "") printf "%s", nodes
    }
    duration = ""; text = ""; nodes = ""; intext = 0
}

/^==== / { flush(); print ""; print substr($0, 6); next }

/ LOG:  duration: .* plan:/ {
    flush()
    match($0, /duration: [0-9.]+ ms/)
    duration = substr($0, RSTART + 10, RLENGTH - 13)
    next
}

/^\tQuery Text: / { text = substr($0, 14); intext = 1; next }

# continuation lines of the query text start with a tab and are not plan nodes
intext && /^\t/ && !/^\t[A-Z][A-Za-z ]+  \(cost=/ { line = $0; sub(/^\t */, " ", line); text = text line; next }

/^\t/ {
    intext = 0
    if ($0 ~ /(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan|Parallel Seq Scan)/ && $0 ~ /actual time/) {
        node = $0
        sub(/^\t *(->)? */, "", node)
        sub(/  \(cost=[^)]*\)/, "", node)
        nodes = nodes "              " node "\n"
    } else if ($0 ~ /Heap Fetches: [1-9]/ || $0 ~ /JIT:/ || $0 ~ /Sort Method: external/ || $0 ~ /Workers Launched/) {
        line = $0; sub(/^\t */, "", line)
        nodes = nodes "                " line "\n"
    }
}

END { flush() }
