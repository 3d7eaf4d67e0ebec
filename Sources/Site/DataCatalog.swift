import BuildRecord
import Content
import DataFiles
import Diagnostics
import FileSupport
import Foundation

/// The data files of one build: each read and parsed once, however many essays read it, and its
/// own errors reported once, located in the file. Essays reach it through `EssayData`, which
/// resolves their paths.
final class DataCatalog: @unchecked Sendable {
    /// The content folder's real path: data files are read only from inside it.
    let contentRoot: String
    let contentDisplay: String
    private let diagnostics: DiagnosticBag?
    private let lock = NSLock()
    private var tables: [DataRequest: Result<DataTable, DataLoadError>] = [:]
    private var fingerprints: [String: String] = [:]
    /// Committed versions, for `at:` and `versions:`.
    lazy var history = GitHistory(contentRoot: contentRoot)
    /// Some page read a committed version: a build with nothing changed in the folder may still
    /// read other bytes (HEAD moved), so it is not recorded as unchanged.
    private(set) var readsHistory = false

    init(contentRoot: String, contentDisplay: String, diagnostics: DiagnosticBag?) {
        self.contentRoot = URL(fileURLWithPath: contentRoot).standardizedFileURL.resolvingSymlinksInPath().path
        self.contentDisplay = contentDisplay
        self.diagnostics = diagnostics
    }

    /// `request.path` is already resolved: relative to the content folder.
    func table(_ request: DataRequest) -> Result<DataTable, DataLoadError> {
        lock.lock()
        if let cached = tables[request] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var (result, problems) = load(request)
        if case .success(var table) = result {
            table.request = request
            result = .success(table)
        }
        lock.lock()
        defer { lock.unlock() }
        if let cached = tables[request] { return cached }   // another essay read it meanwhile
        tables[request] = result
        diagnostics?.report(contentsOf: problems)
        return result
    }

    private func load(_ request: DataRequest) -> (Result<DataTable, DataLoadError>, [Diagnostic]) {
        let display = contentDisplay + "/" + request.path
        let absolute = contentRoot + "/" + request.path
        // POSIX calls, not Foundation's: a report site reads a file per essay.
        let real = Self.realPath(absolute) ?? absolute
        guard real.hasPrefix(contentRoot + "/") else {
            return (.failure(DataLoadError(message: "`\(request.path)` leads outside the content folder; data files must be in it")), [])
        }
        if request.revision != nil || request.versions != nil {
            lock.lock()
            readsHistory = true
            lock.unlock()
            return loadCommitted(request, display: display)
        }
        if request.format == .bench, CriterionFolder.applies(to: real) {
            let (result, problems, print) = CriterionFolder(real: real, display: display).read()
            lock.lock()
            if fingerprints[request.path] == nil { fingerprints[request.path] = print.hex }
            lock.unlock()
            return (result, problems)
        }
        var info = stat()
        if stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return (.failure(DataLoadError(message: "`\(request.path)` is a folder; name a data file in it",
                                           notes: folderNotes(request.path))), [])
        }
        let bytes: [UInt8]
        switch TextDecoding.readBytes(real, limit: DataLimits.fileBytes) {
        case .success(let read): bytes = read
        case .failure(let error) where error.code == .EFBIG:
            return (.failure(DataLoadError(message: "\(display) is larger than \(DataLimits.fileBytes >> 20) MiB, the limit for a data file")), [])
        case .failure:
            return (.failure(missing(request)), [])
        }
        // The page keys need the file's fingerprint: taken from these bytes, not a second read.
        lock.lock()
        if fingerprints[request.path] == nil { fingerprints[request.path] = DataCatalog.fingerprint(of: bytes) }
        lock.unlock()
        return Self.table(bytes, display: display, request: request)
    }

    /// A file's bytes (from the folder or from a commit) as a table.
    static func table(_ bytes: [UInt8], display: String,
                      request: DataRequest) -> (Result<DataTable, DataLoadError>, [Diagnostic]) {
        // A database is bytes, not text; what goes wrong is in the essay's query.
        if request.format == .sqlite { return (DataFileReader.query(database: bytes, request: request), []) }
        // Decoded as an essay is: a file that is not UTF-8 is located at its first bad byte.
        let file: SourceFile
        switch TextDecoding.decode(bytes, displayPath: display) {
        case .success(let decoded): file = decoded
        case .failure(let problem): return (.failure(DataLoadError(message: "", isReportedElsewhere: true)), [problem])
        }
        let (table, problems) = DataFileReader.parse(bytes, file: file, request: request)
        guard let table else { return (.failure(DataLoadError(message: "", isReportedElsewhere: true)), problems) }
        return (.success(table), problems)
    }

    /// `at: "REV"` and `versions: N`: the committed bytes, through git, never the work tree.
    private func loadCommitted(_ request: DataRequest, display: String) -> (Result<DataTable, DataLoadError>, [Diagnostic]) {
        func failed(_ problem: GitHistory.Problem) -> (Result<DataTable, DataLoadError>, [Diagnostic]) {
            var error = DataLoadError(message: problem.message, notes: problem.notes.map { .init($0) })
            error.isHistoryProblem = true
            return (.failure(error), [])
        }
        if let revision = request.revision {
            switch history.file(request.path, at: revision) {
            case .failure(let problem): return failed(problem)
            case .success(let committed):
                return Self.table(committed.bytes, display: display + "@" + revision, request: request)
            }
        }
        let count = request.versions ?? 1
        switch history.versions(request.path, count: count) {
        case .failure(let problem): return failed(problem)
        case .success(let versions):
            var tables: [VersionsTable.Version] = []
            var problems: [Diagnostic] = []
            for version in versions {
                let short = String(version.commit.prefix(7))
                let (table, found) = Self.table(version.bytes, display: display + "@" + short, request: request)
                problems += found
                guard case .success(let read) = table else {
                    return (.failure(DataLoadError(message: "", isReportedElsewhere: true)), problems)
                }
                tables.append(.init(commit: short, day: Int((Double(version.time) / 86_400).rounded(.down)), table: read))
            }
            return (VersionsTable.make(tables, path: display + " (\(tables.count) version\(tables.count == 1 ? "" : "s"))"), problems)
        }
    }

    /// The path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The data files a folder holds, for a reader that named the folder itself.
    private func folderNotes(_ path: String) -> [Diagnostic.Note] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: contentRoot + "/" + path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { return [.init("the folder is empty")] }
        let shown = names.prefix(5).map { "`\(path)/\($0)`" }.joined(separator: ", ")
        return [.init("it holds \(shown)" + (names.count > 5 ? " and \(names.count - 5) more" : ""))]
    }

    /// No such file: say where it was looked for, and name a file beside it of a similar name.
    private func missing(_ request: DataRequest) -> DataLoadError {
        let folder = (request.path as NSString).deletingLastPathComponent
        let name = (request.path as NSString).lastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: contentRoot + "/" + folder)) ?? []
        var notes = [Diagnostic.Note("looked for \(contentDisplay)/\(request.path)")]
        if let close = Suggestion.closest(to: name, in: siblings.filter { !$0.hasPrefix(".") }) {
            notes.append(.init("did you mean `\(close)`?"))
        }
        return DataLoadError(message: "no data file `\(request.path)` in the content folder", notes: notes)
    }

    /// A fingerprint of a data file's bytes (or of its absence), for the keys of the pages that
    /// read it: editing, adding or deleting the file changes exactly those pages.
    func fingerprint(ofRelativePath path: String) -> String {
        let mark = path.firstIndex(of: "\u{0}")
        lock.lock()
        if mark != nil { readsHistory = true }      // a kept page reads history too
        if let cached = fingerprints[path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let absolute = contentRoot + "/" + path
        let value: String
        // `data/x.csv\0at HEAD~1`, `data/x.csv\0versions 30` (EssayData.historyInput): the commits
        // read, asked of git once per build however many pages read them.
        if let mark {
            let file = String(path[..<mark]), what = path[path.index(after: mark)...]
            value = what.hasPrefix("at ") ? history.fingerprint(file, at: String(what.dropFirst(3)))
                : history.versionsFingerprint(file, count: Int(what.dropFirst("versions ".count)) ?? 1)
        } else if let real = Self.realPath(absolute), real.hasPrefix(contentRoot + "/"), CriterionFolder.applies(to: real) {
            // Only `bench()` reads a folder (or an estimates.json): its fingerprint covers every file it reads.
            value = CriterionFolder(real: real, display: contentDisplay + "/" + path).read().2.hex
        } else {
            value = DataCatalog.fingerprint(of: FileManager.default.contents(atPath: absolute).map { [UInt8]($0) })
        }
        lock.lock()
        fingerprints[path] = value
        lock.unlock()
        return value
    }

    private static func fingerprint(of bytes: [UInt8]?) -> String {
        var print = Fingerprint()
        print.add(bytes.map { _ in "present" } ?? "absent")
        if let bytes { print.add(bytes) }
        return print.hex
    }
}

/// One essay's view of the catalog: `"data/x.csv"` relative to the essay's folder, `"/x.csv"`
/// relative to the content folder, never above it.
struct EssayData: DataSource {
    let catalog: DataCatalog
    /// The essay's folder, relative to the content folder ("" at the top).
    let folder: String
    /// Collects the files the essay asked for (found or not): they are inputs of its page.
    var reads: FileReads? = nil

    func table(for request: DataRequest) -> Result<DataTable, DataLoadError> {
        guard let resolved = ContentPath.resolve(request.path, from: folder) else {
            return .failure(DataLoadError(message: "`\(request.path)` leads above the content folder; data files must be in it"))
        }
        reads?.add(resolved)
        if let input = EssayData.historyInput(resolved, request) { reads?.add(input) }
        var inside = request
        inside.path = resolved
        // The catalog names the file by its path in the content folder; the essay's reader
        // knows it as written (`data/b.csv` beside the essay), and the note says where it looked.
        return catalog.table(inside).mapError { error in
            var error = error
            error.message = error.message.replacingOccurrences(of: "`\(resolved)`", with: "`\(request.path)`")
            return error
        }
    }
}

extension EssayData {
    /// The page's input for a committed read: the path, then what was read of its history.
    static func historyInput(_ path: String, _ request: DataRequest) -> String? {
        if let revision = request.revision { return path + "\u{0}at " + revision }
        if let count = request.versions { return path + "\u{0}versions \(count)" }
        return nil
    }
}

extension EssayData {
    func previousVersion(of table: DataTable) -> (table: DataTable, commit: String)? {
        guard let request = table.request, request.revision == nil, request.versions == nil,
              request.format != .sqlite else { return nil }
        guard case .success(let versions) = catalog.history.versions(request.path, count: 2),
              let newest = versions.last else { return nil }
        // The work tree's bytes against HEAD's when they differ, else HEAD's against the version before.
        let current = TextDecoding.readBytes(catalog.contentRoot + "/" + request.path, limit: DataLimits.fileBytes)
        let workTreeIsNewest = (try? current.get()) == newest.bytes
        guard let earlier = workTreeIsNewest ? (versions.count > 1 ? versions[versions.count - 2] : nil) : newest else {
            return nil
        }
        let short = String(earlier.commit.prefix(7))
        guard case (.success(var found), _) = DataCatalog.table(earlier.bytes, display: table.file.path + "@" + short,
                                                               request: request) else { return nil }
        found.keyColumn = table.keyColumn
        return (found, short)
    }
}

/// The files one page read, from any thread that renders a part of it.
final class FileReads: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.insert(path)
    }

    /// Sorted, so a page's record does not depend on the order its blocks were evaluated in.
    var sorted: [String] {
        lock.lock(); defer { lock.unlock() }
        return paths.sorted()
    }
}
