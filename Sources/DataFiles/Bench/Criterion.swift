import Diagnostics

/// Criterion.rs's result folders: `target/criterion/NAME/new/` holds `estimates.json` (point
/// estimates and confidence intervals, nanoseconds), `sample.json` (each sample's iteration
/// count and total time) and `benchmark.json` (the benchmark's ids). One benchmark per `new/`
/// folder; its runs are the samples' times per iteration. The site finds the folders and reads
/// the files (`CriterionFolder`); this reads what they hold.
public enum Criterion {
    /// One benchmark's files as read: `estimates` must exist, the others may not.
    public struct Files {
        /// The benchmark's folder below the folder `bench()` named (`gzip/level/6`).
        public var directory: String
        public var estimates: SourceFile
        public var sample: SourceFile?
        public var benchmark: SourceFile?

        public init(directory: String, estimates: SourceFile, sample: SourceFile?, benchmark: SourceFile?) {
            self.directory = directory
            self.estimates = estimates
            self.sample = sample
            self.benchmark = benchmark
        }
    }

    /// The table of every benchmark, rows sorted by name. Rows are located in a listing named
    /// `folder` (the folder's display path) that holds one benchmark's name per line.
    public static func read(_ benchmarks: [Files], folder: String) -> (DataTable?, [Diagnostic]) {
        var records: [(String, BenchRecord)] = []
        for files in benchmarks {
            switch record(files) {
            case .success(let record): records.append((record.name, record))
            case .failure(let problem): return (nil, [problem])
            }
        }
        records.sort { $0.0 < $1.0 }
        let names = records.map(\.0)
        if let repeated = zip(names, names.dropFirst()).first(where: { $0 == $1 })?.0 {
            return (nil, [.error("two Criterion benchmarks are both named `\(repeated)`",
                                 at: SourceLocation(file: folder, line: 1, column: 1))])
        }
        // Each row's offset is its name's line in the listing.
        let listing = SourceFile(path: folder, text: names.joined(separator: "\n"))
        var offset = 0
        var located: [BenchRecord] = []
        for (name, var record) in records {
            record.offset = offset
            offset += name.utf8.count + 1
            located.append(record)
        }
        return BenchTable(records: located, timeUnit: "ns").make(file: listing)
    }

    private static func parsed(_ file: SourceFile) -> Result<(JSONParser.Node, JSONTableReader.Located), Diagnostic> {
        let located = JSONTableReader.Located(file: file, shift: 0)
        switch JSONParser.parse(Array(file.text.utf8)) {
        case .success(let root): return .success((root, located))
        case .failure(let failure): return .failure(located.error("JSON does not parse: \(failure.message)", failure.offset))
        }
    }

    static func record(_ files: Files) -> Result<BenchRecord, Diagnostic> {
        let estimates: JSONParser.Node, located: JSONTableReader.Located
        switch parsed(files.estimates) {
        case .success(let read): (estimates, located) = read
        case .failure(let problem): return .failure(problem)
        }
        func estimate(_ key: String) -> JSONParser.Node? { estimates.member(key)?.member("point_estimate") }
        guard let mean = estimate("mean")?.number, let median = estimate("median")?.number else {
            return .failure(located.error("Criterion's estimates.json has `mean` and `median`, each with a "
                                          + "`point_estimate` (nanoseconds)", estimates.offset))
        }
        var name = files.directory
        var record = BenchRecord(name: name, offset: 0)
        if let file = files.benchmark {
            switch parsed(file) {
            case .success(let (ids, _)):
                if let id = ids.member("full_id")?.text ?? ids.member("title")?.text { name = id }
                for (key, column) in [("group_id", "group"), ("function_id", "function"), ("value_str", "value")] {
                    if let value = ids.member(key)?.text { record.parameters.append((column, value)) }
                }
            case .failure(let problem): return .failure(problem)
            }
        }
        record.name = name
        record.statistics = ["mean": mean, "median": median]
        if let spread = estimate("std_dev")?.number { record.statistics["stddev"] = spread }
        for (key, figure) in [("median_abs_dev", "median_abs_dev"), ("slope", "slope")] {
            if let value = estimate(key)?.number { record.figures.append((figure, value, "ns")) }
        }
        for (end, figure) in [("lower_bound", "mean_lower"), ("upper_bound", "mean_upper")] {
            if let value = estimates.member("mean")?.member("confidence_interval")?.member(end)?.number {
                record.figures.append((figure, value, "ns"))
            }
        }
        if let file = files.sample {
            switch runs(file) {
            case .success(let runs): record.runs = runs
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(record)
    }

    /// `sample.json`: `iters` and `times` side by side; a run is one sample's time per iteration.
    private static func runs(_ file: SourceFile) -> Result<[Double], Diagnostic> {
        let root: JSONParser.Node, located: JSONTableReader.Located
        switch parsed(file) {
        case .success(let read): (root, located) = read
        case .failure(let problem): return .failure(problem)
        }
        guard let iterations = root.member("iters")?.numbers, let times = root.member("times")?.numbers else {
            return .failure(located.error("Criterion's sample.json has `iters` and `times`, lists of numbers",
                                          root.offset))
        }
        guard iterations.count == times.count else {
            return .failure(located.error("`iters` has \(iterations.count) numbers and `times` \(times.count); "
                                          + "they go in pairs", root.offset))
        }
        guard iterations.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return .failure(located.error("every count in `iters` must be above 0", root.offset))
        }
        return .success(zip(times, iterations).map { $0 / $1 })
    }
}
