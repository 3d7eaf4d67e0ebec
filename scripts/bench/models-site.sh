#!/usr/bin/env bash
# Shared models at scale: N essays (default 10,000) that all `use` one model file, against the
# same essays with the model's lines pasted into each. Prints, as medians of RUNS (default 5):
#   - a clean build of each site and their ratio (target: model ≤ 1.1× pasted);
#   - on the model site with its build record: a rebuild after editing one essay (target < 0.3 s),
#     and after editing the model, which renders every page again (target ≤ a clean build).
# Output goes to /dev/shm. Usage: scripts/bench/models-site.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${RUNS:-5}
source scripts/bench/common.sh
python3 scripts/bench/models-site.py "$work" "$n"
: > "$work/model.txt"; : > "$work/pasted.txt"
for _ in $(seq "$runs"); do clean model; clean pasted; done
page() { sed -n 's/.*\(Task 7 takes[^<]*\).*/\1/p' "$work/out-$1/guides/guide-00007/index.html" | head -1; }
[ "$(page model)" = "$(page pasted)" ] || { echo "the sites disagree: $(page model) / $(page pasted)" >&2; exit 1; }

# Incremental: the model site with its record (the cache lives in the working folder).
cd "$work"
rm -rf out-inc .costmark
run first --content model --output out-inc
sleep 2.2   # the record vouches for files only once they have settled: one more build, as a writer's next
run first --content model --output out-inc
: > "$work/essay.txt"; : > "$work/modeledit.txt"
for i in $(seq "$runs"); do
    printf '\nEdited %s.\n' "$i" >> model/guides/guide-00042.md
    sleep 2.2   # past the settle time, as between two saves in an editor
    run essay --content model --output out-inc
    printf 'extra_%s = %s\n' "$i" "$i" >> model/models/shared.scenario
    sleep 2.2
    run modeledit --content model --output out-inc
done
grep -q "Edited $runs." out-inc/guides/guide-00042/index.html || { echo "the edit did not reach the page" >&2; exit 1; }

echo "shared model vs pasted lines: $n essays, $(nproc) cores, $runs runs each, medians"
printf '%-26s %9s %10s\n' build "wall s" "peak MB"
awk -v mt="$(col model 1)" -v mm="$(col model 2)" -v pt="$(col pasted 1)" -v pm="$(col pasted 2)" \
    -v et="$(col essay 1)" -v em="$(col essay 2)" -v dt="$(col modeledit 1)" -v dm="$(col modeledit 2)" 'BEGIN {
    printf "%-26s %9.2f %10.0f\n", "clean, model site", mt, mm/1024
    printf "%-26s %9.2f %10.0f\n", "clean, pasted site", pt, pm/1024
    printf "%-26s %9.2f %10s   (model / pasted; target ≤ 1.1)\n", "ratio", mt/pt, ""
    printf "%-26s %9.3f %10.0f   (target < 0.3 s)\n", "one essay edited", et, em/1024
    printf "%-26s %9.2f %10.0f   (%.2f× the clean build; target ≤ 1)\n", "model edited (all pages)", dt, dm/1024, dt/mt
}'
source "$OLDPWD/scripts/bench/target.sh"
target "shared model vs pasted lines: wall time" "$(awk -v a="$(col model 1)" -v b="$(col pasted 1)" 'BEGIN {printf "%.2f", a / b}')" 1.1 ×
target "model site: one essay edited" "$(col essay 1)" 0.3 s
target "model site: model edited vs clean build" \
    "$(awk -v a="$(col modeledit 1)" -v b="$(col model 1)" 'BEGIN {printf "%.2f", a / b}')" 1 ×
