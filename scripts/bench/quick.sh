#!/usr/bin/env bash
# The speed guard: 1,000 synthetic essays built by costmark and by Hugo, alternating, RUNS times
# each (3), outputs on tmpfs. Prints each tool's median wall time and, as its last line,
# `costmark/hugo = R`; exits 1 when R is above LIMIT (0.25). Run it before a stop that touches a
# page's path, and quote it. Usage: scripts/bench/quick.sh   (ESSAYS, RUNS, LIMIT, COSTMARK override)
set -euo pipefail
cd "$(dirname "$0")/../.."
essays=${ESSAYS:-1000} runs=${RUNS:-3} limit=${LIMIT:-0.25}
command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
if [ -z "${COSTMARK:-}" ]; then
    swift build -c release --product costmark >/dev/null
    COSTMARK=$PWD/.build/release/costmark
fi
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/generate.py "$essays" "$work/corpus"
scripts/bench/hugo-site.sh "$work/hugo" "$work/corpus"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timed() { # runs a command, appends its wall seconds to file $1
    local file=$1; shift
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 2; }
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.4f\n", b - a}' >> "$file"
}
for _ in $(seq "$runs"); do
    rm -rf "$work/out-c" "$work/out-h" "$work/hugo/resources"
    timed "$work/c.txt" "$COSTMARK" build --quiet --no-cache --content "$work/corpus" --output "$work/out-c" \
        --config /dev/null --templates /dev/null/none
    timed "$work/h.txt" hugo --quiet -s "$work/hugo" -d "$work/out-h"
done
c=$(median < "$work/c.txt") h=$(median < "$work/h.txt")
echo "$essays essays, $runs alternating runs each, medians: costmark $c s, hugo $h s"
ratio=$(awk -v c="$c" -v h="$h" 'BEGIN {printf "%.3f", c / h}')
pass=$(awk -v r="$ratio" -v l="$limit" 'BEGIN {print (r <= l) ? "within" : "ABOVE"}')
echo "limit $limit: $pass"
echo "costmark/hugo = $ratio"
[ "$pass" = within ]
