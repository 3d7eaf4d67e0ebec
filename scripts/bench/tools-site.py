"""Inputs for scripts/bench/tools-site.sh: a 1,000,000-row SQLite table, a 100,000-row CSV, a
Google Benchmark file of 200 benchmarks x 10 repetitions, and two sites of N report essays: one
that reads a hyperfine file and a query per essay, one with the same numbers typed in.
Usage: tools-site.py WORK N"""
import json, os, random, sqlite3, sys

work, n = sys.argv[1], int(sys.argv[2])
random.seed(7)

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def essay(folder, index, body):
    write(f"{folder}/reports/r-{index:05d}.md",
          f"---\ntitle: Report {index}\ndate: 2026-01-{index % 28 + 1:02d}\n---\n{body}")

# One essay over a 1,000,000-row database, one over a 100,000-row CSV.
os.makedirs(f"{work}/sqlite/data", exist_ok=True)
db = sqlite3.connect(f"{work}/sqlite/data/big.sqlite")
db.execute("CREATE TABLE requests (day TEXT, service TEXT, latency REAL)")
db.executemany("INSERT INTO requests VALUES (?, ?, ?)",
               ((f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}", ("api", "db", "web")[i % 3], 20 + (i * 7919) % 300)
                for i in range(1_000_000)))
db.commit()
db.execute("VACUUM")
db.close()
write(f"{work}/sqlite/q.md", "---\ntitle: Q\n---\nMean {{ sum(db.latency) }} over {{ sum(db.n) }} requests.\n\n```scenario\n"
      "db = sql(\"data/big.sqlite\", \"SELECT count(*) AS n, avg(latency) AS \\\"latency (ms)\\\" FROM requests "
      "WHERE service = 'db'\")\n```\n")
# The same table grouped: SQLite sorts a million rows for it (reported, no target).
os.makedirs(f"{work}/grouped/data", exist_ok=True)
os.link(f"{work}/sqlite/data/big.sqlite", f"{work}/grouped/data/big.sqlite")
write(f"{work}/grouped/q.md", "---\ntitle: Q\n---\nMean {{ by.latency[\"db\"] }}.\n\n```scenario\n"
      "by = sql(\"data/big.sqlite\", \"SELECT service, avg(latency) AS \\\"latency (ms)\\\" FROM requests GROUP BY service\")\n```\n")
rows = ["day,service,latency (ms)"] + [f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d},{('api', 'db', 'web')[i % 3]},{20 + (i * 7919) % 300}"
                                       for i in range(100_000)]
write(f"{work}/csvsql/data/big.csv", "\n".join(rows) + "\n")
write(f"{work}/csvsql/q.md", "---\ntitle: Q\n---\nSlow days {{ count(slow.latency) }}.\n\n```scenario\n"
      "big = csv(\"data/big.csv\")\nslow = sql(\"SELECT day, latency FROM big WHERE latency > 300\")\n```\n")

# Google Benchmark: 200 benchmarks x 10 repetitions, with aggregates, as the tool writes them.
rows = []
for b in range(200):
    name = f"BM_case/{b}"
    for r in range(10):
        rows.append({"name": name, "family_index": b, "per_family_instance_index": 0, "run_name": name,
                     "run_type": "iteration", "repetitions": 10, "repetition_index": r, "threads": 1,
                     "iterations": 1000, "real_time": 100.0 + b + r * 0.5, "cpu_time": 99.0 + b, "time_unit": "ns"})
    for aggregate in ("mean", "median", "stddev", "cv"):
        rows.append({"name": f"{name}_{aggregate}", "family_index": b, "run_name": name, "run_type": "aggregate",
                     "repetitions": 10, "threads": 1, "aggregate_name": aggregate,
                     "aggregate_unit": "percentage" if aggregate == "cv" else "time",
                     "iterations": 10, "real_time": 102.25 + b, "cpu_time": 99.0 + b, "time_unit": "ns"})
write(f"{work}/gbench.json", json.dumps({"context": {"library_version": "v1.7.1"}, "benchmarks": rows}, indent=2))

# N report essays: each reads its own hyperfine file and queries it, or has the numbers typed.
for index in range(n):
    times = [0.1 + (index % 17) * 0.001 + r * 0.0004 for r in range(10)]
    result = {"results": [{"command": "gzip -6", "mean": sum(times) / 10, "stddev": 0.001, "median": times[5],
                           "user": 0.09, "system": 0.01, "min": times[0], "max": times[-1], "times": times,
                           "exit_codes": [0] * 10}]}
    write(f"{work}/tools/reports/data/run-{index:05d}.json", json.dumps(result, indent=2))
    essay(f"{work}/tools", index,
          f"gzip -6 took {{{{ g.mean[\"gzip -6\"] as ms }}}}, at worst {{{{ worst.slowest[\"gzip -6\"] as ms }}}}.\n\n"
          f"```scenario\ng = bench(\"data/run-{index:05d}.json\")\n"
          f"worst = sql(\"SELECT name, max AS \\\"slowest (s)\\\" FROM g\")\n```\n")
    essay(f"{work}/typed", index,
          f"gzip -6 took {{{{ average as ms }}}}, at worst {{{{ slowest as ms }}}}.\n\n"
          f"```scenario\naverage = {sum(times) / 10} s\nslowest = {times[-1]} s\n```\n")
