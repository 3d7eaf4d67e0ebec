import Foundation

/// The committed history of the content folder's files, read through the `git` command:
/// `at: "HEAD~1"` reads a file as committed at a revision, `versions: N` its last N committed
/// versions. Only committed bytes are read (never the work tree), so a page built at a commit
/// is the same wherever it is built. Each problem says how to fix it (a shallow clone names
/// `fetch-depth: 0`). One instance per build; its answers are cached and it is thread-safe.
final class GitHistory: @unchecked Sendable {
    struct Problem: Error {
        var message: String
        var notes: [String] = []
    }

    /// A committed version of a file.
    struct Version {
        var commit: String
        /// Seconds since 1970 (the commit's date).
        var time: Int
        var bytes: [UInt8]
    }

    /// Where the content folder sits in its repository.
    private struct Repository {
        var top: String
        /// The content folder's path inside the repository, ending in `/` (or empty).
        var prefix: String
        var isShallow: Bool
    }

    static let maximumVersions = 1_000
    /// At most this many bytes come out of git for one request (every version together).
    static let maximumOutput = 256 * 1024 * 1024

    private let contentRoot: String
    private let lock = NSLock()
    private var repository: Result<Repository, Problem>?
    private var commits: [String: Result<String, Problem>] = [:]

    init(contentRoot: String) {
        self.contentRoot = contentRoot
    }

    /// `HEAD~1`, `origin/main`, a tag, a commit id, or `merge-base REV` (the merge base of HEAD
    /// and REV, as a pull request's base): its commit id.
    func commit(for revision: String) -> Result<String, Problem> {
        lock.lock()
        if let known = commits[revision] { lock.unlock(); return known }
        lock.unlock()
        let found = resolve(revision)
        lock.lock()
        commits[revision] = found
        lock.unlock()
        return found
    }

    /// The file (a path in the content folder) as committed at `revision`.
    func file(_ path: String, at revision: String) -> Result<(bytes: [UInt8], commit: String), Problem> {
        let repository: Repository, commit: String
        switch (self.repositoryState(), self.commit(for: revision)) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
        case (.success(let found), .success(let id)): (repository, commit) = (found, id)
        }
        let run = Self.git(["cat-file", "blob", "\(commit):\(repository.prefix)\(path)"], in: repository.top)
        guard run.status == 0 else {
            return .failure(Problem(message: "`\(path)` is not in the commit `\(revision)` names (\(commit.prefix(7)))",
                                    notes: ["it was added later, or it had another name then"]))
        }
        return .success((run.output, commit))
    }

    /// The last `count` committed versions of the file, oldest first, read by one
    /// `git cat-file --batch`.
    func versions(_ path: String, count: Int) -> Result<[Version], Problem> {
        let repository: Repository
        switch repositoryState() {
        case .failure(let problem): return .failure(problem)
        case .success(let found): repository = found
        }
        let log = Self.git(["log", "-n", String(count), "--format=%H %ct", "--", repository.prefix + path],
                           in: repository.top)
        guard log.status == 0 else { return .failure(Problem(message: "git log failed: " + log.error)) }
        let commits = String(decoding: log.output, as: UTF8.self).split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let time = Int(parts[1]) else { return nil }
            return (String(parts[0]), time)
        }
        guard !commits.isEmpty else {
            return .failure(Problem(message: "`\(path)` has no committed version",
                                    notes: ["commit it first: git add and git commit"]))
        }
        if repository.isShallow, commits.count < count {
            return .failure(Problem(message: "this clone is shallow: it holds \(commits.count) of the \(count) versions "
                                    + "asked for (GitHub Actions checks out one commit by default)",
                                    notes: ["fetch the history: `actions/checkout` with `fetch-depth: 0`, "
                                            + "or `git fetch --unshallow`"]))
        }
        let request = commits.map { "\($0.0):\(repository.prefix)\(path)\n" }.joined()
        let batch = Self.git(["cat-file", "--batch"], in: repository.top, input: Array(request.utf8))
        guard batch.status == 0 else { return .failure(Problem(message: "git cat-file failed: " + batch.error)) }
        var versions: [Version] = []
        var offset = 0
        for (commit, time) in commits {
            // Each answer: `<id> blob <size>\n<bytes>\n`, or `<name> missing\n` (deleted there).
            guard let end = batch.output[offset...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: batch.output[offset..<end], as: UTF8.self).split(separator: " ")
            offset = end + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]),
                  offset + size <= batch.output.count else { continue }
            versions.append(Version(commit: commit, time: time, bytes: Array(batch.output[offset..<(offset + size)])))
            offset += size + 1
        }
        return .success(versions.reversed())
    }

    /// A revision's commit id and the blob id of the file there: what a page that reads it depends on.
    func fingerprint(_ path: String, at revision: String) -> String {
        guard case .success(let repository) = repositoryState(), case .success(let commit) = self.commit(for: revision) else {
            return "unresolved"
        }
        let blob = Self.git(["rev-parse", "--verify", "--quiet", "\(commit):\(repository.prefix)\(path)"], in: repository.top)
        return commit + " " + String(decoding: blob.output, as: UTF8.self)
    }

    /// The ids of the last `count` commits that changed the file, for the pages that read them.
    func versionsFingerprint(_ path: String, count: Int) -> String {
        guard case .success(let repository) = repositoryState() else { return "unresolved" }
        let log = Self.git(["log", "-n", String(count), "--format=%H", "--", repository.prefix + path], in: repository.top)
        return String(decoding: log.output, as: UTF8.self)
    }

    private func repositoryState() -> Result<Repository, Problem> {
        lock.lock()
        defer { lock.unlock() }
        if let repository { return repository }
        let found = Self.findRepository(contentRoot)
        repository = found
        return found
    }

    private static func findRepository(_ folder: String) -> Result<Repository, Problem> {
        let run = git(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"], in: folder)
        if run.status == 127 || run.launchFailed {
            return .failure(Problem(message: "reading a committed version needs git, which is not installed",
                                    notes: ["install it (apt-get install git)"]))
        }
        if run.error.contains("dubious ownership") {
            // A container job's checkout owned by another user (actions/checkout in a container).
            return .failure(Problem(message: "git refuses to read this checkout: it belongs to another user",
                                    notes: ["mark it safe: git config --global --add safe.directory '*'"]))
        }
        let lines = String(decoding: run.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard run.status == 0, lines.count >= 3 else {
            return .failure(Problem(message: "the content folder is not in a git checkout, so it has no committed versions",
                                    notes: ["build from a clone of the repository (git clone …), "
                                            + "or read the file as it is, without `at:` or `versions:`"]))
        }
        return .success(Repository(top: String(lines[0]), prefix: String(lines[1]), isShallow: lines[2] == "true"))
    }

    private func resolve(_ revision: String) -> Result<String, Problem> {
        let repository: Repository
        switch repositoryState() {
        case .failure(let problem): return .failure(problem)
        case .success(let found): repository = found
        }
        guard let target = Self.checked(revision) else {
            return .failure(Problem(message: "`\(revision)` is not a revision git names",
                                    notes: ["write a branch, a tag, a commit id, `HEAD~1`, or `merge-base origin/main`"]))
        }
        let run: (status: Int32, output: [UInt8], error: String, launchFailed: Bool)
        if revision.hasPrefix("merge-base ") {
            run = Self.git(["merge-base", "HEAD", target], in: repository.top)
        } else {
            run = Self.git(["rev-parse", "--verify", "--quiet", "--end-of-options", target + "^{commit}"], in: repository.top)
        }
        let id = String(decoding: run.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard run.status == 0, !id.isEmpty else {
            if repository.isShallow {
                return .failure(Problem(message: "`\(revision)` is not in this clone: it is shallow (it holds only the "
                                        + "latest commits, as GitHub Actions checks out by default)",
                                        notes: ["fetch the history: `actions/checkout` with `fetch-depth: 0`, "
                                                + "or `git fetch --unshallow`"]))
            }
            return .failure(Problem(message: "no revision `\(revision)` in this repository",
                                    notes: ["`git log --oneline` lists the commits; `git branch -a` the branches"]))
        }
        return .success(id)
    }

    /// The revision git is asked about, or nil when it could be read as an option or holds what no
    /// revision holds (`:`, spaces, control characters).
    static func checked(_ revision: String) -> String? {
        let target = revision.hasPrefix("merge-base ") ? String(revision.dropFirst("merge-base ".count)) : revision
        guard !target.isEmpty, target.utf8.count <= 200, !target.hasPrefix("-") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/~^@{}-+")
        return target.allSatisfy(allowed.contains) ? target : nil
    }

    /// Runs git in `folder` with no prompt, no optional locks and no pager, and its output.
    static func git(_ arguments: [String], in folder: String,
                    input: [UInt8]? = nil) -> (status: Int32, output: [UInt8], error: String, launchFailed: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "--no-pager", "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        do { try process.run() } catch { return (127, [], "\(error)", true) }
        if let input {
            DispatchQueue.global().async {
                feed.fileHandleForWriting.write(Data(input))
                try? feed.fileHandleForWriting.close()
            }
        }
        // Read beside the output, so that neither pipe fills while git waits on the other.
        let errorText = ErrorText()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorText.text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile().prefix(4096), as: UTF8.self)
            group.leave()
        }
        var bytes: [UInt8] = []
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
            if bytes.count > maximumOutput {
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        group.wait()
        if bytes.count > maximumOutput { return (1, [], "more than \(maximumOutput >> 20) MiB from git", false) }
        return (process.terminationStatus, bytes, errorText.text, false)
    }

    /// What git wrote on its error stream, filled by the thread that reads it (read after that thread ends).
    private final class ErrorText: @unchecked Sendable {
        var text = ""
    }
}
