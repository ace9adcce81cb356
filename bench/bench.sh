#!/usr/bin/env bash
# Times `bottomline run` on synthetic provinces and checks its figures against
# the DuckDB reference; appends a dated section to bench/RESULTS.md.
#
#   make bench                          (builds .build/release/bottomline, then runs this)
#   BENCH_SIZES="1000000" bash bench/bench.sh
#
# Settings (environment):
#   BENCH_SIZES     persons per synthetic province       default "1000000 5000000"
#   BENCH_THREADS   thread counts to time                 default "1 2"
#   BENCH_RUNS      runs of each tool per size and thread count, taking turns;
#                   RESULTS.md reports the fastest        default 3
#   BENCH_DUCKDB    auto: run the reference when the duckdb package is importable;
#                   1: required; 0: skip                  default auto
#   BENCH_REFERENCE_TESTS  1: run the reference's pytest tests first; 0: skip   default 1
#   BENCH_DATE      reference date                        default 2026-11-28
#   BENCH_TITLE     heading of the RESULTS.md section     default "bench"
#   BENCH_BIN, BENCH_PIPELINE, BENCH_CACHE, BENCH_OUT, BENCH_RESULTS: paths
#   (defaults .build/release/bottomline, Pipelines/guizhou.yaml, bench/cache, bench/out, bench/RESULTS.md)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES=${BENCH_SIZES:-"1000000 5000000"}
THREADS=${BENCH_THREADS:-"1 2"}
RUNS=${BENCH_RUNS:-3}
DUCKDB_MODE=${BENCH_DUCKDB:-auto}
DATE=${BENCH_DATE:-2026-11-28}
TITLE=${BENCH_TITLE:-bench}
BIN=${BENCH_BIN:-.build/release/bottomline}
PIPELINE=${BENCH_PIPELINE:-Pipelines/guizhou.yaml}
CACHE=${BENCH_CACHE:-bench/cache}
OUT=${BENCH_OUT:-bench/out}
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}
SEED=7
FEEDS="regions villages households persons education medical_insurance housing water employment social_assistance"

say() { printf '[bench] %s\n' "$*" >&2; }
fail() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

# ---- preconditions ---------------------------------------------------------

for n in $SIZES; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || fail "BENCH_SIZES must be whole numbers of persons, got '$n'"
done
for t in $THREADS; do
    [[ $t =~ ^[1-9][0-9]*$ ]] || fail "BENCH_THREADS must be whole numbers, got '$t'"
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a whole number of runs, got '$RUNS'"
[[ -x $BIN ]] || fail "$BIN is missing: run 'make bench' (it builds the release binary first)"
[[ -f $PIPELINE ]] || fail "pipeline file $PIPELINE is missing"
command -v python3 >/dev/null || fail "python3 is needed for the measurements"
"$BIN" run --help >/dev/null 2>&1 || fail "$BIN has no working 'run' command yet"

if [[ ! -x /usr/bin/time ]]; then
    say "/usr/bin/time is missing: installing the Debian package 'time'"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    fi
    [[ -x /usr/bin/time ]] || fail "could not install /usr/bin/time: run 'apt-get install time' as root"
fi

case $DUCKDB_MODE in
    0) RUN_DUCKDB=0 ;;
    1) python3 -c 'import duckdb' 2>/dev/null \
           || fail "BENCH_DUCKDB=1 but the duckdb Python package is missing: pip install duckdb"
       RUN_DUCKDB=1 ;;
    auto) if python3 -c 'import duckdb' 2>/dev/null; then RUN_DUCKDB=1; else
              RUN_DUCKDB=0; say "duckdb Python package not found: skipping the reference (pip install duckdb)"; fi ;;
    *) fail "BENCH_DUCKDB must be auto, 0 or 1, got '$DUCKDB_MODE'" ;;
esac

# The reference is checked against its hand-worked figures before it judges anyone
# (bench/test_*.py: the engine's fixture, the tiny folder, a second reading in Python).
if [[ $RUN_DUCKDB -eq 1 ]] && [[ ${BENCH_REFERENCE_TESTS:-1} -eq 1 ]]; then
    python3 -c 'import pytest' 2>/dev/null || fail "pytest is missing: pip install pytest (or BENCH_REFERENCE_TESTS=0)"
    say "checking the DuckDB reference: python3 -m pytest bench"
    python3 -m pytest -q bench >&2 || fail "the DuckDB reference fails its own tests (python3 -m pytest bench)"
fi

# The reference must use the pipeline's monitoring line.
LINE=$(sed -n 's/^[[:space:]]*monitoring_line:[[:space:]]*\([0-9][0-9.]*\).*/\1/p' "$PIPELINE" | head -n 1)
LINE=${LINE:-7500}

mkdir -p "$CACHE" "$OUT"
LOAD=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
JSONL="$OUT/results-$(date +%Y%m%d-%H%M%S)-$$.jsonl"
: > "$JSONL"
DIFFERENT=0

# ---- data ------------------------------------------------------------------

# Generates the province of $1 persons into $CACHE/p$1 unless it is there.
ensure_data() {
    local n=$1 dir="$CACHE/p$1" partial="$CACHE/p$1.partial"
    if [[ -f $dir/.complete ]]; then
        local f stale=""
        for f in $FEEDS; do [[ -f $dir/$f.csv ]] || stale="$stale $f.csv"; done
        if [[ -z $stale ]]; then
            say "using cached $dir"
            return
        fi
        say "cached $dir lacks$stale (an older contract): generating it again"
    fi
    "$BIN" generate --help >/dev/null 2>&1 || fail "$BIN has no working 'generate' command yet"
    say "generating $n persons (seed $SEED) into $dir"
    rm -rf "$partial" "$dir"
    "$BIN" generate --persons "$n" --seed "$SEED" --out "$partial" \
        || fail "bottomline generate --persons $n failed"
    for f in $FEEDS; do
        [[ -f $partial/$f.csv ]] || fail "generate wrote no $f.csv into $partial"
    done
    mv "$partial" "$dir"
    touch "$dir/.complete"
}

# ---- runs ------------------------------------------------------------------

for n in $SIZES; do
    ensure_data "$n"
    data="$CACHE/p$n"
    say "p$n: $(du -sh "$data" | cut -f1) of feeds"
    for t in $THREADS; do
        # The tools take turns, so that a change of load on the shared machine hits both alike.
        for r in $(seq 1 "$RUNS"); do
            run="$OUT/p$n-t$t"
            rm -rf "$run"
            say "p$n: bottomline run --threads $t (run $r of $RUNS)"
            if ! /usr/bin/time -v -o "$run.time" "$BIN" run --pipeline "$PIPELINE" --data "$data" --out "$run" \
                    --date "$DATE" --threads "$t" >"$run.log" 2>&1; then
                tail -n 20 "$run.log" >&2
                fail "bottomline run failed on $data with --threads $t (log: $run.log)"
            fi
            [[ -f $run/run.json ]] || say "note: $run/run.json is missing: no stage times"
            python3 bench/bench_report.py record --results "$JSONL" --tool bottomline --data "$data" \
                --threads "$t" --time-file "$run.time" --run-json "$run/run.json" --log "$run.log"

            [[ $RUN_DUCKDB -eq 1 ]] || continue
            reference="$OUT/p$n-duckdb-t$t.csv"
            say "p$n: DuckDB reference --threads $t (run $r of $RUNS)"
            if ! /usr/bin/time -v -o "$reference.time" python3 bench/duckdb_reference.py "$data" "$DATE" "$reference" \
                    --threads "$t" --monitoring-line "$LINE" >"$reference.log" 2>&1; then
                tail -n 20 "$reference.log" >&2
                fail "the DuckDB reference failed on $data (log: $reference.log)"
            fi
            comparison=identical
            [[ -f $run/indicators.csv ]] || fail "bottomline wrote no $run/indicators.csv"
            # The early warning's flows depend on the warehouse's history: the catalogue's reference has none.
            if ! python3 bench/compare_indicators.py "$run/indicators.csv" "$reference" --regions "$data/regions.csv" \
                    --skip-prefix night_ --skip-prefix pending_clues_by_age >"$run.compare" 2>&1; then
                comparison=different
                DIFFERENT=1
                cat "$run.compare" >&2
                say "p$n threads $t: Bottomline and DuckDB DISAGREE (details: $run.compare)"
            else
                say "p$n threads $t: figures identical to DuckDB's"
            fi
            python3 bench/bench_report.py record --results "$JSONL" --tool duckdb --data "$data" \
                --threads "$t" --time-file "$reference.time" --duckdb-log "$reference.log" --comparison "$comparison"
        done
    done
done

# ---- report ----------------------------------------------------------------

[[ -f $RESULTS ]] || printf '# Benchmark results\n\nAppended by bench/bench.sh (see bench/README.md).\n\n' > "$RESULTS"
section=$(python3 bench/bench_report.py render --results "$JSONL" --title "$TITLE" \
    --note "\`bottomline run --date $DATE\` on \`bottomline generate --seed $SEED\` data; sizes: $SIZES; threads: $THREADS; $RUNS runs each; monitoring line $LINE for the reference; load average (1, 5, 15 min) when the bench started: $LOAD (other work on the machine slows every figure).")
printf '%s\n\n' "$section" >> "$RESULTS"
printf '%s\n' "$section"
say "appended to $RESULTS"
if [[ $DIFFERENT -ne 0 ]]; then
    fail "Bottomline's figures differ from the DuckDB reference (see above)"
fi
