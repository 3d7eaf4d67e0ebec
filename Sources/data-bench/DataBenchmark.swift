import DataFiles
import Diagnostics
import Dispatch
import Foundation
import Runtime
import ScenarioSyntax
import Semantics

/// Times a large data file through costmark's own path: read the bytes, check they are UTF-8,
/// parse the CSV into typed columns, compile a scenario that reads it, evaluate it. Run by
/// `scripts/bench/data-table.sh` (`make bench`) in a release build:
///
///     data-bench generate FILE [ROWS]   writes a CSV of ROWS rows (default 1,000,000) × 4 columns
///     data-bench run FILE [RUNS]        times RUNS end-to-end passes (default 5), prints medians
///     data-bench once FILE              one pass, for an outside peak-memory measurement
///     data-bench bench-file FILE [RUNS]  times `bench()` reading a benchmark tool's file (UTF-8
///                                       check and the reader), prints the median in ms
///     data-bench regression-quality PAIRS  how often `regression < 5%` fails on synthetic runs
@main
enum DataBenchmark {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            print("usage: data-bench generate FILE [ROWS] | run FILE [RUNS] | once FILE | bench-file FILE [RUNS]")
            exit(2)
        }
        let path = arguments[2]
        let number = arguments.count > 3 ? Int(arguments[3]) : nil
        switch arguments[1] {
        case "generate": BenchFile.write(to: path, rows: number ?? 1_000_000)
        case "run": run(path, runs: number ?? 5)
        case "once": _ = pass(path)
        case "bench-file": benchFile(path, runs: number ?? 5)
        case "regression-quality":
            let (falseAlarm, detected) = RegressionQuality.run(pairs: Int(path) ?? 1_000)
            print(String(format: "worst false alarms: %.1f%%, worst detection: %.1f%%", falseAlarm * 100, detected * 100))
        default:
            print("unknown command \(arguments[1])")
            exit(2)
        }
    }

    /// A benchmark tool's file as `bench()` reads it, from bytes in memory: the time a build
    /// spends on it beyond reading the file.
    static func benchFile(_ path: String, runs: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        let bytes = [UInt8](data)
        var times: [Double] = []
        var rows = 0
        for _ in 0..<max(1, runs) {
            var clock = Clock()
            guard let text = String(validating: bytes, as: UTF8.self) else { fatalError("\(path) is not UTF-8") }
            let (table, problems) = BenchReader.read(bytes, file: SourceFile(path: path, text: text), format: nil)
            guard let table, problems.isEmpty else { fatalError("\(problems.map(\.message))") }
            rows = table.rowCount
            times.append(clock.lap() * 1000)
        }
        print("\(rows) benchmarks, \(bytes.count) bytes, \(runs) runs")
        print(String(format: "median: %.3f ms", times.sorted()[times.count / 2]))
    }

    /// The model: two aggregates of one column of the big file. (`fit_growth` needs a timeline,
    /// and a timeline has at most 10,000 steps, so it is timed on a 10,000-row table below.)
    static let model = """
    big = csv("big.csv")
    p99 = big.p99
    p90 = percentile(p99, 90%)
    slowest = max(p99)
    """

    struct Stages {
        var read = 0.0, utf8 = 0.0, parse = 0.0, compile = 0.0, evaluate = 0.0
        var total: Double { read + utf8 + parse + compile + evaluate }
    }

    /// One end-to-end pass: what a build does the first time an essay reads the file.
    static func pass(_ path: String) -> (Stages, ScenarioResult) {
        var stages = Stages()
        var clock = Clock()
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: DataLimits.fileBytes + 1) else { fatalError("cannot read \(path)") }
        let bytes = [UInt8](data)
        stages.read = clock.lap()
        guard let text = String(validating: bytes, as: UTF8.self) else { fatalError("\(path) is not UTF-8") }
        let file = SourceFile(path: path, text: text)
        stages.utf8 = clock.lap()
        let request = DataRequest(path: "big.csv", format: .csv)
        let (table, problems) = DataFileReader.parse(bytes, file: file, request: request)
        guard let table, problems.isEmpty else { fatalError("\(problems.map(\.message))") }
        stages.parse = clock.lap()
        let fragment = SourceFragment(standalone: model, path: "bench.md")
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: fragment, data: Given(table: table))
        precondition(errors.isEmpty, "\(errors.map(\.message))")
        stages.compile = clock.lap()
        let result = Evaluator.run(scenario)
        precondition(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        stages.evaluate = clock.lap()
        return (stages, result)
    }

    static func run(_ path: String, runs: Int) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var passes: [Stages] = []
        var last: ScenarioResult?
        for _ in 0..<runs {
            last = nil   // one pass's data at a time, as in a build
            let (stages, result) = pass(path)
            passes.append(stages)
            last = result
        }
        let table = last!.scenario.tables["big"]!
        print("data-bench: \(grouped(table.rowCount)) rows × \(table.columns.count) columns, "
              + String(format: "%.1f MB", Double(size) / 1e6) + ", \(runs) runs, medians")
        func line(_ label: String, _ pick: (Stages) -> Double) {
            print("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + milliseconds(median(passes.map(pick))))
        }
        line("read file", \.read)
        line("check UTF-8", \.utf8)
        line("parse CSV + build columns", \.parse)
        line("compile scenario", \.compile)
        line("evaluate (p99, p90, slowest)", \.evaluate)
        line("total", \.total)
        print("  values: p90 = \(ValueFormatter.format(last!.value(of: "p90")!)), "
              + "slowest = \(ValueFormatter.format(last!.value(of: "slowest")!))")
        functions(table)
        print("  peak RSS (this process, \(runs) passes): \(peakMegabytes()) MB")
    }

    /// Each function alone, evaluated on a table as just read ("first"), and again on a table
    /// whose column has been scaled and ranked before ("again": every essay after the first
    /// that reads the same file in a build).
    static func functions(_ table: DataTable) {
        print("per function, evaluate only (medians of 7; first use of the table, then again):")
        let cases = [
            ("column: big.p99 as a series", "x = big.p99"),
            ("percentile(big.p99, 90%)", "x = percentile(big.p99, 90%)"),
            ("max(big.p99)", "x = max(big.p99)"),
        ]
        for (label, definition) in cases { firstAndAgain(label, "big = csv(\"big.csv\")\n" + definition, table) }
        // fit_growth needs a timeline: the largest one allowed, 10,000 days of the same kind of data.
        let days = BenchFile.daily(rows: Timeline.maximumSteps)
        let daily = DataFileReader.parse(Array(days.utf8), file: SourceFile(path: "daily.csv", text: days),
                                         request: DataRequest(path: "daily.csv", format: .csv)).0!
        firstAndAgain("fit_growth, 10,000-step timeline",
                      "daily = csv(\"daily.csv\")\ntimeline = daily.day\nx = fit_growth(daily.requests)", daily)
        // What each essay of the data-site benchmark computes from its 10,000-row file.
        firstAndAgain("an essay's 5 values, 10,000 rows",
                      "daily = csv(\"daily.csv\")\ndays = count(daily.requests)\ntotal = sum(daily.requests)\n"
                      + "slowest = max(daily.p99)\np90 = percentile(daily.p99, 90%)\nspend = sum(daily.spend)", daily)
        let column: [Double]
        if case .numbers(let numbers) = table.column(named: "requests")!.content { column = numbers } else { column = [] }
        report("fit_growth's fit, 1,000,000 values", times(7) { _ = SeriesStatistics.growthPerStep(column) })
    }

    static func firstAndAgain(_ label: String, _ model: String, _ table: DataTable) {
        var first: [Double] = []
        for _ in 0..<7 {
            let scenario = compiled(model, Given(table: unshared(table)))
            first += times(1) { _ = Evaluator.run(scenario) }
        }
        let scenario = compiled(model, Given(table: unshared(table)))
        for _ in 0..<2 { _ = Evaluator.run(scenario) }   // scaled, ranked twice: the shared copies exist
        let again = times(7, repeating: table.rowCount > 100_000 ? 1 : 100) { _ = Evaluator.run(scenario) }
        print("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + milliseconds(median(first))
              + "   again " + milliseconds(median(again)))
    }

    /// The same table with none of its columns' shared work done yet (a fresh read, without one).
    static func unshared(_ table: DataTable) -> DataTable {
        var fresh = table
        for index in fresh.columns.indices { fresh.columns[index].content = table.columns[index].content }
        return fresh
    }

    static func compiled(_ text: String, _ source: DataSource) -> CompiledScenario {
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: text, path: "bench.md"),
                                                          data: source)
        precondition(errors.isEmpty, "\(errors.map(\.message))")
        return scenario
    }

    static func report(_ label: String, _ seconds: [Double]) {
        print("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + milliseconds(median(seconds)))
    }

    /// Seconds per call of `body`: `count` batches of `repeating` calls.
    static func times(_ count: Int, repeating: Int = 1, _ body: () -> Void) -> [Double] {
        (0..<count).map { _ in
            var clock = Clock()
            for _ in 0..<repeating { body() }
            return clock.lap() / Double(repeating)
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.001 ? String(format: "%8.1f µs", seconds * 1e6) : String(format: "%8.1f ms", seconds * 1000)
    }

    static func grouped(_ n: Int) -> String {
        var digits = String(n), result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }

    /// The most memory this process has held, in megabytes (Linux reports kilobytes).
    static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    struct Clock {
        var start = DispatchTime.now().uptimeNanoseconds

        mutating func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { start = now }
            return Double(now - start) / 1e9
        }
    }

    /// Gives the compiler a table already read, as the site's per-build cache does for every
    /// essay after the first.
    struct Given: DataSource {
        let table: DataTable
        func table(for request: DataRequest) -> Result<DataTable, DataLoadError> { .success(table) }
    }
}
