#!/usr/bin/env bash
# Tool outputs and SQL (issue 22's targets), as medians of RUNS (default 5) builds on tmpfs:
#   - a page aggregating a 1,000,000-row SQLite table (target ≤ 0.3 s), and the same grouped by a
#     text column (SQLite sorts the million rows; no target);
#   - a page querying a 100,000-row CSV, loading included (target ≤ 0.5 s);
#   - a Google Benchmark file of 200 benchmarks × 10 repetitions read (target ≤ 10 ms, data-bench);
#   - N report essays (default 1,000) each reading a hyperfine file and a query, against the same
#     essays with the numbers typed in (target ≤ 1.3×).
# Usage: scripts/bench/tools-site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
runs=${RUNS:-5}
source scripts/bench/common.sh
source scripts/bench/target.sh
swift build -c release --product data-bench >/dev/null
python3 scripts/bench/tools-site.py "$work" "$n"
for _ in $(seq "$runs"); do clean sqlite; clean grouped; clean csvsql; clean tools; clean typed; done
grep -q 'Mean' "$work/out-sqlite/q/index.html" || { echo "the SQLite page did not build" >&2; exit 1; }
grep -q 'at worst' "$work/out-tools/reports/r-00042/index.html" || { echo "the tools site did not build" >&2; exit 1; }
gbench=$(.build/release/data-bench bench-file "$work/gbench.json" "$runs" | sed -n 's/^median: \([0-9.]*\) ms$/\1/p')
printf '%-44s %9s %10s\n' build "wall s" "peak MB"
for name in sqlite grouped csvsql tools typed; do
    printf '%-44s %9.3f %10.0f\n' "$name" "$(col "$name" 1)" "$(( $(col "$name" 2) / 1024 ))"
done
printf '%-44s %9.2f ms\n' "Google Benchmark file, 200 x 10, read" "$gbench"
ratio=$(awk -v a="$(col tools 1)" -v b="$(col typed 1)" 'BEGIN {printf "%.2f", a / b}')
echo "tools / typed: $ratio (target ≤ 1.3)"
target "1,000,000-row SQLite table aggregated: page build" "$(col sqlite 1)" 0.3 s
target "100,000-row CSV queried with SQL: page build" "$(col csvsql 1)" 0.5 s
target "Google Benchmark 200 x 10 file read" "$gbench" 10 ms
target "$n essays reading a bench file and a query vs typed" "$ratio" 1.3 ×
