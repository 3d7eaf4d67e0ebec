import Foundation

/// A folder of its own for one input of a target that reads files (templates, a whole site):
/// in `/dev/shm` when the machine has it, so a fuzz run does not wear a disk. Removed afterwards.
struct ScratchFolder {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var count = 0
    private static let root: String = {
        var isFolder: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder) && isFolder.boolValue
            ? "/dev/shm" : NSTemporaryDirectory()
        return base + "/costmark-fuzz/\(ProcessInfo.processInfo.processIdentifier)"
    }()

    let path: String

    /// A new, empty folder (concurrent callers each get their own).
    init() {
        let number = ScratchFolder.lock.withLock {
            ScratchFolder.count += 1
            return ScratchFolder.count
        }
        path = ScratchFolder.root + "-\(number)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file at a path relative to the folder, creating the folders in between.
    func write(_ relativePath: String, _ bytes: some Collection<UInt8>) {
        let full = path + "/" + relativePath
        let parent = (full as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
