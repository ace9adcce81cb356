#!/usr/bin/env bash
# `make bench-scale`: the measured figures of docs/scale.md. Generates SCALE_PERSONS persons
# (one province, or the provinces SCALE_PROVINCES), runs them once whole, as SCALE_SHARDS
# shards and as a shard of one county (one thread each, as on one core of a node), merges the
# partials, then merges synthetic partials of SCALE_MERGE_VILLAGES villages
# (bench/synthetic_partials.py) in SCALE_SHARDS and in 24 partials. Every run uses
# Pipelines/guizhou.yaml without early_warning: (the merge computes none). Prints per run its wall and
# CPU time, peak memory (/usr/bin/time) and output size, with the persons and villages it owned.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${BIN:-.build/release/bottomline}
persons=${SCALE_PERSONS:-2000000}
provinces=${SCALE_PROVINCES:-}
merge_villages=${SCALE_MERGE_VILLAGES:-500000}
shards=${SCALE_SHARDS:-4}
date=2026-11-28
work=$(mktemp -d "${TMPDIR:-/tmp}/bottomline-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The province's pipeline without its early_warning: section, for every run here: merge computes
# no household history, so the whole run it is compared with must not either (as make test-slurm).
pipeline=$work/pipeline.yaml
awk '/^early_warning:/ { skip = 1; next } skip && /^[^ #]/ { skip = 0 } !skip' Pipelines/guizhou.yaml > "$pipeline"

echo "bench-scale: $persons persons${provinces:+ over provinces $provinces}, $shards shards; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
"$bin" generate ${provinces:+--provinces "$provinces"} --persons "$persons" --seed 7 --out "$work/feeds" >/dev/null 2>&1
feeds_mb=$(du -sm "$work/feeds" | cut -f1)
villages_total=$(($(wc -l < "$work/feeds/villages.csv") - 1))
echo "feeds: $feeds_mb MB, $villages_total villages"

# Persons (by household) and villages of each shard: county code mod shards (docs/partials.md).
count_by_shard() { # FILE COLUMN → "shard count" lines
    awk -F, -v column="$2" -v shards="$shards" \
        'NR > 1 { count[substr($column, 1, 6) % shards]++ } END { for (s in count) print s, count[s] }' "$1"
}
declare -A shard_persons shard_villages
lowest=$(awk -F, 'NR > 1 { print $3 }' "$work/feeds/regions.csv" | sort | head -n 1)
lowest_persons=$(awk -F, -v county="$lowest" 'NR > 1 && substr($2, 1, 6) == county' "$work/feeds/persons.csv" | wc -l)
lowest_villages=$(awk -F, -v county="$lowest" 'NR > 1 && $5 == county' "$work/feeds/villages.csv" | wc -l)
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
measure "shard of one county ($lowest), 1 thread" "$lowest_persons" "$lowest_villages" "$work/county" \
    "$bin" run --pipeline "$pipeline" --data "$work/feeds" --date "$date" --out "$work/county" \
    --counties "$lowest" --threads 1
measure "merge of the $shards shards" "$persons" "$villages_total" "$work/merged" \
    "$bin" merge --pipeline "$pipeline" --date "$date" --out "$work/merged" --partials "${partials[@]}"
cmp -s "$work/whole/indicators.csv" "$work/merged/indicators.csv" \
    || { echo "bench-scale: merged indicators.csv differs from the whole run's" >&2; exit 1; }
rm -rf "$work/whole" "$work/merged" "$work/county"

# A night too large to generate: its partials, written from shard 0's (figures only).
for count in "$shards" 24; do
    rm -rf "$work/synthetic" "$work/synthetic-night"
    python3 bench/synthetic_partials.py --template "$work/shards/0" --villages "$merge_villages" \
        --shards "$count" --out "$work/synthetic"
    synthetic=()
    for ((shard = 0; shard < count; shard++)); do synthetic+=("$work/synthetic/$shard"); done
    measure "merge of $merge_villages synthetic villages in $count partials" – "$merge_villages" \
        "$work/synthetic-night" "$bin" merge --pipeline "$pipeline" --date "$date" \
        --out "$work/synthetic-night" --partials "${synthetic[@]}"
done
echo
echo "The merged indicators.csv of the $shards shards is identical to the whole run's."
