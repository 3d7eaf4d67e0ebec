#!/usr/bin/env bash
# `make fuzz`: builds costmark-fuzz with libFuzzer (the one in the Swift toolchain) and runs
# each target for FUZZ_SECONDS, one after another.
#
#   FUZZ_SECONDS=180                       seconds per target
#   FUZZ_TARGETS="scenario page"           which targets (default: all six)
#   FUZZ_SAVE_TO=Tests/FuzzCorpus/regressions
#                                          where crashing, hanging and out-of-memory inputs are copied
#   SWIFT="swift"                          the swift command (e.g. wrapped in flock on a shared machine)
#   FUZZ_PARALLEL=1                        targets fuzzed at once (each is one libFuzzer job at nice 10);
#                                          with more than one, the run takes FUZZ_SECONDS in all, not per target
#
# libFuzzer runs in fork mode (-fork=1 -ignore_crashes=1 …), so one crash does not end a
# target's run; each failing input is kept under .build-fuzz/artifacts/<target>/ and copied to
# FUZZ_SAVE_TO/<target>/ as <kind>-<first 12 hex of its sha1><ext>. The growing corpus stays in
# .build-fuzz/corpus/<target>/ between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-180}
targets=${FUZZ_TARGETS:-scenario inline figure front-matter template page}
save_to=${FUZZ_SAVE_TO:-Tests/FuzzCorpus/regressions}
swift=${SWIFT:-swift}
scratch=.build-fuzz

echo "Building costmark-fuzz with -sanitize=fuzzer into $scratch"
# Linked with lld: gold (SwiftPM's default on Linux) stops with "internal error in
# format_file_lineno" on this link; the toolchain ships lld.
$swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DCOSTMARK_LIBFUZZER \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product costmark-fuzz
binary="$scratch/release/costmark-fuzz"

extension() {
    case "$1" in
        scenario) echo .scenario ;;
        template) echo .txt ;;
        *) echo .md ;;
    esac
}

parallel=${FUZZ_PARALLEL:-1}

# Fuzzes one target and writes its summary line to $scratch/logs/<target>.summary.
fuzz_target() {
    local target=$1
    local seeds="Tests/FuzzCorpus/seeds/$target"
    local corpus="$scratch/corpus/$target"
    local artifacts="$scratch/artifacts/$target"
    local log="$scratch/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    # Start from the inputs that once failed and are fixed: the mutations near a fixed bug are
    # worth trying. (Not pending/: those still fail, and would be found again at once.)
    extra=()
    [ -d "Tests/FuzzCorpus/regressions/$target" ] && extra+=("Tests/FuzzCorpus/regressions/$target")
    echo "Fuzzing $target for $seconds s (log: $log)"
    before=$(find "$artifacts" -type f | wc -l)
    # libFuzzer's timeout handler can deadlock in malloc (its alarm fires inside an allocation),
    # which leaves a fork job asleep for ever: an outer timeout ends the target's run regardless.
    local timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$log.cpu" -f 'user=%U system=%S')
    SWIFT_BACKTRACE=enable=no COSTMARK_FUZZ_TARGET="$target" "${timer[@]}" timeout --kill-after=10 $((seconds + 60)) nice -n 10 "$binary" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -max_len=65536 \
        -dict=scripts/fuzz/scenario.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$corpus" "$seeds" "${extra[@]}" >"$log" 2>&1 || true

    # libFuzzer names failures crash-<sha1>, timeout-<sha1>, oom-<sha1> (and leak-, slow-unit-).
    crashes=0; timeouts=0; ooms=0
    mkdir -p "$save_to/$target"
    for file in "$artifacts"/*; do
        [ -f "$file" ] || continue
        name=$(basename "$file")
        kind=${name%%-*}
        case "$kind" in
            crash) crashes=$((crashes + 1)) ;;
            timeout) timeouts=$((timeouts + 1)) ;;
            oom) ooms=$((ooms + 1)) ;;
            *) continue ;;
        esac
        hash=${name##*-}
        destination="$save_to/$target/$kind-${hash:0:12}$(extension "$target")"
        [ -e "$destination" ] || cp "$file" "$destination"
    done
    new=$(( $(find "$artifacts" -type f | wc -l) - before ))
    # The last status line of fork mode: "#RUNS: cov: … oom/timeout/crash: a/b/c time: …".
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    # CPU seconds the target's processes had: on a shared machine, wall time overstates the work.
    local cpu
    cpu=$(awk -F'[= ]' '/^user=/ { printf "%.0f", $2 + $4 }' "$log.cpu" 2>/dev/null || true)
    printf '%-13s runs %9s   cpu %6ss   crashes %3d   timeouts %3d   ooms %3d   (new this run: %d)\n' \
        "$target" "${runs:-?}" "${cpu:-?}" "$crashes" "$timeouts" "$ooms" "$new" >"$scratch/logs/$target.summary"
}

for target in $targets; do
    [ -d "Tests/FuzzCorpus/seeds/$target" ] || { echo "unknown target: $target" >&2; exit 2; }
done
running=0
for target in $targets; do
    fuzz_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then wait -n || true; running=$((running - 1)); fi
done
wait
summary=()
for target in $targets; do summary+=("$(cat "$scratch/logs/$target.summary")"); done

echo
echo "Fuzzing summary ($seconds s per target; failing inputs in $save_to/<target>/):"
printf '%s\n' "${summary[@]}"
