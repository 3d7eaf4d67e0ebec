import CAtomicSwap
import Content
import Dispatch
import FileSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a build's files go. Nothing a build writes reaches the output folder until every page
/// is written without error, so a failed or interrupted build never leaves it half-written.
///
/// Two ways to get there:
/// - **replace**: the whole site is written into a staging folder beside the output folder,
///   and the two are swapped in one atomic rename.
/// - **update**: when the build manifest vouches for the output folder, only files whose
///   inputs changed are written to the staging folder; on commit each is renamed over its old
///   version and files no longer produced are removed. Meanwhile the folder mixes files of both
///   builds: about 13 µs per changed file on tmpfs (`mixedWindow`, `scripts/update-window.sh`).
///   A journal (`BuildManifest.JournalStage`) marks it; a build that finds it left behind warns
///   and falls back to replace.
public final class OutputDirectory: @unchecked Sendable {
    public let finalPath: String
    public let stagingPath: String
    /// In update mode, what the output folder holds now (from the manifest); nil in replace mode.
    public let previous: [String: BuildManifest.Output]?
    public var isUpdating: Bool { previous != nil }

    /// The output folder, open in update mode so each check of a file skips the path walk to it.
    private let finalFolder: Int32?
    private let createdDirectories = DirectorySet()
    private let lock = NSLock()
    /// Every file this build produced, written or kept, with what it was made from.
    private var produced: [String: BuildManifest.Output] = [:]
    /// Files written to the staging folder (in update mode, the ones to move into place).
    private var written: [String] = []

    /// How long an update's folder held files of both builds, for `COSTMARK_TIMINGS` and
    /// `scripts/update-window.sh`.
    public struct MixedWindow: Sendable {
        public var seconds: Double
        public var moved: Int
        public var removed: Int
    }
    /// Set by `commit` in update mode.
    public private(set) var mixedWindow: MixedWindow?

    public init(finalPath: String, previous: [String: BuildManifest.Output]?) throws {
        let standardized = URL(fileURLWithPath: finalPath).standardizedFileURL.path
        self.finalPath = standardized
        self.stagingPath = standardized + ".costmark-staging"
        self.previous = previous
        let folder = previous == nil ? -1 : open(standardized, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.finalFolder = folder >= 0 ? folder : nil
        let fm = FileManager.default
        if fm.fileExists(atPath: stagingPath) { try fm.removeItem(atPath: stagingPath) }
        try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
    }

    /// The files written so far, relative to the output folder, in no particular order.
    public var writtenFiles: [String] {
        lock.lock(); defer { lock.unlock() }
        return written
    }

    /// Files written so far (to be moved into place, or swapped in with the staging folder).
    public var writtenCount: Int {
        lock.lock(); defer { lock.unlock() }
        return written.count
    }

    /// In update mode: true when the file in the output folder was made from `key` and is
    /// untouched since, so it can stay as it is. Always false in replace mode. Records nothing:
    /// callers on many threads collect what they keep and hand it to `recordKept` in one go.
    public func isCurrent(_ relativePath: String, key: String) -> Bool {
        guard let old = previous?[relativePath], !key.isEmpty, old.key == key, let folder = finalFolder else { return false }
        var info = stat()
        return fstatat(folder, relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0 && FileStamp(info) == old.stamp
    }

    /// In update mode: the key the output folder's copy of a file was made from, when the copy is
    /// untouched since; nil otherwise.
    public func currentKey(of relativePath: String) -> String? {
        guard let old = previous?[relativePath], !old.key.isEmpty, isCurrent(relativePath, key: old.key) else {
            return nil
        }
        return old.key
    }

    /// Keeps a file whose bytes are as the output folder holds them, under a new key (what it
    /// is made from changed, its text did not).
    public func recordKept(_ relativePath: String, as key: String) {
        guard let old = previous?[relativePath] else { return }
        lock.lock(); defer { lock.unlock() }
        produced[relativePath] = BuildManifest.Output(key: key, stamp: old.stamp)
    }

    /// Files this build keeps as the output folder holds them (each passed `isCurrent`).
    public func recordKept(_ relativePaths: some Sequence<String>) {
        guard let previous else { return }
        lock.lock(); defer { lock.unlock() }
        for path in relativePaths { produced[path] = previous[path] }
    }

    /// Writes a file below the staging root, creating folders as needed.
    public func write(_ text: String, to relativePath: String, key: String) throws {
        try ensureParent(of: relativePath)
        var text = text
        let info = try text.withUTF8 { try OutputDirectory.writeFile(stagingPath + "/" + relativePath, $0) }
        record(relativePath, BuildManifest.Output(key: key, stamp: FileStamp(info)), written: true)
    }

    /// Creates or truncates `path` and writes `bytes`, returning the file's `stat` afterwards.
    /// Plain POSIX calls: FileManager's extra checks cost more than the write for small pages.
    @discardableResult
    public static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws -> stat {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes)
        var info = stat()
        fstat(descriptor, &info)
        return info
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += count
        }
    }

    @discardableResult
    public static func writeFile(_ path: String, _ bytes: [UInt8]) throws -> stat {
        try bytes.withUnsafeBufferPointer { try writeFile(path, $0) }
    }

    /// Copies a static file's bytes. Never a link: `source` is opened without following one
    /// (the scan hands over links' resolved targets), and the copy is a new regular file.
    public func copy(from source: String, to relativePath: String, key: String) throws {
        try ensureParent(of: relativePath)
        try OutputDirectory.copyFile(source, to: stagingPath + "/" + relativePath)
        try recordStaged(relativePath, key: key)
    }

    public static func copyFile(_ source: String, to destination: String) throws {
        func failure() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw failure() }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw failure() }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw failure() }
            if count == 0 { return }
            try buffer.withUnsafeBufferPointer { try writeAll(output, UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    private func recordStaged(_ relativePath: String, key: String) throws {
        guard let stamp = FileStamp.ofLink(stagingPath + "/" + relativePath) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        record(relativePath, BuildManifest.Output(key: key, stamp: stamp), written: true)
    }

    private func record(_ relativePath: String, _ output: BuildManifest.Output, written isWritten: Bool) {
        lock.lock(); defer { lock.unlock() }
        produced[relativePath] = output
        if isWritten { written.append(relativePath) }
    }

    private func ensureParent(of relativePath: String) throws {
        try ensureParent(of: relativePath, under: stagingPath, known: createdDirectories)
    }

    private func ensureParent(of relativePath: String, under root: String, known: DirectorySet) throws {
        guard let slash = relativePath.lastIndex(of: "/") else { return }
        let folder = String(relativePath[..<slash])
        // Another thread may be creating the same folder: mark it known only once it exists.
        guard !known.contains(folder) else { return }
        if let parentSlash = folder.lastIndex(of: "/") {
            try ensureParent(of: String(folder[..<parentSlash]) + "/_", under: root, known: known)
        }
        if mkdir(root + "/" + folder, 0o755) != 0, errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        known.insert(folder)
    }

    /// Every output file this build produced, with what it was made from.
    public var producedFiles: [String: BuildManifest.Output] {
        lock.lock(); defer { lock.unlock() }
        return produced
    }

    /// Puts this build's files in place; `producedFiles` then describes the output folder.
    public func commit() throws {
        lock.lock(); defer { lock.unlock() }
        guard let previous else { return try replace() }
        try update(previous: previous, written: written, produced: produced)
        // A rename moves the file's status-change time: stamp the moved files where they now are.
        for file in written {
            if let stamp = FileStamp.ofLink(finalPath + "/" + file) { produced[file]?.stamp = stamp }
        }
    }

    /// Replaces the output folder with the staged one. On Linux the two folders are exchanged in
    /// one atomic rename, so readers (a running server, say) never see a missing folder.
    private func replace() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: finalPath, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: finalPath,
                                                               NSLocalizedDescriptionKey: "\(finalPath) exists and is not a folder"])
        }
        if !exists {
            try fm.moveItem(atPath: stagingPath, toPath: finalPath)
            return
        }
        if costmark_exchange_paths(stagingPath, finalPath) == 0 {
            try fm.removeItem(atPath: stagingPath)
            return
        }
        let old = finalPath + ".costmark-old"
        if fm.fileExists(atPath: old) { try fm.removeItem(atPath: old) }
        try fm.moveItem(atPath: finalPath, toPath: old)
        try fm.moveItem(atPath: stagingPath, toPath: finalPath)
        try fm.removeItem(atPath: old)
    }

    /// Moves each staged file over its old version, then removes files no longer produced and
    /// the folders they leave empty. Only the renames and removals are in the window where the
    /// folder mixes two builds: new folders are made before it, leftovers cleared after it.
    private func update(previous: [String: BuildManifest.Output], written: [String],
                        produced: [String: BuildManifest.Output]) throws {
        let gone = previous.keys.filter { produced[$0] == nil }.sorted()
        let moving = written.sorted()
        // A folder can only be made once a file of the same name is gone: those few wait.
        let goneSet = Set(gone)
        func isBlocked(_ file: String) -> Bool {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if goneSet.contains(String(path)) { return true }
            }
            return false
        }
        let blocked = goneSet.isEmpty ? [] : moving.filter(isBlocked)
        let finalDirectories = DirectorySet()
        for file in moving where blocked.isEmpty || !isBlocked(file) {
            try ensureParent(of: file, under: finalPath, known: finalDirectories)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        for file in gone where unlink(finalPath + "/" + file) != 0 && errno != ENOENT {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        let afterRemoval = DirectorySet()
        for file in blocked { try ensureParent(of: file, under: finalPath, known: afterRemoval) }
        for file in moving {
            guard rename(stagingPath + "/" + file, finalPath + "/" + file) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        mixedWindow = MixedWindow(seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                                  moved: moving.count, removed: gone.count)
        // Deepest first, so a folder emptied by removing its only subfolder goes too.
        var folders = Set<String>()
        for file in gone {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                folders.insert(String(path))
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(finalPath + "/" + folder)  // fails, harmlessly, while the folder still holds something
        }
        try FileManager.default.removeItem(atPath: stagingPath)
    }

    deinit {
        if let finalFolder { close(finalFolder) }
    }

    /// Throws the staged files away, leaving the output folder as it was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}

/// Folders already created during this build, shared by the rendering threads.
private final class DirectorySet: @unchecked Sendable {
    private var set: Set<String> = []
    private let lock = NSLock()

    public func contains(_ folder: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return set.contains(folder)
    }

    public func insert(_ folder: String) {
        lock.lock(); defer { lock.unlock() }
        set.insert(folder)
    }
}
