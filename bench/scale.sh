#!/usr/bin/env bash
# `make bench-scale`: the measured figures of docs/scale.md. Generates SCALE_PERSONS persons
# over the provinces SCALE_PROVINCES, runs them once whole and as SCALE_SHARDS shards (one
# thread each, as one core of a node would), merges the partials, and prints per run its wall
# and CPU time, peak memory (/usr/bin/time) and output size, with the persons and villages
# it owned; then the figures per million persons and per village.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${BIN:-.build/release/bottomline}
persons=${SCALE_PERSONS:-2000000}
provinces=${SCALE_PROVINCES:-52,53}
shards=${SCALE_SHARDS:-4}
pipeline=Pipelines/guizhou.yaml
date=2026-11-28
work=$(mktemp -d "${TMPDIR:-/tmp}/bottomline-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "bench-scale: $persons persons over provinces $provinces, $shards shards; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bin" generate --provinces "$provinces" --persons "$persons" --seed 7 --out "$work/feeds" >/dev/null 2>&1
feeds_mb=$(du -sm "$work/feeds" | cut -f1)
villages_total=$(($(wc -l < "$work/feeds/villages.csv") - 1))
echo "feeds: $feeds_mb MB, $villages_total villages"

# Persons (by household) and villages of each shard: county code mod shards (docs/partials.md).
count_by_shard() { # FILE COLUMN → "shard count" lines
    awk -F, -v column="$2" -v shards="$shards" \
        'NR > 1 { count[substr($column, 1, 6) % shards]++ } END { for (s in count) print s, count[s] }' "$1"
}
declare -A shard_persons shard_villages
while read -r shard count; do shard_persons[$shard]=$count; done < <(count_by_shard "$work/feeds/persons.csv" 2)
while read -r shard count; do shard_villages[$shard]=$count; done < <(count_by_shard "$work/feeds/villages.csv" 5)

printf '\n| run | persons | villages | wall s | CPU s | peak RSS MB | output MB |\n|---|---:|---:|---:|---:|---:|---:|\n'
# measure NAME PERSONS VILLAGES OUTPUT_DIR COMMAND...: one table row.
measure() {
    local name=$1 owned_persons=$2 owned_villages=$3 output=$4 wall user system rss
    shift 4
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/log.txt" \
        || { cat "$work/log.txt" >&2; echo "bench-scale: $name failed" >&2; exit 1; }
    read -r wall user system rss < "$work/time.txt"
    awk -v name="$name" -v p="$owned_persons" -v v="$owned_villages" -v wall="$wall" -v cpu="$user + $system" \
        -v rss="$rss" -v out="$(du -sk "$output" | cut -f1)" 'BEGIN {
            split(cpu, t, " + "); printf "| %s | %s | %s | %.2f | %.2f | %.0f | %.1f |\n", name, p, v, wall, t[1] + t[2], rss / 1024, out / 1024 }' 
}

measure "whole run, 1 thread" "$persons" "$villages_total" "$work/whole" \
    "$bin" run --pipeline "$pipeline" --data "$work/feeds" --date "$date" --out "$work/whole" --threads 1
partials=()
for ((shard = 0; shard < shards; shard++)); do
    measure "shard $shard of $shards, 1 thread" "${shard_persons[$shard]:-0}" "${shard_villages[$shard]:-0}" \
        "$work/shards/$shard" "$bin" run --pipeline "$pipeline" --data "$work/feeds" --date "$date" \
        --out "$work/shards/$shard" --shard-of "$shards" --shard "$shard" --threads 1
    partials+=("$work/shards/$shard")
done
measure "merge of $shards partials" "$persons" "$villages_total" "$work/merged" \
    "$bin" merge --pipeline "$pipeline" --date "$date" --out "$work/merged" --partials "${partials[@]}"
cmp -s "$work/whole/indicators.csv" "$work/merged/indicators.csv" \
    && echo "merged indicators.csv: identical to the whole run's" \
    || { echo "bench-scale: merged indicators.csv differs from the whole run's" >&2; exit 1; }
