#!/usr/bin/env bash
# `make test-slurm`: the Slurm deployment on a real single-node cluster on this machine.
#
#   deploy/slurm/test-cluster.sh PATH/TO/bottomline
#
# 1. installs slurm-wlm and munge when missing and starts munged, slurmctld and slurmd on
#    loopback, everything in a temporary folder (local-cluster.sh);
# 2. generates two provinces (Guizhou and Yunnan, real county codes, under a nation row) and
#    runs them once as one `bottomline run` (the reference);
# 3. submits the night with submit-night.sh as an array of 4 shards and the merge after it,
#    waits, and compares the merged indicators.csv and warehouse figures with the reference;
# 4. submits the night again into a new folder with shard 2 held before it starts (the
#    BOTTOMLINE_SHARD_HOOK of bottomline-shard.sbatch), cancels it with scancel while it
#    runs, checks that the merge was cancelled and nothing was published, reruns only shard
#    2 (submit-night.sh --only 2) and compares again; then merges once more alone (--merge-only).
# Daemons, jobs and the temporary folder are removed when it ends, failed or not.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repository=$(cd "$here/../.." && pwd)
bin=$(realpath "${1:?usage: test-cluster.sh PATH/TO/bottomline}")
provinces=52,53
date=2026-11-28
persons=${TEST_SLURM_PERSONS:-24000}
shards=4
held=2
# Two shards at a time on a two-core machine; every request well inside the node.
shard_sbatch="--cpus-per-task=1 --mem=1G --time=00:10:00"
merge_sbatch="--cpus-per-task=1 --mem=1G --time=00:10:00"

# shellcheck source=local-cluster.sh
source "$here/local-cluster.sh"

step() { printf 'test-slurm [%3ds] %s\n' "$SECONDS" "$*" >&2; }
fail() {
    local log
    echo "test-slurm: FAILED: $*" >&2
    for log in "$scratch"/night*/logs/*; do
        [ -f "$log" ] || continue
        echo "---- last lines of $log" >&2
        tail -n 15 "$log" >&2
    done
    [ -z "${CLUSTER_DIR:-}" ] || cluster_show_logs
    exit 1
}

scratch=
finish() {
    local status=$?
    trap - EXIT INT TERM
    cluster_stop
    [ -z "$scratch" ] || rm -rf "$scratch"
    if [ "$status" = 0 ]; then step "passed"; else echo "test-slurm: failed (exit $status)" >&2; fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cluster_install
scratch=$(mktemp -d /tmp/bottomline-test-slurm.XXXXXX)
# The province's pipeline with a nation above the two provinces (docs/pipeline.md, nation:),
# without its early_warning: section: merge computes no household history, so the single
# run it is compared with must not either.
pipeline=$scratch/two-provinces.yaml
{ awk '/^early_warning:/ { skip = 1; next } skip && /^[^ #]/ { skip = 0 } !skip' "$repository/Pipelines/guizhou.yaml"
  printf '\nnation:\n  name: 全国\n  provinces: [%s]\n' "'52', '53'"; } > "$pipeline"

step "generating provinces $provinces ($persons persons)"
"$bin" generate --provinces "$provinces" --persons "$persons" --out "$scratch/feeds" >/dev/null 2>"$scratch/generate.log" \
    || { cat "$scratch/generate.log" >&2; fail "generate failed"; }
step "the reference: one bottomline run over both provinces"
"$bin" run --pipeline "$pipeline" --data "$scratch/feeds" --date "$date" --threads 2 \
    --out "$scratch/single" --warehouse "$scratch/single.sqlite" 2>"$scratch/single.log" \
    || { cat "$scratch/single.log" >&2; fail "the single run failed"; }

step "starting munged, slurmctld and slurmd"
cluster_start "$scratch/cluster"

# submit-night.sh through the cluster's environment; prints shards=ID merge=ID.
submit() {
    cluster_env "$here/submit-night.sh" --bin "$bin" --pipeline "$pipeline" --data "$scratch/feeds" \
        --date "$date" --shards "$shards" --shard-sbatch "$shard_sbatch" --merge-sbatch "$merge_sbatch" "$@"
}

# The state of a job or array task as scontrol tells it (COMPLETED, CANCELLED, RUNNING, …).
state() {
    scontrol show job -o "$1" | head -n 1 | grep -o 'JobState=[A-Z_]*' | cut -d= -f2
}

queue_lacks() {
    [ -z "$(squeue -h -o %i -j "$1" 2>/dev/null)" ]
}

# expect_state JOB STATE [WHAT]
expect_state() {
    local actual
    actual=$(state "$1")
    [ "$actual" = "$2" ] || {
        scontrol show job "$1" >&2 || true
        fail "${3:-job $1} is $actual, expected $2"
    }
}

# Every figure of the warehouse's indicator_values, one line each, in a stable order.
warehouse_figures() {
    python3 - "$1" <<'PYTHON'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for row in db.execute("SELECT * FROM indicator_values ORDER BY run_date, level, code, indicator"):
    print("\t".join("" if v is None else str(v) for v in row))
PYTHON
}

# compare_with_reference WORK: the merged night against the single run, byte for byte.
compare_with_reference() {
    local night=$1/night
    [ -f "$night/indicators.csv" ] || fail "the merge published no $night/indicators.csv"
    cmp "$scratch/single/indicators.csv" "$night/indicators.csv" \
        || fail "merged indicators.csv differs from the single run's"
    [ "$(wc -l < "$night/indicators.csv")" -gt 100 ] || fail "indicators.csv is nearly empty"
    grep -q '^nation,00,' "$night/indicators.csv" && grep -q '^province,53,' "$night/indicators.csv" \
        || fail "indicators.csv has no nation row above the two provinces"
    cmp <(warehouse_figures "$scratch/single.sqlite") <(warehouse_figures "$1.sqlite") \
        || fail "the merged warehouse's indicator_values differ from the single run's"
}

step "night 1: an array of $shards shards and the merge after it"
eval "$(submit --work "$scratch/night1" --warehouse "$scratch/night1.sqlite")"
# shellcheck disable=SC2154 # shard_job and merge_job come from submit's output
cluster_wait_for "night 1's jobs to end" 300 queue_lacks "$shard_job,$merge_job"
for ((shard = 0; shard < shards; shard++)); do
    expect_state "${shard_job}_$shard" COMPLETED "shard $shard"
done
expect_state "$merge_job" COMPLETED "the merge"
compare_with_reference "$scratch/night1"
step "night 1: merged figures equal the single run's"

step "night 2: shard $held held, the rest run"
hold=$scratch/hold-shard.sh
cat > "$hold" <<HOLD
#!/bin/sh
# Holds shard $held until scancel ends it; the other shards go on at once.
[ "\$1" = "$held" ] || exit 0
touch "$scratch/held-started"
exec sleep 600
HOLD
chmod +x "$hold"
eval "$(BOTTOMLINE_SHARD_HOOK=$hold submit --work "$scratch/night2" --warehouse "$scratch/night2.sqlite")"
cluster_wait_for "shard $held to start" 120 test -e "$scratch/held-started"
expect_state "${shard_job}_$held" RUNNING "shard $held"
step "night 2: scancel shard $held while it runs"
scancel "${shard_job}_$held"
cluster_wait_for "night 2's jobs to end" 300 queue_lacks "$shard_job,$merge_job"
expect_state "${shard_job}_$held" CANCELLED "the cancelled shard"
for ((shard = 0; shard < shards; shard++)); do
    [ "$shard" = "$held" ] || expect_state "${shard_job}_$shard" COMPLETED "shard $shard"
done
expect_state "$merge_job" CANCELLED "the merge after a cancelled shard"
step "night 2: shard $held $(scontrol show job -o "${shard_job}_$held" | grep -o 'ExitCode=[0-9:]*'), the merge $(scontrol show job -o "$merge_job" | grep -o 'Reason=[A-Za-z_]*'), nothing published"
[ ! -e "$scratch/night2/night" ] || fail "night 2 was published although shard $held was cancelled"
[ ! -e "$scratch/night2/shards/$held" ] || fail "the cancelled shard left a partial"
finished=()
for ((shard = 0; shard < shards; shard++)); do
    [ "$shard" = "$held" ] || finished+=("$scratch/night2/shards/$shard")
done
status=0
"$bin" merge --pipeline "$pipeline" --date "$date" --out "$scratch/night2/night" \
    --partials "${finished[@]}" 2>"$scratch/incomplete-merge.log" || status=$?
[ "$status" = 7 ] && grep -q "is in no partial (with --shard-of $shards it is dealt to --shard $held)" \
    "$scratch/incomplete-merge.log" || {
    cat "$scratch/incomplete-merge.log" >&2
    fail "a merge without shard $held's partial ended with $status, not 7 naming shard $held"
}
[ ! -e "$scratch/night2/night" ] || fail "a refused merge published outputs"

step "night 2: rerun shard $held alone, then the merge"
eval "$(submit --work "$scratch/night2" --warehouse "$scratch/night2.sqlite" --only "$held")"
cluster_wait_for "the rerun to end" 300 queue_lacks "$shard_job,$merge_job"
expect_state "${shard_job}_$held" COMPLETED "the rerun shard"
expect_state "$merge_job" COMPLETED "the merge after the rerun"
compare_with_reference "$scratch/night2"
step "night 2: merged figures equal the single run's"

step "night 2: the merge alone again (--merge-only), as after a failed merge"
eval "$(submit --work "$scratch/night2" --warehouse "$scratch/night2.sqlite" --merge-only)"
cluster_wait_for "the merge to end" 300 queue_lacks "$merge_job"
expect_state "$merge_job" COMPLETED "the merge run alone"
compare_with_reference "$scratch/night2"
