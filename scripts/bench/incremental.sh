#!/usr/bin/env bash
# Rebuild times on an N-essay site (default 10,000): a clean build, a rebuild with nothing
# changed, and a rebuild after editing one essay; then serve's edit-to-reload time.
# Prints medians of RUNS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${RUNS:-5}
costmark=$PWD/.build/release/costmark
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/generate.py "$n" "$work/Content"
cd "$work"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
timed() { /usr/bin/time -f '%e' -o "$work/t" "$costmark" build --quiet --config none --templates none "$@" >/dev/null; cat "$work/t"; }

: > clean.txt; : > nochange.txt; : > edit.txt
for i in $(seq "$runs"); do
    rm -rf Output .costmark; sync
    timed --no-cache >> clean.txt
    timed > /dev/null                          # fills the cache
    timed >> nochange.txt
    sed -i "s/^Section 1:.*/Section 1: edited $i/; 0,/^## Section 1/s//## Section 1 (edit $i)/" Content/posts/essay-00042.md
    timed >> edit.txt
done
printf 'incremental, %d essays, median of %d runs\n' "$n" "$runs"
printf '  clean build (no cache)      %6.2f s\n' "$(median < clean.txt)"
printf '  rebuild, nothing changed    %6.2f s\n' "$(median < nochange.txt)"
printf '  rebuild, one essay edited   %6.2f s\n' "$(median < edit.txt)"
python3 "$OLDPWD/scripts/bench/serve_latency.py" "$costmark" "$work" "$runs"
