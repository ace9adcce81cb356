#!/usr/bin/env bash
# Fuzzes the Ingest reader and feed loader with libFuzzer for SECONDS (default 60).
#   bash fuzz/run.sh [SECONDS]        (or: make fuzz SECONDS=…)
# Seeds: fuzz/corpus/ (committed). Inputs found while fuzzing: .build/fuzz/corpus/.
# Crashes, broken accounting and chunked-vs-sequential differences are saved in
# fuzz/findings/ (git-ignored); replay one with:
#   SWIFT_BACKTRACE=enable=no .build/fuzz/fuzz-ingest fuzz/findings/<file>
set -euo pipefail
SECONDS_TO_RUN="${1:-60}"
cd "$(dirname "$0")/.."
SWIFTC="${SWIFTC:-swiftc}"
OUT=.build/fuzz
mkdir -p "$OUT/corpus" fuzz/findings
mapfile -t SOURCES < <(find Sources/Ingest -name '*.swift' | sort)
echo "fuzz: compiling Sources/Ingest (${#SOURCES[@]} files) with fuzz/FuzzIngest.swift…" >&2
LINKER=()
if command -v ld.lld >/dev/null 2>&1 || [ -x "$(dirname "$(command -v "$SWIFTC")")/ld.lld" ]; then LINKER=(-use-ld=lld); fi
"$SWIFTC" -sanitize=fuzzer,address -parse-as-library -O "${LINKER[@]}" -module-name Ingest \
    "${SOURCES[@]}" fuzz/FuzzIngest.swift -o "$OUT/fuzz-ingest"
# The target writes each input as a feed file: keep those in memory and clean up after.
SCRATCH="$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp )/fuzz-ingest.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
echo "fuzz: running for ${SECONDS_TO_RUN} s; findings go to fuzz/findings/" >&2
status=0
SWIFT_BACKTRACE=enable=no TMPDIR="$SCRATCH" "$OUT/fuzz-ingest" "$OUT/corpus" fuzz/corpus \
    -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz/findings/ -print_final_stats=1 || status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzz: the fuzzer stopped on a finding (exit $status); see fuzz/findings/ and the report above" >&2
fi
exit "$status"
