#!/usr/bin/env bash
# Rebuild times on an N-essay site (default 10,000): a clean build, a rebuild with nothing
# changed, a rebuild after editing one essay's body, after editing one essay's title (which
# also changes its neighbours' pages, its list and tag pages and perhaps the feeds), and after
# editing the list template (every list page, no essay page); then serve's edit-to-reload
# time. Prints medians of RUNS runs (default 5). Writes go to tmpfs (/dev/shm).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/target.sh
n=${1:-10000}
runs=${RUNS:-5}
costmark=$PWD/.build/release/costmark
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/generate.py "$n" "$work/Content"
cd "$work"
# The built-in list template, copied out for the list edit (into a scratch site, so no example essay joins).
"$costmark" init "$work/scratch" --templates list >/dev/null
cp -r "$work/scratch/Templates" Templates
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Appends "seconds peak-KB" of one build to the named file (wall time from bash's microsecond
# clock: time's %e has 10 ms steps, too coarse for these).
timed() { local out=$1; shift
    local start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/t" "$costmark" build --quiet --templates Templates "$@" >/dev/null
    awk -v a="$start" -v b="$EPOCHREALTIME" -v m="$(cat "$work/t")" 'BEGIN {printf "%.4f %s\n", b - a, m}' >> "$out"; }

: > clean.txt; : > nochange.txt; : > edit.txt; : > title.txt; : > list.txt
for i in $(seq "$runs"); do
    rm -rf Output .costmark; sync
    timed clean.txt --no-cache
    timed /dev/null                          # fills the cache and the build record
    timed nochange.txt
    sed -i "s/^Section 1:.*/Section 1: edited $i/; 0,/^## Section 1/s//## Section 1 (edit $i)/" Content/posts/essay-00042.md
    timed edit.txt
    sed -i "0,/^title: .*/s//title: \"Essay 42, retitled $i\"/" Content/posts/essay-00042.md
    timed title.txt
    echo "{{! edit $i }}" >> Templates/list.mustache
    timed list.txt
done
row() { printf '  %-30s %6.3f s  %5d MB peak\n' "$1" "$(cut -d' ' -f1 < "$2" | median)" "$(( $(cut -d' ' -f2 < "$2" | median) / 1024 ))"; }
printf 'incremental, %d essays, median of %d runs\n' "$n" "$runs"
row "clean build (no cache)" clean.txt
row "rebuild, nothing changed" nochange.txt
row "rebuild, one essay edited" edit.txt
row "rebuild, one title edited" title.txt
row "rebuild, list template edited" list.txt
target "$n essays: rebuild, nothing changed" "$(cut -d' ' -f1 < nochange.txt | median)" 0.1 s
target "$n essays: rebuild, one essay edited" "$(cut -d' ' -f1 < edit.txt | median)" 0.15 s
python3 "$OLDPWD/scripts/bench/serve_latency.py" "$costmark" "$work" "$runs"
