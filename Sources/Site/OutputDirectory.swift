import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new site is written into a staging folder beside the output folder and swapped in only
/// when complete, so a failed or interrupted build never leaves the output half-written.
final class OutputDirectory: @unchecked Sendable {
    let finalPath: String
    let stagingPath: String
    private let createdDirectories = DirectorySet()

    init(finalPath: String) throws {
        let standardized = URL(fileURLWithPath: finalPath).standardizedFileURL.path
        self.finalPath = standardized
        self.stagingPath = standardized + ".costmark-staging"
        let fm = FileManager.default
        if fm.fileExists(atPath: stagingPath) { try fm.removeItem(atPath: stagingPath) }
        try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
    }

    /// Writes a file below the staging root, creating folders as needed.
    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    func write(_ data: Data, to relativePath: String) throws {
        let path = stagingPath + "/" + relativePath
        try ensureParent(of: relativePath)
        // Plain POSIX calls: FileManager's extra checks cost more than the write for small pages.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// Places an existing file (a cached page) by hard link, or by copy across file systems.
    func link(from source: String, to relativePath: String) throws {
        try ensureParent(of: relativePath)
        let target = stagingPath + "/" + relativePath
        if Glibc.link(source, target) != 0 {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
    }

    func path(of relativePath: String) -> String { stagingPath + "/" + relativePath }

    func copy(from source: String, to relativePath: String) throws {
        try ensureParent(of: relativePath)
        try FileManager.default.copyItem(atPath: source, toPath: stagingPath + "/" + relativePath)
    }

    private func ensureParent(of relativePath: String) throws {
        guard let slash = relativePath.lastIndex(of: "/") else { return }
        let folder = String(relativePath[..<slash])
        // Another thread may be creating the same folder: mark it known only once it exists.
        guard !createdDirectories.contains(folder) else { return }
        if let parentSlash = folder.lastIndex(of: "/") {
            try ensureParent(of: String(folder[..<parentSlash]) + "/_")
        }
        if mkdir(stagingPath + "/" + folder, 0o755) != 0, errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        createdDirectories.insert(folder)
    }

    /// Replaces the output folder with the staged one. On Linux the two folders are exchanged in
    /// one atomic rename, so readers (a running server, say) never see a missing folder.
    func commit() throws {
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

    /// Throws the staged files away, leaving the output folder as it was.
    func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}

/// Folders already created during this build, shared by the rendering threads.
private final class DirectorySet: @unchecked Sendable {
    private var set: Set<String> = []
    private let lock = NSLock()

    func contains(_ folder: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return set.contains(folder)
    }

    func insert(_ folder: String) {
        lock.lock(); defer { lock.unlock() }
        set.insert(folder)
    }
}
