import BuildRecord
import Content
import DataFiles
import Diagnostics
import FileSupport
import Foundation

/// `bench("data/criterion")`: the benchmarks Criterion.rs left in a folder (each `NAME/new/`
/// with its `estimates.json`), or one benchmark named by its `new/estimates.json`. Found and
/// read here, within limits (folder depth, benchmark count, total bytes); `Criterion` reads
/// what the files hold. The files' paths and bytes are the fingerprint of the pages that read them.
struct CriterionFolder {
    static let maximumDepth = 12
    static let maximumBenchmarks = 10_000

    /// The real path, and the path messages show.
    let real: String
    let display: String

    /// A folder, or a file named `estimates.json`; nil for anything else (read as a file).
    static func applies(to real: String) -> Bool {
        var info = stat()
        guard stat(real, &info) == 0 else { return false }
        if info.st_mode & S_IFMT == S_IFDIR { return true }
        return (real as NSString).lastPathComponent == "estimates.json"
    }

    /// The table, its problems, and the fingerprint of every file read.
    func read() -> (Result<DataTable, DataLoadError>, [Diagnostic], Fingerprint) {
        var print = Fingerprint()
        print.add("criterion")
        let found: [String]
        if (real as NSString).lastPathComponent == "estimates.json" {
            // `X/new/estimates.json`: the benchmark in X, named from X when it has no ids.
            let new = (real as NSString).deletingLastPathComponent
            found = [(new as NSString).deletingLastPathComponent]
        } else {
            switch benchmarkFolders() {
            case .success(let folders): found = folders
            case .failure(let error): return (.failure(error), [], print)
            }
        }
        guard !found.isEmpty else {
            return (.failure(DataLoadError(message: "`\(display)` holds no Criterion results (no `NAME/new/estimates.json`)",
                                           notes: [.init("run `cargo bench`, then copy target/criterion into the content folder")])),
                    [], print)
        }
        var files: [Criterion.Files] = []
        var budget = DataLimits.fileBytes
        for folder in found {
            func file(_ name: String, required: Bool) -> Result<SourceFile?, DataLoadError> {
                let path = folder + "/new/" + name
                let shown = displayPath(of: path)
                switch TextDecoding.readBytes(path, limit: budget) {
                case .success(let bytes):
                    budget -= bytes.count
                    print.add(shown)
                    print.add(bytes)
                    switch TextDecoding.decode(bytes, displayPath: shown) {
                    case .success(let decoded): return .success(decoded)
                    case .failure(let problem): return .failure(DataLoadError(message: problem.message))
                    }
                case .failure(let error) where error.code == .EFBIG:
                    return .failure(DataLoadError(message: "the Criterion results in `\(display)` are larger than "
                                                  + "\(DataLimits.fileBytes >> 20) MiB, the limit for a data file"))
                case .failure:
                    print.add(shown + " absent")
                    return required ? .failure(DataLoadError(message: "no \(shown)")) : .success(nil)
                }
            }
            do {
                guard let estimates = try file("estimates.json", required: true).get() else { continue }
                files.append(Criterion.Files(directory: relative(folder), estimates: estimates,
                                             sample: try file("sample.json", required: false).get(),
                                             benchmark: try file("benchmark.json", required: false).get()))
            } catch {
                return (.failure(error), [], print)
            }
        }
        let (table, problems) = Criterion.read(files, folder: display)
        guard let table else { return (.failure(DataLoadError(message: "", isReportedElsewhere: true)), problems, print) }
        return (.success(table), problems, print)
    }

    /// Every folder below `real` that holds `new/estimates.json`, sorted; Criterion's `report`
    /// folders and symbolic links are not entered.
    private func benchmarkFolders() -> Result<[String], DataLoadError> {
        var found: [String] = []
        var pending: [(path: String, depth: Int)] = [(real, 0)]
        while let (path, depth) = pending.popLast() {
            if FileManager.default.fileExists(atPath: path + "/new/estimates.json") { found.append(path) }
            guard depth < CriterionFolder.maximumDepth else {
                return .failure(DataLoadError(message: "`\(display)` nests folders deeper than "
                                              + "\(CriterionFolder.maximumDepth); name the benchmarks' folder"))
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for name in names where !name.hasPrefix(".") && !["new", "base", "change", "report"].contains(name) {
                var info = stat()
                let child = path + "/" + name
                guard lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
                pending.append((child, depth + 1))
            }
            guard found.count <= CriterionFolder.maximumBenchmarks, pending.count <= 100_000 else {
                return .failure(DataLoadError(message: "`\(display)` holds more than "
                                              + "\(CriterionFolder.maximumBenchmarks) Criterion benchmarks, the limit"))
            }
        }
        return .success(found.sorted())
    }

    private func relative(_ folder: String) -> String {
        let base = (real as NSString).lastPathComponent == "estimates.json"
            ? ((((real as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent as NSString)
                .deletingLastPathComponent)
            : real
        guard folder.hasPrefix(base + "/") else { return (folder as NSString).lastPathComponent }
        return String(folder.dropFirst(base.count + 1))
    }

    /// The display path of a file below the folder read.
    private func displayPath(of path: String) -> String {
        let base = (real as NSString).lastPathComponent == "estimates.json"
            ? (real as NSString).deletingLastPathComponent : real
        let shownBase = (real as NSString).lastPathComponent == "estimates.json"
            ? (display as NSString).deletingLastPathComponent : display
        guard path.hasPrefix(base + "/") else { return path }
        return shownBase + "/" + path.dropFirst(base.count + 1)
    }
}
