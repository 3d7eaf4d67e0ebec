import Diagnostics

/// Which file a scenario reads, and how: `csv("data/weekly.csv")`, `json("bench.json", "results")`.
public struct DataRequest: Sendable, Hashable {
    /// `jsonLines` is `json("…")` of a `.jsonl` file; `bench` a benchmark tool's output;
    /// `sqlite` a database file, queried with the SQL in `keyPath`.
    public enum Format: String, Sendable, Hashable { case csv, json, jsonLines, bench, sqlite }
    /// As written: relative to the essay, or rooted at the content folder with a leading `/`.
    public var path: String
    public var format: Format
    public var keyPath: String?
    /// `bench(path, format: "gobench")`: the tool's format, instead of detecting it.
    public var benchFormat: String?
    /// `at: "HEAD~1"`: the file as committed at that revision, not as it is in the work tree.
    public var revision: String?
    /// `versions: 30`: the file's last committed versions, a table over commits.
    public var versions: Int?

    public init(path: String, format: Format, keyPath: String? = nil, benchFormat: String? = nil) {
        self.path = path
        self.format = format
        self.keyPath = keyPath
        self.benchFormat = benchFormat
    }
}

/// Why a data file could not be used, said at the `csv(…)` that asked for it. A file whose own
/// content is broken has its errors reported once, located in the file, and the reference says
/// only that (`isReportedElsewhere`).
public struct DataLoadError: Error, Sendable {
    public var message: String
    public var notes: [Diagnostic.Note]
    public var isReportedElsewhere: Bool
    /// The problem is the revision's (`at:`, `versions:`): said at that option.
    public var isHistoryProblem = false
    /// For a query of a database file: where in the query's text the problem is, in bytes.
    public var queryOffset: Int?

    public init(message: String, notes: [Diagnostic.Note] = [], isReportedElsewhere: Bool = false,
                queryOffset: Int? = nil) {
        self.message = message
        self.notes = notes
        self.isReportedElsewhere = isReportedElsewhere
        self.queryOffset = queryOffset
    }
}

/// Gives scenarios their data tables. The site stage implements it with a per-build cache, so a
/// file read by a thousand essays is read and parsed once; tests implement it in memory.
public protocol DataSource: Sendable {
    func table(for request: DataRequest) -> Result<DataTable, DataLoadError>
    /// The table's file at its previous committed version (the one before the work tree's, or
    /// before HEAD's when the work tree is HEAD), read as the table was, and that commit's
    /// short id: what a failing claim compares its rows with. Nil without a history.
    func previousVersion(of table: DataTable) -> (table: DataTable, commit: String)?
}

extension DataSource {
    public func previousVersion(of table: DataTable) -> (table: DataTable, commit: String)? { nil }
}

/// A source with no files: every request fails, naming the path.
public struct NoData: DataSource {
    public init() {}

    public func table(for request: DataRequest) -> Result<DataTable, DataLoadError> {
        .failure(DataLoadError(message: "no data file `\(request.path)` here"))
    }
}

/// Tables given up front, keyed by path (tests, `explain`).
public struct InMemoryData: DataSource {
    public var files: [String: String]
    /// Files that are not text (SQLite databases), by path.
    public var binaryFiles: [String: [UInt8]]

    public init(_ files: [String: String], binaryFiles: [String: [UInt8]] = [:]) {
        self.files = files
        self.binaryFiles = binaryFiles
    }

    public func table(for request: DataRequest) -> Result<DataTable, DataLoadError> {
        if request.format == .sqlite, let bytes = binaryFiles[request.path] ?? files[request.path].map({ Array($0.utf8) }) {
            return DataFileReader.query(database: bytes, request: request)
        }
        if request.format == .bench, files[request.path] == nil, let table = criterionFolder(request.path) {
            return table
        }
        guard let text = files[request.path] else {
            return .failure(DataLoadError(message: "no data file `\(request.path)`"))
        }
        let (table, problems) = DataFileReader.parse(Array(text.utf8), file: SourceFile(path: request.path, text: text),
                                                     request: request)
        if let table { return .success(table) }
        return .failure(DataLoadError(message: problems.first?.message ?? "cannot read `\(request.path)`",
                                      notes: problems.first?.location.map { [.init("here", at: $0)] } ?? []))
    }
}

extension InMemoryData {
    /// `bench("data/criterion")` over the files below that path, as the site reads the folder.
    func criterionFolder(_ path: String) -> Result<DataTable, DataLoadError>? {
        let suffix = "/new/estimates.json"
        let folders = files.keys.filter { $0.hasPrefix(path + "/") && $0.hasSuffix(suffix) }.sorted()
        guard !folders.isEmpty else { return nil }
        let benchmarks = folders.map { estimates -> Criterion.Files in
            let folder = String(estimates.dropLast(suffix.count))
            func file(_ name: String) -> SourceFile? {
                files[folder + "/new/" + name].map { SourceFile(path: folder + "/new/" + name, text: $0) }
            }
            return Criterion.Files(directory: String(folder.dropFirst(path.count + 1)), estimates: file("estimates.json")!,
                                   sample: file("sample.json"), benchmark: file("benchmark.json"))
        }
        let (table, problems) = Criterion.read(benchmarks, folder: path)
        if let table { return .success(table) }
        return .failure(DataLoadError(message: problems.first?.message ?? "cannot read `\(path)`"))
    }
}

/// Reading a file's bytes into a table, by format.
public enum DataFileReader {
    public static func parse(_ bytes: [UInt8], file: SourceFile, request: DataRequest) -> (DataTable?, [Diagnostic]) {
        switch request.format {
        case .csv: return CSVReader.read(bytes, file: file)
        case .json: return JSONTableReader.read(bytes, file: file, keyPath: request.keyPath)
        case .jsonLines: return JSONTableReader.read(bytes, file: file, keyPath: request.keyPath, lines: true)
        case .bench: return BenchReader.read(bytes, file: file, format: request.benchFormat)
        case .sqlite:
            switch query(database: bytes, request: request) {
            case .success(let table): return (table, [])
            case .failure(let problem): return (nil, [.error(problem.message, at: file.location(ofUTF8Offset: 0))])
            }
        }
    }

    /// A database file's bytes queried with the request's SQL; a problem is located in the query
    /// (the essay places it), not in the file.
    public static func query(database bytes: [UInt8], request: DataRequest) -> Result<DataTable, DataLoadError> {
        let name = String(request.path.split(separator: "/").last ?? Substring(request.path))
        switch SQLQuery.run(request.keyPath ?? "", tables: [], database: bytes, resultName: "the query of " + name) {
        case .success(let table): return .success(table)
        case .failure(let problem):
            let message = problem.message == "SQL: file is not a database" ? "`\(request.path)` is not a SQLite database"
                : problem.message
            return .failure(DataLoadError(message: message, notes: problem.notes, queryOffset: problem.offset))
        }
    }
}
