#!/usr/bin/env python3
"""Writes two sites of N essays (default 1,000) for the data benchmark.

data/:  every essay reads the same 10,000-row CSV (reports/data/metrics.csv) and computes from
        it: count, sum, max, a percentile (a different share per essay) and a sum in dollars,
        shown inline and checked by a claim.
typed/: the same essays with each of those numbers typed into the scenario as a constant,
        computed here the way costmark computes them (linear interpolation for percentiles).

Deterministic (seeded). Usage: data-site.py OUTPUT_FOLDER [N] [ROWS]
"""
import datetime
import os
import random
import sys


def percentile(sorted_values, share):
    position = share * (len(sorted_values) - 1)
    lower = int(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (position - lower) * (sorted_values[upper] - sorted_values[lower])


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    rng = random.Random(7)
    start = datetime.date(2000, 1, 1)
    lines = ["day,requests,p99 (ms),spend ($)"]
    requests, p99, spend = [], [], []
    for row in range(rows):
        r = int(40000 * (1 + row / rows)) + rng.randrange(9000)
        p = (1800 + rng.randrange(900)) / 10
        s = (95000 + rng.randrange(400000)) / 100
        requests.append(r)
        p99.append(p)
        spend.append(s)
        day = start + datetime.timedelta(days=row)
        lines.append(f'{day.isoformat()},{r},{p:.1f},"{s:,.2f}"')
    csv_text = "\n".join(lines) + "\n"
    ordered = sorted(p99)
    total, slowest, spent = sum(requests), max(p99), round(sum(spend), 2)

    prose = ("Over {{{{ days }}}} days the service answered {{{{ total }}}}. The slowest day's p99 was "
             "{{{{ slowest }}}}, and on {share}% of days it stayed under {{{{ p{share} }}}}. "
             "Spend came to {{{{ spend }}}}, and the objective held: {{{{ slowest < 300 ms }}}}.\n")
    data_model = ("```scenario\nunit request\nm = csv(\"data/metrics.csv\")\n"
                  "days = count(m.requests)\ntotal = sum(m.requests) * 1 request\nslowest = max(m.p99)\n"
                  "p{share} = percentile(m.p99, {share}%)\nspend = sum(m.spend)\n```\n")
    typed_model = ("```scenario\nunit request\n"
                   "days = {days}\ntotal = {total} request\nslowest = {slowest!r} ms\n"
                   "p{share} = {pvalue!r} ms\nspend = ${spend!r}\n```\n")
    for side in ("data", "typed"):
        reports = os.path.join(folder, side, "reports")
        os.makedirs(os.path.join(reports, "data"), exist_ok=True)
        if side == "data":
            with open(os.path.join(reports, "data", "metrics.csv"), "w") as f:
                f.write(csv_text)
        for index in range(count):
            share = 50 + index % 50
            date = start + datetime.timedelta(days=index)
            body = prose.format(share=share)
            if side == "data":
                model = data_model.format(share=share)
            else:
                model = typed_model.format(days=rows, total=total, slowest=slowest, share=share,
                                           pvalue=percentile(ordered, share / 100), spend=spent)
            with open(os.path.join(reports, f"report-{index:04d}.md"), "w") as f:
                f.write(f"---\ntitle: \"Report {index}\"\ndate: {date.isoformat()}\n---\n\n{body}\n{model}")


if __name__ == "__main__":
    main()
