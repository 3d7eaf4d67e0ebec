#!/usr/bin/env bash
# The table `make bench` ends with: every speed target the benchmarks recorded (see target.sh),
# its reading, its limit and pass or FAIL. Exits 1 when a target failed or none was recorded.
# Usage: scripts/bench/summary.sh RESULTS-FILE
set -euo pipefail
results=${1:?usage: summary.sh RESULTS-FILE}
[ -s "$results" ] || { echo "no speed target was recorded" >&2; exit 1; }
awk -F'\t' '
    BEGIN { printf "\n%-52s %10s %10s  %s\n", "speed target", "measured", "limit", "result"; failed = 0 }
    {
        least = ($5 == "at-least")
        ok = least ? ($2 + 0 >= $3 + 0) : ($2 + 0 <= $3 + 0)
        if (!ok) failed++
        printf "%-52s %10s %10s  %s\n", $1, $2 " " $4, (least ? "≥ " : "≤ ") $3 " " $4, ok ? "pass" : "FAIL"
    }
    END { printf "%d of %d targets met\n", NR - failed, NR; exit failed > 0 }
' "$results"
