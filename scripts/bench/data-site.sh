#!/usr/bin/env bash
# A site whose essays read a data file against the same site with the numbers typed in: N
# essays (default 1,000) each read one 10,000-row CSV and compute count, sum, max, a percentile
# and a spend from it, shown inline and checked by a claim; the typed site holds the same values
# as constants. `costmark build --no-cache` of each, alternated, RUNS times (default 5), output
# on /dev/shm. Prints median wall time and peak RSS of each and their ratio (target: data ≤ 1.3×).
# Usage: scripts/bench/data-site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
runs=${RUNS:-5}
source scripts/bench/common.sh
python3 scripts/bench/data-site.py "$work" "$n" 10000
measure() { sync; sleep 1; clean "$1"; }   # the disk settles between builds that write a site
: > "$work/data.txt"; : > "$work/typed.txt"
for _ in $(seq "$runs"); do
    measure data
    measure typed
done
# The two sites must say the same thing: compare one essay's inline values.
page() { sed -n 's/.*\(Over [^<]*\).*/\1/p' "$work/out-$1/reports/report-0007/index.html" | head -1; }
[ "$(page data)" = "$(page typed)" ] || { echo "the sites disagree: $(page data) / $(page typed)" >&2; exit 1; }
dt=$(col data 1); dm=$(col data 2)
tt=$(col typed 1); tm=$(col typed 2)
echo "data site vs typed site: $n essays, one 10,000-row CSV, $(nproc) cores, $runs runs each, medians"
printf '%-7s %9s %9s %10s\n' site "wall s" "pages/s" "peak MB"
awk -v n="$n" -v dt="$dt" -v dm="$dm" -v tt="$tt" -v tm="$tm" 'BEGIN {
    printf "%-7s %9.2f %9.0f %10.0f\n", "data", dt, n/dt, dm/1024
    printf "%-7s %9.2f %9.0f %10.0f\n", "typed", tt, n/tt, tm/1024
    printf "%-7s %9.2f %9s %10.2f   (data / typed; target ≤ 1.3)\n", "ratio", dt/tt, "", dm/tm
}'
source scripts/bench/target.sh
target "data site vs typed numbers: wall time" "$(awk -v a="$dt" -v b="$tt" 'BEGIN {printf "%.2f", a / b}')" 1.3 ×
