#!/usr/bin/env bash
# One 5 MB essay, built alone (median of RUNS, default 5, outputs on tmpfs): as one paragraph,
# and as a long essay of sections, links and emphasis; then the Markdown layer's scanners on a
# 5 MB paragraph (markdown-bench). Targets: each build ≤ 0.3 s, every scanner ≥ 100 MB/s.
# Usage: scripts/bench/large-essay.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
source scripts/bench/common.sh
source scripts/bench/target.sh
swift build -c release --product markdown-bench >/dev/null
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
words = "the cost of one more machine is lower than an afternoon of work when traffic grows slowly".split()
def essay(name, title, body):
    os.makedirs(f"{work}/{name}/posts", exist_ok=True)
    with open(f"{work}/{name}/posts/big.md", "w") as f:
        f.write(f"---\ntitle: {title}\ndate: 2026-01-01\n---\n\n{body}\n")
random.seed(1)
essay("paragraph", "One paragraph", " ".join(random.choice(words) for _ in range(1_000_000))[:5_000_000])
random.seed(2)
parts, size, i = [], 0, 0
while size < 5_000_000:
    i += 1
    part = (f"\n## Section {i}\n" if i % 10 == 0 else "\n" + " ".join(random.choice(words) for _ in range(120))
            + " *emphasis*, `code` and [a link](https://example.com).\n")
    parts.append(part); size += len(part)
essay("sections", "Sections", "".join(parts))
PY
for _ in $(seq "$runs"); do clean paragraph; clean sections; done
printf '%-34s %9s %10s\n' "5 MB essay" "wall s" "peak MB"
printf '%-34s %9.3f %10.0f\n' "one paragraph" "$(col paragraph 1)" "$(( $(col paragraph 2) / 1024 ))"
printf '%-34s %9.3f %10.0f\n' "sections, links, emphasis" "$(col sections 1)" "$(( $(col sections 2) / 1024 ))"
target "5 MB essay, one paragraph: build" "$(col paragraph 1)" 0.3 s
target "5 MB essay, sections and links: build" "$(col sections 1)" 0.3 s
.build/release/markdown-bench 5 "$runs" | tee "$work/scanners.txt"
target "Markdown scanners on a 5 MB paragraph (slowest)" \
    "$(sed -n 's/^slowest scanner: \([0-9]*\) MB\/s/\1/p' "$work/scanners.txt")" 100 MB/s at-least
