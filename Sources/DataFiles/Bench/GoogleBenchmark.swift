import Diagnostics

/// Google Benchmark's `--benchmark_format=json`: `benchmarks`, one object per run; with
/// `--benchmark_repetitions=N` each repetition is a row of `run_type` "iteration" and the tool
/// adds "aggregate" rows (`aggregate_name` mean, median, stddev, cv) under the same `run_name`.
/// One record per `run_name`: its iterations' `real_time` are the runs, its aggregates the
/// statistics. Times are in each row's `time_unit`; all are given in nanoseconds.
enum GoogleBenchmark {
    static let nanoseconds: [String: Double] = ["ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9]

    static func read(_ root: JSONParser.Node, located: JSONTableReader.Located) -> Result<BenchTable, Diagnostic> {
        guard let rows = root.member("benchmarks")?.elements else {
            return .failure(located.error("Google Benchmark's file has a `benchmarks` array", root.offset))
        }
        var records: [BenchRecord] = []
        var index: [String: Int] = [:]
        for row in rows {
            guard let name = row.member("run_name")?.text ?? row.member("name")?.text else {
                return .failure(located.error("this benchmark has no `name`", row.offset))
            }
            let unit = row.member("time_unit")?.text ?? "ns"
            guard let scale = nanoseconds[unit] else {
                return .failure(located.error("unknown `time_unit` \"\(unit)\" (ns, us, ms or s)", row.offset))
            }
            if row.member("error_occurred")?.text == "true" {
                let message = row.member("error_message")?.text ?? "no message"
                return .failure(located.error("benchmark `\(name)` failed when it ran: \(message)", row.offset))
            }
            let position = index[name] ?? {
                index[name] = records.count
                records.append(record(name, row))
                return records.count - 1
            }()
            guard let realTime = row.member("real_time")?.number else {
                return .failure(located.error("this benchmark has no `real_time`", row.offset))
            }
            if row.member("run_type")?.text == "aggregate" {
                let aggregate = row.member("aggregate_name")?.text ?? ""
                if ["mean", "median", "stddev"].contains(aggregate), row.member("aggregate_unit")?.text != "percentage" {
                    records[position].statistics[aggregate] = realTime * scale
                }
            } else {
                records[position].runs.append(realTime * scale)
                if let cpu = row.member("cpu_time")?.number {
                    add(&records[position], "cpu_time", cpu * scale, "ns")
                }
                for (key, unit) in [("bytes_per_second", "B/s"), ("items_per_second", nil as String?)] {
                    if let value = row.member(key)?.number { add(&records[position], key, value, unit) }
                }
                if let iterations = row.member("iterations")?.number { add(&records[position], "iterations", iterations, nil) }
            }
        }
        // A figure seen in several repetitions is their mean.
        for position in records.indices {
            let repetitions = Double(max(1, records[position].runs.count))
            records[position].figures = records[position].figures.map { ($0.name, $0.value / repetitions, $0.unit) }
        }
        return .success(BenchTable(records: records, timeUnit: "ns"))
    }

    private static func record(_ name: String, _ row: JSONParser.Node) -> BenchRecord {
        var record = BenchRecord(name: name, offset: row.offset)
        // `BM_copy/8/threads:2`: `name:value` parts are parameters, bare ones `arg1`, `arg2`, …
        var positional = 0
        for part in name.split(separator: "/").dropFirst() {
            if let colon = part.firstIndex(of: ":") {
                record.parameters.append((String(part[..<colon]), String(part[part.index(after: colon)...])))
            } else {
                positional += 1
                record.parameters.append(("arg\(positional)", String(part)))
            }
        }
        return record
    }

    private static func add(_ record: inout BenchRecord, _ name: String, _ value: Double, _ unit: String?) {
        if let index = record.figures.firstIndex(where: { $0.name == name }) {
            record.figures[index].value += value
        } else {
            record.figures.append((name, value, unit))
        }
    }
}
