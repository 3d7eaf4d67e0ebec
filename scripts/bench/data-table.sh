#!/usr/bin/env bash
# One large data file through costmark's data path (read, UTF-8 check, CSV parse into typed
# columns, compile a scenario that reads it, evaluate percentile and max; fit_growth on the
# largest timeline), in a release build. Prints the medians of RUNS passes (default 5) with a
# breakdown, then the peak memory of a single pass measured from outside (/usr/bin/time).
# Targets: ≤ 1 s and ≤ 200 MB for 1,000,000 rows × 4 columns.
# Usage: scripts/bench/data-table.sh [ROWS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${RUNS:-5}
swift build -c release --product data-bench >/dev/null
bench=$PWD/.build/release/data-bench
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bench" generate "$work/big.csv" "$rows"
"$bench" run "$work/big.csv" "$runs"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
: > "$work/once.txt"
for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bench" once "$work/big.csv"
    cat "$work/time" >> "$work/once.txt"
done
wall=$(cut -d' ' -f1 < "$work/once.txt" | median)
peak=$(cut -d' ' -f2 < "$work/once.txt" | median)
awk -v w="$wall" -v p="$peak" 'BEGIN {
    printf "one pass as its own process: %.2f s wall (with process start), peak RSS %.0f MB (medians of %d; targets 1 s, 200 MB)\n", w, p/1024, '"$runs"'
}'
source scripts/bench/target.sh
target "10,000-row CSV read as its own process" "$wall" 1 s
target "10,000-row CSV read: peak memory" "$(( peak / 1024 ))" 200 MB
