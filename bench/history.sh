#!/usr/bin/env bash
# The household history's cost per night (issue #10): a generated province, then
# nights made by `generate --evolve` (about 1 % of households change each night),
# run one after the other against one warehouse. Prints, per night, the early-warning
# stage (hashing, comparing, flows, alerts) and its steps, the time writing the history inside the
# publish transaction, and what each table of the warehouse grew by (sqlite3 dbstat);
# then one HISTORY line per night with the two figures of issue #10's aim: the seconds
# storing the night's history took (early warning stage + writing) and the MB it added
# to the household tables (the night's figures in indicator_values are listed apart).
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

sizes() {  # table → bytes, one per line, sorted by name in byte order (for join)
    sqlite3 "$work/warehouse.sqlite" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name" | LC_ALL=C sort
}

# The household history's own tables (the early warning's part of the warehouse).
history_tables='^(household_|hard_signals|alerts|sqlite_autoindex_household_)'

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
    grep -E "early warning|household history|stage warehouse|published" "$log" | sed 's/^/  /'
    current_sizes=$(sizes)
    file=$(stat -c %s "$work/warehouse.sqlite")
    wal=$(stat -c %s "$work/warehouse.sqlite-wal" 2>/dev/null || echo 0)
    echo "  warehouse file $file bytes, -wal $wal bytes"
    warning=$(sed -nE 's/.*stage early warning: ([0-9.]+) s.*/\1/p' "$log")
    writing=$(sed -nE 's/.*household history: .*, ([0-9.]+) s$/\1/p' "$log")
    if [[ -n $previous_sizes ]]; then
        grown=$(LC_ALL=C join -t '|' -a 2 -e 0 -o 0,1.2,2.2 <(echo "$previous_sizes") <(echo "$current_sizes"))
        echo "$grown" | awk -F '|' '$3 != $2 { printf "  grew %-40s %+10.1f MB\n", $1, ($3 - $2) / 1e6 }'
        history_mb=$(echo "$grown" | awk -F '|' -v tables="$history_tables" \
            '$1 ~ tables { sum += $3 - $2 } END { printf "%.1f", sum / 1e6 }')
        echo "  HISTORY night $night: storing it took $(awk -v a="$warning" -v b="$writing" 'BEGIN { printf "%.2f", a + b }') s" \
            "(early warning stage $warning s + writing $writing s); it added $history_mb MB to the household tables" \
            "(file $(awk -v a="$file" -v b="$previous_file" 'BEGIN { printf "%+.1f", (a - b) / 1e6 }') MB in all)"
    fi
    previous_file=$file
    previous_sizes=$current_sizes
done
[[ $data == "$base" ]] || rm -rf "$data"
echo "work folder: $work (remove it when done)"
