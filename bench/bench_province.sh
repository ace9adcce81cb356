#!/usr/bin/env bash
# The whole-province benchmark: 17,000,000 persons (generated once into
# bench/cache/p17000000), 2 threads; the DuckDB comparison only with BENCH_DUCKDB=1.
#
#   make bench-province
#   BENCH_DUCKDB=1 make bench-province
#
# Same measurements and RESULTS.md section as bench/bench.sh, which it runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export BENCH_SIZES=${BENCH_PROVINCE_PERSONS:-17000000}
export BENCH_THREADS=2
export BENCH_DUCKDB=${BENCH_DUCKDB:-0}
export BENCH_RUNS=${BENCH_RUNS:-1}
export BENCH_TITLE=${BENCH_TITLE:-"bench-province (${BENCH_SIZES} persons)"}

# About 150-200 bytes of feeds per person, and the outputs: check the disk before generating.
cache=${BENCH_CACHE:-bench/cache}
mkdir -p "$cache"
if [[ ! -f $cache/p$BENCH_SIZES/.complete ]]; then
    need_kb=$(( BENCH_SIZES * 300 / 1024 ))
    free_kb=$(df -Pk "$cache" | awk 'NR == 2 { print $4 }')
    if [[ -n $free_kb && $free_kb -lt $need_kb ]]; then
        printf '[bench] error: %s has %d MB free; generating %d persons needs about %d MB\n' \
            "$cache" $(( free_kb / 1024 )) "$BENCH_SIZES" $(( need_kb / 1024 )) >&2
        exit 1
    fi
fi

exec bash bench/bench.sh
