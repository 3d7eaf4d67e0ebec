#!/usr/bin/env bash
# History (issue 23's figures), medians of RUNS (default 5) builds on tmpfs:
#   - how often `regression(new, old) < 5%` fails over 10,000 seeded pairs of 10 runs with 15%
#     noise: with no real change (target ≤ 5%) and with a real 20% slowdown (target ≥ 80%);
#   - a page reading the last 100 committed versions of a 10 KB CSV (`versions: 100`, one
#     `git cat-file --batch`), whole build (target ≤ 0.5 s);
#   - the same page with `at: "HEAD~1"` beside the file as it is.
# Usage: scripts/bench/history.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
source scripts/bench/common.sh
source scripts/bench/target.sh
swift build -c release --product data-bench >/dev/null
quality=$(.build/release/data-bench regression-quality 10000)
echo "$quality"
false_alarms=$(sed -n 's/^worst false alarms: \([0-9.]*\)%.*/\1/p' <<< "$quality")
detected=$(sed -n 's/.*worst detection: \([0-9.]*\)%.*/\1/p' <<< "$quality")

repo=$work/repo
mkdir -p "$repo/site/data"
git -C "$repo" init -q
git -C "$repo" config user.email bench@example.org
git -C "$repo" config user.name bench
python3 - "$repo" <<'PY'
import os, subprocess, sys
repo = sys.argv[1]
env = dict(os.environ)
for version in range(100):
    rows = ["day,requests,p99 (ms)"] + [f"2026-01-{1 + d % 28:02d},{1000 + d * 7 + version},{180 + (d * version) % 40}"
                                        for d in range(560)]
    open(f"{repo}/site/data/traffic.csv", "w").write("\n".join(rows) + "\n")
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"2026-{1 + version // 28:02d}-{1 + version % 28:02d}T12:00:00Z"
    subprocess.run(["git", "-C", repo, "add", "-A"], check=True)
    subprocess.run(["git", "-C", repo, "commit", "-qm", f"version {version}"], check=True, env=env)
PY
size=$(stat -c %s "$repo/site/data/traffic.csv")
cat > "$repo/site/history.md" <<'MD'
---
title: History
---
The last {{ count(past.version) }} versions: the newest day's p99 averaged {{ typical }}; the
commit before the last had {{ before }} on average.

```scenario
past = csv("data/traffic.csv", versions: 100)
base = csv("data/traffic.csv", at: "HEAD~1")
typical = sum(past.p99) / count(past.p99)
before = sum(base.p99) / count(base.p99)
```
MD
for _ in $(seq "$runs"); do rm -rf "$work/out-h"; run history --no-cache --content "$repo/site" --output "$work/out-h"; done
grep -q 'The last' "$work/out-h/history/index.html" || { echo "the history page did not build" >&2; exit 1; }
printf '%-52s %9s\n' build "wall s"
printf '%-52s %9.3f\n' "100 versions of a $((size / 1024)) KB CSV, and at: HEAD~1" "$(col history 1)"
target "regression < 5% fails with no real change" "$false_alarms" 5 %
target "regression < 5% fails on a real 20% slowdown" "$detected" 80 % at-least
target "100 versions of a 10 KB file read: page build" "$(col history 1)" 0.5 s
