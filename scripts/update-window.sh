#!/usr/bin/env bash
# How long an incremental rebuild leaves Output/ mixing files of two builds: the renames and
# removals of the in-place update, timed inside costmark (COSTMARK_TIMINGS). On an N-essay site
# (default 5,000) in /dev/shm, so the disk does not blur the figure: after editing one essay,
# and after editing the page template (every essay page moves). Prints medians of RUNS runs.
#   scripts/update-window.sh [N]      (uses .build/release/costmark if built, else debug)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
runs=${RUNS:-5}
costmark=$PWD/.build/release/costmark
[ -x "$costmark" ] || costmark=$PWD/.build/debug/costmark
base=/dev/shm
[ -d "$base" ] || base=${TMPDIR:-/tmp}
work=$(mktemp -d "$base/costmark-window.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/generate.py "$n" "$work/Content" >/dev/null
cd "$work"
"$costmark" init --templates . >/dev/null 2>&1
build() { COSTMARK_TIMINGS=1 "$costmark" build --quiet --templates Templates --config /dev/null 2>&1; }
# The milliseconds and file counts from the timing line about the mixed window.
window() { build | sed -n 's/^ *\([0-9.]*\) ms  of it with Output mixing two builds (\(.*\))$/\1 \2/p'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
build >/dev/null; build >/dev/null
: > one.txt; : > all.txt
sleep 2.5   # sources older than the settle time, so the record vouches for them
for i in $(seq "$runs"); do
    sed -i "s/^## Section 1.*/## Section 1 (edit $i)/" Content/posts/essay-00042.md
    sleep 2.5
    window >> one.txt
    echo "{{! edit $i }}" >> Templates/page.mustache
    window >> all.txt
done
row() { printf '  %-22s %8.2f ms  (%s)\n' "$1" "$(cut -d' ' -f1 < "$2" | median)" "$(head -1 "$2" | cut -d' ' -f2-)"; }
printf 'in-place update window, %d essays in %s, median of %d runs (%s)\n' "$n" "$base" "$runs" "$costmark"
row "one essay edited" one.txt
row "page template edited" all.txt
