#!/usr/bin/env python3
"""Writes two sites of N essays (default 200) for the uncertainty benchmark.

uncertain/: each essay's model has two ranges (a machine's price, the weekly growth) and a line
            chart of the spend over 13 months, which draws as a fan; prose shows three values.
certain/:   the same essays with single numbers in place of the ranges.

Deterministic. Usage: uncertain-site.py OUTPUT_FOLDER [N]
"""
import os
import sys


def essay(index, price, growth):
    return f"""---
title: Estimate {index:05d}
date: 2026-{1 + index % 12:02d}-{1 + index % 28:02d}
tags: [estimate]
---
Over a year the machines cost {{{{ total }}}} and pass the afternoon of work at
{{{{ breakeven }}}}; the first month costs {{{{ at(spend, 0 months) }}}}.

```chart
type: line
y: [cumulative, spend]
title: Spend, month by month
```

```scenario
unit machine
unit month = 4 weeks
timeline = 0..12 months
price = {price}
growth = {growth}
work = {4 + index % 5} hours * $50/hour
machines = floor(compound(growth, t)) * {1 + index % 3} machine
spend = machines * price * 1 month
cumulative = cumsum(spend)
total = sum(spend)
breakeven = first(cumulative >= work)
```
"""


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    sites = {
        "uncertain": ("$20/month/machine to $50/month/machine", "5%/week to 7%/week"),
        "certain": ("$32/month/machine", "6%/week"),
    }
    for site, (price, growth) in sites.items():
        os.makedirs(os.path.join(folder, site, "estimates"), exist_ok=True)
        for index in range(count):
            with open(os.path.join(folder, site, "estimates", f"estimate-{index:05d}.md"), "w") as out:
                out.write(essay(index, price, growth))


main()
