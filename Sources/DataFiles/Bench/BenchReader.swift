import Diagnostics

/// `bench("data/gzip.json")`: a benchmark tool's output as it was written, one row per
/// benchmark. The format is detected (or named: `format: "gobench"`); each adapter turns its
/// tool's records into `BenchRecord`s, and `BenchTable` makes the one table shape they share:
/// `name` (the key), `mean`, `median`, `min`, `max`, `stddev`, the tool's other figures, the
/// parameters, and `runs`, every measurement of the benchmark.
public enum BenchReader {
    /// The formats, by the name `format:` takes, in the order detection tries them.
    public static let formats = ["hyperfine", "gbench", "pytest", "gobench", "criterion"]

    public static func read(_ bytes: [UInt8], file: SourceFile, format: String?) -> (DataTable?, [Diagnostic]) {
        func error(_ message: String, _ offset: Int = 0, notes: [Diagnostic.Note] = []) -> (DataTable?, [Diagnostic]) {
            (nil, [.error(message, at: file.location(ofUTF8Offset: offset), notes: notes)])
        }
        if let format, !formats.contains(format) {
            return error("`\(format)` is not a benchmark format costmark reads",
                         notes: [.init("formats: " + formats.joined(separator: ", "))])
        }
        if format == "criterion" {
            // The site reads Criterion's folders (`CriterionFolder`); a file here is not one.
            return error("Criterion's results are a folder: name it (`bench(\"data/criterion\")`) or a "
                         + "benchmark's `new/estimates.json`")
        }
        let parsed = JSONParser.parse(bytes)
        let chosen: String
        switch (format, parsed) {
        case (let named?, _): chosen = named
        case (nil, .success(let root)):
            guard let detected = detect(root) else {
                return error("this JSON is not the output of a benchmark tool costmark knows",
                             notes: [.init("tried: hyperfine --export-json (`results`), Google "
                                           + "Benchmark --benchmark_format=json (`context` and `benchmarks`), "
                                           + "pytest-benchmark --benchmark-json (`benchmarks` with `stats`); "
                                           + "Criterion's results are read from their folder"),
                                     .init("name the format if it is one of these: bench(\"…\", format: \"gbench\")")])
            }
            chosen = detected
        case (nil, .failure(let failure)):
            guard GoBench.looksLikeGoBench(bytes) else {
                return error("this file is neither JSON a benchmark tool writes nor `go test -bench` output",
                             failure.offset,
                             notes: [.init("as JSON: \(failure.message)"),
                                     .init("formats: " + formats.joined(separator: ", "))])
            }
            chosen = "gobench"
        }
        let records: Result<BenchTable, Diagnostic>
        if chosen == "gobench" {
            records = GoBench.read(bytes, file: file)
        } else {
            guard case .success(let root) = parsed else {
                if case .failure(let failure) = parsed { return error("JSON does not parse: \(failure.message)", failure.offset) }
                return error("JSON does not parse")
            }
            let located = JSONTableReader.Located(file: file, shift: 0)
            switch chosen {
            case "hyperfine": records = Hyperfine.read(root, located: located)
            case "gbench": records = GoogleBenchmark.read(root, located: located)
            default: records = PytestBenchmark.read(root, located: located)
            }
        }
        switch records {
        case .failure(let problem): return (nil, [problem])
        case .success(let table): return table.make(file: file)
        }
    }

    /// The format a parsed file is in, by the keys its tool always writes.
    static func detect(_ root: JSONParser.Node) -> String? {
        guard case .object(let members) = root.value else { return nil }
        let keys = Set(members.map(\.key))
        func firstElement(_ key: String) -> [String]? {
            guard let array = members.first(where: { $0.key == key })?.value,
                  case .array(let items) = array.value, let first = items.first,
                  case .object(let fields) = first.value else { return nil }
            return fields.map(\.key)
        }
        // hyperfine's is the only format with `results`: a result missing `command` is then
        // reported by its adapter, at the result.
        if firstElement("results") != nil { return "hyperfine" }
        if keys.contains("context"), keys.contains("benchmarks") { return "gbench" }
        if firstElement("benchmarks")?.contains("stats") == true { return "pytest" }
        return nil
    }
}
