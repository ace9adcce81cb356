#!/usr/bin/env bash
# Submits one Bottomline night to Slurm: a job array of N shards (bottomline-shard.sbatch)
# and the merge (bottomline-merge.sbatch) that starts when every shard succeeded.
#
#   submit-night.sh --date 2026-11-28 --data /shared/feeds/2026-11-28 \
#                   --work /shared/bottomline/2026-11-28 --shards 24 \
#                   [--pipeline /shared/bottomline/Pipelines/guizhou.yaml] \
#                   [--warehouse /shared/bottomline/warehouse.sqlite] \
#                   [--bin /shared/bottomline/bin/bottomline] [--only K[,K...] | --merge-only] \
#                   [--shard-sbatch '--mem=16G --time=01:00:00'] [--merge-sbatch '--partition=batch']
#
# --only K,… reruns just those shards (after one failed or was cancelled) and submits a new
# merge after them; the other shards' partials in WORK/shards/ are used as they are.
# --merge-only submits just the merge (after the merge itself failed: warehouse busy, disk full).
# Prints "shard_job=<array job id> merge_job=<merge job id>" on standard output; logs go to WORK/logs/.
# README.md explains the folders, resources, failures and exit codes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repository=$(cd "$here/../.." && pwd)
bin=$repository/.build/release/bottomline
pipeline=$repository/Pipelines/guizhou.yaml
date= data= work= shards= warehouse= only= shard_sbatch= merge_sbatch= merge_only=

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    if [ "$1" = --merge-only ]; then merge_only=1; shift; continue; fi
    [ $# -ge 2 ] || usage
    case $1 in
        --date) date=$2 ;;
        --data) data=$2 ;;
        --work) work=$2 ;;
        --shards) shards=$2 ;;
        --pipeline) pipeline=$2 ;;
        --warehouse) warehouse=$2 ;;
        --bin) bin=$2 ;;
        --only) only=$2 ;;
        --shard-sbatch) shard_sbatch=$2 ;;
        --merge-sbatch) merge_sbatch=$2 ;;
        *) echo "submit-night: unknown option $1" >&2; usage ;;
    esac
    shift 2
done
[ -n "$date" ] && [ -n "$data" ] && [ -n "$work" ] && [ -n "$shards" ] || usage
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit-night: --shards must be a whole number ≥ 1, not '$shards'" >&2; exit 1; }
[[ -z $only || -z $merge_only ]] || { echo "submit-night: give --only or --merge-only, not both" >&2; exit 1; }
[[ -z $only || $only =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "submit-night: --only takes shard numbers like 2 or 2,5, not '$only'" >&2; exit 1; }
for shard in ${only//,/ }; do
    [ "$shard" -lt "$shards" ] || { echo "submit-night: shard $shard does not exist (shards are 0 to $((shards - 1)))" >&2; exit 1; }
done

# Jobs see these paths on other machines: make them absolute, and check they exist here.
absolute() { realpath -m -- "$1"; }
bin=$(absolute "$bin") pipeline=$(absolute "$pipeline") data=$(absolute "$data") work=$(absolute "$work")
[ -n "$warehouse" ] && warehouse=$(absolute "$warehouse")
[ -x "$bin" ] || { echo "submit-night: no bottomline program at $bin (give --bin)" >&2; exit 1; }
[ -f "$pipeline" ] || { echo "submit-night: no pipeline file at $pipeline" >&2; exit 1; }
[ -d "$data" ] || { echo "submit-night: no feed folder at $data" >&2; exit 1; }
mkdir -p "$work/logs" "$work/shards"

array=${only:-0-$((shards - 1))}
after=
if [ -z "$merge_only" ]; then
    # shellcheck disable=SC2086 # the --*-sbatch options are lists of sbatch options
    shard_job=$(sbatch --parsable --array="$array" --output="$work/logs/shard-%a-job%A.log" \
        --job-name="bottomline-shard-$date" $shard_sbatch \
        "$here/bottomline-shard.sbatch" --bin "$bin" --pipeline "$pipeline" --data "$data" \
        --date "$date" --work "$work" --shards "$shards")
    shard_job=${shard_job%%;*}
    after=--dependency=afterok:$shard_job
fi
# shellcheck disable=SC2086
merge_job=$(sbatch --parsable $after --kill-on-invalid-dep=yes \
    --output="$work/logs/merge-job%j.log" --job-name="bottomline-merge-$date" $merge_sbatch \
    "$here/bottomline-merge.sbatch" --bin "$bin" --pipeline "$pipeline" --date "$date" \
    --work "$work" --shards "$shards" ${warehouse:+--warehouse "$warehouse"})
merge_job=${merge_job%%;*}
if [ -n "$merge_only" ]; then
    echo "night $date: merge as job $merge_job; logs in $work/logs" >&2
    echo "merge_job=$merge_job"
else
    echo "night $date: shards $array as job $shard_job, merge as job $merge_job after them; logs in $work/logs" >&2
    echo "shard_job=$shard_job merge_job=$merge_job"
fi
