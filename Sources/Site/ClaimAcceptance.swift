import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `costmark check --accept`: the snapshot-testing loop for prose. Each failing exact (`=`) or
/// approximate (`≈`) claim has its literal rewritten to the computed value, in the claim's own
/// unit and precision (the diagnostic's `replacement`); nothing else in the file changes, and
/// each file is replaced atomically. Inequality, range and probability claims are never
/// loosened: they are returned as refused, with the value the check found.
public enum ClaimAcceptance {
    public struct Edit: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var before: String
        public var after: String
    }

    public struct Outcome: Sendable {
        public var edits: [Edit] = []
        /// Claims of the files asked about that no rewrite may make hold (`< 250 ms`).
        public var refused: [Diagnostic] = []
        /// Files that could not be rewritten, and why.
        public var failures: [(file: String, message: String)] = []
    }

    /// Plans (and, unless `dryRun`, writes) the rewrites for `diagnostics`, limited to `files`
    /// when it is not empty (paths as given on the command line).
    public static func accept(_ diagnostics: [Diagnostic], files: [String], dryRun: Bool) -> Outcome {
        let wanted = Set(files.map(standardized))
        var outcome = Outcome()
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics where diagnostic.code == .claimDoesNotHold {
            guard let location = diagnostic.location,
                  wanted.isEmpty || wanted.contains(standardized(location.file)) else { continue }
            if diagnostic.replacement == nil {
                outcome.refused.append(diagnostic)
            } else {
                byFile[location.file, default: []].append(diagnostic)
            }
        }
        for file in byFile.keys.sorted() {
            switch rewrite(file, byFile[file]!) {
            case .failure(let problem): outcome.failures.append((file, problem.message))
            case .success(let (text, edits)):
                if !dryRun, let problem = write(text, to: file) {
                    outcome.failures.append((file, problem))
                    continue
                }
                outcome.edits += edits
            }
        }
        return outcome
    }

    struct Problem: Error {
        var message: String
    }

    /// The file with every claim's literal replaced, right to left on each line so that the
    /// columns of the ones still to do stay true.
    static func rewrite(_ file: String, _ fixes: [Diagnostic]) -> Result<(String, [Edit]), Problem> {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return .failure(Problem(message: "cannot read the file"))
        }
        var lines = text.components(separatedBy: "\n")
        var edits: [Edit] = []
        let ordered = fixes.sorted { ($0.location!.line, $0.location!.column) > ($1.location!.line, $1.location!.column) }
        var original: [Int: String] = [:]
        for fix in ordered {
            let location = fix.location!
            let index = location.line - 1
            guard lines.indices.contains(index) else { return .failure(Problem(message: "line \(location.line) is gone")) }
            if original[index] == nil { original[index] = lines[index] }
            // The line must still be the one the check read: the essay may have been edited since.
            let read = original[index]!.hasSuffix("\r") ? String(original[index]!.dropLast()) : original[index]!
            guard read == location.lineText else {
                return .failure(Problem(message: "line \(location.line) changed since it was checked; run the check again"))
            }
            var characters = Array(lines[index])
            let start = location.column - 1, end = start + location.length
            guard start >= 0, end <= characters.count else {
                return .failure(Problem(message: "the claim at line \(location.line) is not where it was"))
            }
            characters.replaceSubrange(start..<end, with: Array(fix.replacement!))
            lines[index] = String(characters)
        }
        for index in original.keys.sorted() {
            edits.append(Edit(file: file, line: index + 1, before: original[index]!, after: lines[index]))
        }
        return .success((lines.joined(separator: "\n"), edits))
    }

    /// Written beside the file and renamed over it, keeping its permissions: a reader sees the
    /// old file or the new one, never half of one.
    static func write(_ text: String, to file: String) -> String? {
        let temporary = file + ".costmark-accept-\(getpid())"
        var info = stat()
        let mode = stat(file, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            return "cannot write beside the file"
        }
        chmod(temporary, mode)
        guard rename(temporary, file) == 0 else {
            unlink(temporary)
            return "cannot replace the file: \(String(cString: strerror(errno)))"
        }
        return nil
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The edits as a diff a reader can apply by eye: each changed line before and after.
    public static func diff(_ edits: [Edit]) -> String {
        var out = ""
        var current: String?
        for edit in edits {
            if edit.file != current {
                out += "--- \(edit.file)\n+++ \(edit.file)\n"
                current = edit.file
            }
            out += "@@ line \(edit.line) @@\n-\(edit.before)\n+\(edit.after)\n"
        }
        return out
    }
}
