#!/usr/bin/env bash
# Runs one Bottomline night on Kubernetes: the shards Job (Indexed), then, when it is
# Complete, the merge Job. Not run by the project's tests (no cluster here); README.md.
#
#   run-night.sh --night 2026-11-28 --shards 24 --image registry.example/bottomline:2.0 \
#                [--namespace bottomline] [--only K]
#
# --only K reruns shard K alone (after its index failed), then the merge.
# Exits 0 when the merge succeeded, 1 when a Job failed or an option is wrong.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
night= shards= image= namespace=default only=
while [ $# -ge 2 ]; do
    case $1 in
        --night) night=$2 ;;
        --shards) shards=$2 ;;
        --image) image=$2 ;;
        --namespace) namespace=$2 ;;
        --only) only=$2 ;;
        *) echo "run-night: unknown option $1" >&2; exit 1 ;;
    esac
    shift 2
done
[[ $night =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "run-night: --night YYYY-MM-DD is required" >&2; exit 1; }
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "run-night: --shards N is required" >&2; exit 1; }
[ -n "$image" ] || { echo "run-night: --image is required" >&2; exit 1; }
[[ -z $only || ($only =~ ^[0-9]+$ && $only -lt $shards) ]] || { echo "run-night: --only takes one shard number below $shards" >&2; exit 1; }

kube() { kubectl --namespace "$namespace" "$@"; }

# The manifest with the night, the number of shards and the image filled in.
render() {
    sed -e "s|NIGHT|$night|g" -e "s|SHARDS|$shards|g" -e "s|IMAGE|$image|g" "$here/$1"
}

# Waits until the Job is Complete (returns 0) or Failed (returns 1).
wait_for_job() {
    local condition
    while true; do
        condition=$(kube get job "$1" -o jsonpath='{.status.conditions[?(@.status=="True")].type}')
        case $condition in
            *Failed*) echo "run-night: job $1 failed; kubectl describe job $1; kubectl logs job/$1" >&2; return 1 ;;
            *Complete*) return 0 ;;
        esac
        sleep 10
    done
}

if [ -z "$only" ]; then
    shards_job=bottomline-shards-$night
    render shards-job.yaml | kube apply -f -
else
    # One shard: the same pod as index K of the Indexed Job, with K written in.
    shards_job=bottomline-shards-$night-rerun-$only
    kube delete job "$shards_job" --ignore-not-found
    render shards-job.yaml \
        | sed -e "s|name: bottomline-shards-$night\$|name: $shards_job|" \
              -e "s|completions: $shards\$|completions: 1|" -e "s|parallelism: $shards\$|parallelism: 1|" \
              -e "s|\$(JOB_COMPLETION_INDEX)|$only|g" \
        | kube apply -f -
fi
wait_for_job "$shards_job"

# The merge names every shard's folder, so a missing partial is refused by the merge.
partials=$(for ((shard = 0; shard < shards; shard++)); do
    printf '            - /shared/nights/%s/shards/%d\\n' "$night" "$shard"
done)
kube delete job "bottomline-merge-$night" --ignore-not-found
render merge-job.yaml | sed -e "s|^PARTIALS\$|${partials%\\n}|" | kube apply -f -
wait_for_job "bottomline-merge-$night"
echo "run-night: night $night published in /shared/nights/$night/night" >&2
