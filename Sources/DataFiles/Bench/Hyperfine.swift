import Diagnostics

/// hyperfine's `--export-json`: `results`, one object per command, times in seconds; `times`
/// holds every run, `parameters` the values of `--parameter-scan` or `-L`.
enum Hyperfine {
    static func read(_ root: JSONParser.Node, located: JSONTableReader.Located) -> Result<BenchTable, Diagnostic> {
        guard let results = root.member("results")?.elements else {
            return .failure(located.error("hyperfine's file has a `results` array", root.offset))
        }
        var records: [BenchRecord] = []
        for result in results {
            guard let command = result.member("command")?.text else {
                return .failure(located.error("this result has no `command`", result.offset))
            }
            var record = BenchRecord(name: command, offset: result.offset)
            if let times = result.member("times") {
                guard let runs = times.numbers else {
                    return .failure(located.error("`times` must be a list of numbers (seconds)", times.offset))
                }
                record.runs = runs
            }
            for statistic in BenchTable.statisticNames {
                if let value = result.member(statistic)?.number { record.statistics[statistic] = value }
            }
            for figure in ["user", "system"] {
                if let value = result.member(figure)?.number { record.figures.append((figure, value, "s")) }
            }
            if case .object(let parameters)? = result.member("parameters")?.value {
                for parameter in parameters {
                    if let value = parameter.value.text { record.parameters.append((parameter.key, value)) }
                }
            }
            records.append(record)
        }
        return .success(BenchTable(records: records, timeUnit: "s"))
    }
}
