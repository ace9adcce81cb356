#!/usr/bin/env bash
# The household history's cost per night (issue #10): a generated province, then
# nights made by `generate --evolve` (about 1 % of households change each night),
# run one after the other against one warehouse. Prints, per night, the early-warning
# stage (hashing, comparing, flows, alerts), the time writing the history inside the
# publish transaction, and what each table of the warehouse grew by (sqlite3 dbstat).
#
#   make bench-history                        # 17,000,000 persons, 3 nights
#   BENCH_HISTORY_PERSONS=5000000 BENCH_HISTORY_NIGHTS=3 make bench-history
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

persons=${BENCH_HISTORY_PERSONS:-17000000}
nights=${BENCH_HISTORY_NIGHTS:-3}
bin=.build/release/bottomline
cache=${BENCH_CACHE:-bench/cache}
work=${BENCH_HISTORY_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/bench-history.XXXXXX")}
export BOTTOMLINE_HOUSEHOLD_KEY=$work/household.key

base=$cache/p$persons
if [[ ! -f $base/.complete ]]; then
    mkdir -p "$cache"
    echo "[bench] generating $persons persons into $base" >&2
    "$bin" generate --persons "$persons" --seed 20261129 --out "$base" --date 2026-11-27
    touch "$base/.complete"
fi

sizes() {  # table → bytes, one per line
    sqlite3 "$work/warehouse.sqlite" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY name"
}

data=$base
previous_sizes=""
for ((night = 1; night <= nights; night++)); do
    date=$(date -u -d "2026-11-27 + $((night - 1)) days" +%F)
    if ((night > 1)); then
        next=$work/n$night
        "$bin" generate --evolve "$data" --out "$next" --date "$date" 2>&1 | sed 's/^/[bench] /' >&2
        [[ $data == "$base" ]] || rm -rf "$data"
        data=$next
    fi
    log=$work/run-$night.log
    "$bin" run --data "$data" --date "$date" --out "$work/out" --warehouse "$work/warehouse.sqlite" --threads 2 2> "$log"
    echo "night $night ($date):"
    grep -E "stage early warning|household history|stage warehouse|published" "$log" | sed 's/^/  /'
    current_sizes=$(sizes)
    wal=$(stat -c %s "$work/warehouse.sqlite-wal" 2>/dev/null || echo 0)
    echo "  warehouse file $(stat -c %s "$work/warehouse.sqlite") bytes, -wal $wal bytes"
    if [[ -n $previous_sizes ]]; then
        join -t '|' <(echo "$previous_sizes") <(echo "$current_sizes") |
            awk -F '|' '$3 != $2 { printf "  grew %-28s %+10.1f MB\n", $1, ($3 - $2) / 1e6 }'
    fi
    previous_sizes=$current_sizes
done
[[ $data == "$base" ]] || rm -rf "$data"
echo "work folder: $work (remove it when done)"
