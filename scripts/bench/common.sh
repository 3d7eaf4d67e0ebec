# Sourced by the site benchmarks (data-site, models-site, uncertain-site): what each of them
# needs before its own measurements. From the repository root it builds the release binary
# ($costmark), makes a scratch folder on /dev/shm ($work, removed on exit) and defines:
#   run NAME ARGS…   one timed build with ARGS; appends "seconds peak_kb" to $work/NAME.txt
#   clean NAME       a clean, uncached build of the site $work/NAME into $work/out-NAME
#   col NAME FIELD   the median of field 1 (seconds) or 2 (peak KB) of $work/NAME.txt
set -euo pipefail
swift build -c release --product costmark >/dev/null
costmark=$PWD/.build/release/costmark
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
run() {
    local name=$1; shift
    # Wall time from bash's microsecond clock (time's %e has 10 ms steps, too coarse for
    # builds of a fifth of a second); peak memory from time's %M.
    local start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/time" "$costmark" build --quiet "$@" --config /dev/null \
        --templates /dev/null/none >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    local end=$EPOCHREALTIME
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}') $(cat "$work/time")" >> "$work/$name.txt"
}
clean() { rm -rf "$work/out-$1"; run "$1" --no-cache --content "$work/$1" --output "$work/out-$1"; }
col() { cut -d' ' -f"$2" < "$work/$1.txt" | median; }
