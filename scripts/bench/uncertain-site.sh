#!/usr/bin/env bash
# Uncertainty at build speed: N essays (default 200), each with two ranges and a fan chart,
# against the same essays with single numbers. Prints medians of RUNS (default 11) clean builds
# of each, alternating, and their ratio (target: uncertain ≤ 2× certain), with peak memory.
# Output goes to /dev/shm. Usage: scripts/bench/uncertain-site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
runs=${RUNS:-11}
source scripts/bench/common.sh
python3 scripts/bench/uncertain-site.py "$work" "$n"
: > "$work/uncertain.txt"; : > "$work/certain.txt"
for _ in $(seq "$runs"); do clean uncertain; clean certain; done
grep -q 'cm-fan' "$work/out-uncertain/estimates/estimate-00007/index.html" \
    || { echo "the uncertain site drew no fan chart" >&2; exit 1; }
grep -q '90%:' "$work/out-uncertain/estimates/estimate-00007/index.html" \
    || { echo "the uncertain site shows no interval" >&2; exit 1; }
echo "two ranges and a fan chart per essay vs single numbers: $n essays, $(nproc) cores, $runs runs each, medians"
awk -v ut="$(col uncertain 1)" -v um="$(col uncertain 2)" -v ct="$(col certain 1)" -v cm="$(col certain 2)" 'BEGIN {
    printf "%-22s %9s %10s\n", "build", "wall s", "peak MB"
    printf "%-22s %9.3f %10.0f\n", "clean, uncertain", ut, um/1024
    printf "%-22s %9.3f %10.0f\n", "clean, certain", ct, cm/1024
    printf "%-22s %9.2f %10s   (uncertain / certain; target ≤ 2)\n", "ratio", ut/ct, ""
}'
source scripts/bench/target.sh
target "uncertain site vs certain: wall time" \
    "$(awk -v a="$(col uncertain 1)" -v b="$(col certain 1)" 'BEGIN {printf "%.2f", a / b}')" 2 ×
