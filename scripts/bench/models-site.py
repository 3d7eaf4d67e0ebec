#!/usr/bin/env python3
"""Writes two sites of N essays (default 10,000) for the shared-model benchmark.

model/:  every essay's scenario starts with `use "/models/shared.scenario"`, a model of a few
         lines (units, an engineer's hourly cost, a machine's price, a growth rate), and adds
         two definitions of its own, shown inline.
pasted/: the same essays with the model's lines pasted into each scenario instead.

Deterministic. Usage: models-site.py OUTPUT_FOLDER [N]
"""
import os
import sys

MODEL = """unit machine
unit month = 4 weeks
salary = $100,000/year
working_days = 250 days/year
day_length = 8 hours/day
hourly = salary / (working_days * day_length)
price = $20/month/machine
growth = 5%/week
"""


def essay(index, scenario_head):
    hours = 2 + index % 7
    machines = 1 + index % 5
    return f"""---
title: Guide {index:05d}
date: 2026-{1 + index % 12:02d}-{1 + index % 28:02d}
tags: [guide, part-{index % 20}]
---
Task {index} takes {{{{ effort }}}} of work and {{{{ fleet }}}} a month of machines; the
load doubles every {{{{ doubling }}}}.

```scenario
{scenario_head}effort = {hours} hours * hourly
fleet = {machines} machine * price * 1 month
doubling = ceil(ln(2) / ln(1 + growth * 1 week)) * 1 week
```
"""


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    for site, head in (("model", 'use "/models/shared.scenario"\n'), ("pasted", MODEL)):
        os.makedirs(os.path.join(folder, site, "guides"), exist_ok=True)
        for index in range(count):
            with open(os.path.join(folder, site, "guides", f"guide-{index:05d}.md"), "w") as out:
                out.write(essay(index, head))
    os.makedirs(os.path.join(folder, "model", "models"), exist_ok=True)
    with open(os.path.join(folder, "model", "models", "shared.scenario"), "w") as out:
        out.write(MODEL)


main()
