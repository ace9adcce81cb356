#!/usr/bin/env bash
# Fuzzes the feed reader and loader, the pipeline file (YAML, expressions,
# compiler) and the output writers with libFuzzer for SECONDS (default 60).
#   bash fuzz/run.sh [SECONDS] [debug|release]      (or: make fuzz SECONDS=…)
# The target (fuzz/Target, product BottomlineFuzz) is built through the package
# with -sanitize=fuzzer, in its own build folder (.build/fuzz-CONFIG), so it
# always compiles against the current code. Seeds: fuzz/corpus/ (committed).
# Inputs found while fuzzing: .build/fuzz-corpus/ (or FUZZ_WORK_CORPUS). Crashes and broken
# invariants are saved in fuzz/findings/ (git-ignored); replay one with the
# plain build: .build/debug/BottomlineFuzz fuzz/findings/<file>
set -euo pipefail
SECONDS_TO_RUN="${1:-60}"
CONFIG="${2:-release}"
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"
BUILD=".build/fuzz-$CONFIG"
WORK_CORPUS="${FUZZ_WORK_CORPUS:-.build/fuzz-corpus}"
mkdir -p "$WORK_CORPUS" fuzz/findings
echo "fuzz: building BottomlineFuzz ($CONFIG) with -sanitize=fuzzer…" >&2
if ! "$SWIFT" build -c "$CONFIG" --build-path "$BUILD" --product BottomlineFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -enable-testing >&2; then
    # No libFuzzer in this toolchain: the same target's own mutator (not coverage-guided)
    # replays fuzz/corpus and mutates it for the same time, so `make fuzz` still fuzzes.
    echo "fuzz: the libFuzzer build failed; running the package's BottomlineFuzz mutator instead" >&2
    "$SWIFT" build --product BottomlineFuzz >&2
    SCRATCH="$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp )/fuzz-bottomline.XXXXXX")"
    trap 'rm -rf "$SCRATCH"' EXIT
    TMPDIR="$SCRATCH" "$("$SWIFT" build --show-bin-path)/BottomlineFuzz" fuzz/corpus --seconds "$SECONDS_TO_RUN"
    exit $?
fi
BINARY="$("$SWIFT" build -c "$CONFIG" --build-path "$BUILD" --show-bin-path)/BottomlineFuzz"
# The target writes each input as a feed file: keep those in memory and clean up after.
SCRATCH="$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp )/fuzz-bottomline.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
echo "fuzz: running for ${SECONDS_TO_RUN} s; findings go to fuzz/findings/" >&2
status=0
SWIFT_BACKTRACE=enable=no TMPDIR="$SCRATCH" "$BINARY" "$WORK_CORPUS" fuzz/corpus \
    -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz/findings/ -print_final_stats=1 || status=$?
if [ "$status" -ne 0 ]; then
    echo "fuzz: the fuzzer stopped on a finding (exit $status); see fuzz/findings/ and the report above" >&2
fi
exit "$status"
