# Sourced by the benchmarks: `target NAME MEASURED LIMIT UNIT [at-least]` records one speed
# target's reading in $BENCH_RESULTS (when set; `make bench` sets it), for the table summary.sh
# prints at the end. A reading passes when it is at most its limit, or with `at-least` (a rate)
# when it is at least the limit.
target() {
    [ -n "${BENCH_RESULTS:-}" ] || return 0
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-at-most}" >> "$BENCH_RESULTS"
}
