#!/usr/bin/env bash
# costmark against Hugo on the same synthetic corpus, side by side in one run.
# Prints, for each size: median wall time, pages/s, peak RSS, and the costmark/Hugo ratios.
# Usage: scripts/bench.sh [SIZES...]   (default: 1000 10000; RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/target.sh
sizes=("${@:-1000 10000}")
[ $# -eq 0 ] && sizes=(1000 10000)
runs=${RUNS:-5}
command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
swift build -c release --product costmark >/dev/null
costmark=$PWD/.build/release/costmark
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)   # writes timed on tmpfs
trap 'rm -rf "$work"' EXIT
echo "costmark $($costmark --version), $(hugo version | cut -d' ' -f2), $(nproc) cores, $runs runs each, medians"
printf '%-7s %-9s %9s %9s %10s %8s\n' essays tool "wall s" "pages/s" "peak MB" "CPU s"

measure() { # prints "seconds peak_kb cpu_seconds"
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for n in "${sizes[@]}"; do
    corpus=$work/corpus-$n
    python3 scripts/bench/generate.py "$n" "$corpus"
    scripts/bench/hugo-site.sh "$work/hugo-$n" "$corpus"
    : > "$work/c.txt"; : > "$work/h.txt"; : > "$work/r.txt"
    build_c=("$costmark" build --quiet --no-cache --content "$corpus" --output "$work/out-c" --config /dev/null --templates /dev/null/none)
    for _ in $(seq "$runs"); do
        # Alternate the tools so machine noise hits both alike. Each writes into a fresh folder;
        # deleting the previous output and flushing it to disk happen outside the timing.
        rm -rf "$work/out-c"; sync; sleep 1
        measure "${build_c[@]}" >> "$work/c.txt"
        rm -rf "$work/out-h" "$work/hugo-$n/resources"; sync; sleep 1
        measure hugo --quiet -s "$work/hugo-$n" -d "$work/out-h" >> "$work/h.txt"
        # The everyday rebuild: replace an existing output folder (costmark swaps and deletes the old one).
        sync; sleep 1
        measure "${build_c[@]}" >> "$work/r.txt"
    done
    ct=$(cut -d' ' -f1 < "$work/c.txt" | median); cm=$(cut -d' ' -f2 < "$work/c.txt" | median)
    rt=$(cut -d' ' -f1 < "$work/r.txt" | median)
    ht=$(cut -d' ' -f1 < "$work/h.txt" | median); hm=$(cut -d' ' -f2 < "$work/h.txt" | median)
    cc=$(cut -d' ' -f3 < "$work/c.txt" | median); hc=$(cut -d' ' -f3 < "$work/h.txt" | median)
    target "$n essays: wall time vs Hugo" "$(awk -v a="$ct" -v b="$ht" 'BEGIN {printf "%.3f", a / b}')" 0.20 ×
    target "$n essays: CPU time vs Hugo" "$(awk -v a="$cc" -v b="$hc" 'BEGIN {printf "%.3f", a / b}')" 0.25 ×
    awk -v n="$n" -v ct="$ct" -v cm="$cm" -v ht="$ht" -v hm="$hm" -v rt="$rt" -v cc="$cc" -v hc="$hc" 'BEGIN {
        printf "%-7d %-9s %9.2f %9.0f %10.0f %8.2f\n", n, "costmark", ct, n/ct, cm/1024, cc
        printf "%-7d %-9s %9.2f %9.0f %10.0f %8.2f\n", n, "hugo", ht, n/ht, hm/1024, hc
        printf "%-7d %-9s %9.2f %9s %10.3f %8.2f   (costmark / hugo)\n", n, "ratio", ct/ht, "", cm/hm, cc/hc
        printf "%-7d %-9s %9.2f %9.0f %10s   (costmark replacing an existing output folder)\n", n, "replace", rt, n/rt, ""
    }'
    rm -rf "$corpus" "$work/out-c" "$work/hugo-$n"
done
