import Diagnostics

/// pytest-benchmark's `--benchmark-json`: `benchmarks`, one object per test, its `stats` in
/// seconds. `stats.data` holds every round only when the run kept it
/// (`--benchmark-save-data`); otherwise the runs are the five points the tool keeps: min, q1,
/// median, q3 and max.
enum PytestBenchmark {
    static func read(_ root: JSONParser.Node, located: JSONTableReader.Located) -> Result<BenchTable, Diagnostic> {
        guard let rows = root.member("benchmarks")?.elements else {
            return .failure(located.error("pytest-benchmark's file has a `benchmarks` array", root.offset))
        }
        var records: [BenchRecord] = []
        for row in rows {
            guard let name = row.member("name")?.text, let stats = row.member("stats") else {
                return .failure(located.error("this benchmark has no `name` or no `stats`", row.offset))
            }
            var record = BenchRecord(name: name, offset: row.offset)
            for statistic in BenchTable.statisticNames {
                if let value = stats.member(statistic)?.number { record.statistics[statistic] = value }
            }
            if let data = stats.member("data") {
                guard let runs = data.numbers else {
                    return .failure(located.error("`stats.data` must be a list of numbers (seconds)", data.offset))
                }
                record.runs = runs
            } else {
                let points = ["min", "q1", "median", "q3", "max"].compactMap { stats.member($0)?.number }
                if points.count == 5 { record.runs = points }
            }
            for (key, unit) in [("rounds", nil as String?), ("iterations", nil), ("ops", nil), ("iqr", "s")] {
                if let value = stats.member(key)?.number { record.figures.append((key, value, unit)) }
            }
            if case .object(let parameters)? = row.member("params")?.value {
                for parameter in parameters {
                    if let value = parameter.value.text { record.parameters.append((parameter.key, value)) }
                }
            }
            records.append(record)
        }
        return .success(BenchTable(records: records, timeUnit: "s"))
    }
}
