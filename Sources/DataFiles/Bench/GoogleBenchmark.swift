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
        for node in rows {
            let row = Row(node)
            guard let name = row.runName ?? row.name else {
                return .failure(located.error("this benchmark has no `name`", node.offset))
            }
            let unit = row.timeUnit ?? "ns"
            guard let scale = nanoseconds[unit] else {
                return .failure(located.error("unknown `time_unit` \"\(unit)\" (ns, us, ms or s)", node.offset))
            }
            if row.errorOccurred {
                return .failure(located.error("benchmark `\(name)` failed when it ran: \(row.errorMessage ?? "no message")",
                                              node.offset))
            }
            let position = index[name] ?? {
                index[name] = records.count
                records.append(record(name, node))
                return records.count - 1
            }()
            guard let realTime = row.realTime else {
                return .failure(located.error("this benchmark has no `real_time`", node.offset))
            }
            if row.runType == "aggregate" {
                let aggregate = row.aggregateName ?? ""
                if ["mean", "median", "stddev"].contains(aggregate), row.aggregateUnit != "percentage" {
                    records[position].statistics[aggregate] = realTime * scale
                }
            } else {
                records[position].runs.append(realTime * scale)
                if let cpu = row.cpuTime { add(&records[position], "cpu_time", cpu * scale, "ns") }
                if let value = row.bytesPerSecond { add(&records[position], "bytes_per_second", value, "B/s") }
                if let value = row.itemsPerSecond { add(&records[position], "items_per_second", value, nil) }
                if let iterations = row.iterations { add(&records[position], "iterations", iterations, nil) }
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

    /// The fields of one row, read in one pass over its keys (a file holds thousands of rows).
    private struct Row {
        var name, runName, runType, aggregateName, aggregateUnit, timeUnit, errorMessage: String?
        var realTime, cpuTime, bytesPerSecond, itemsPerSecond, iterations: Double?
        var errorOccurred = false

        init(_ node: JSONParser.Node) {
            guard case .object(let members) = node.value else { return }
            for member in members {
                let value = member.value
                switch member.key {
                case "name": name = value.text
                case "run_name": runName = value.text
                case "run_type": runType = value.text
                case "aggregate_name": aggregateName = value.text
                case "aggregate_unit": aggregateUnit = value.text
                case "time_unit": timeUnit = value.text
                case "error_message": errorMessage = value.text
                case "error_occurred": errorOccurred = value.text == "true"
                case "real_time": realTime = value.number
                case "cpu_time": cpuTime = value.number
                case "bytes_per_second": bytesPerSecond = value.number
                case "items_per_second": itemsPerSecond = value.number
                case "iterations": iterations = value.number
                default: break
                }
            }
        }
    }
}
