#if canImport(Glibc)
import Glibc
#endif

/// The visible entries of an open folder (names starting with "." left out), straight from
/// `readdir`: the content scan, the change notifier and the polling watcher all list folders
/// of 10,000 files, where `FileManager` would take the better part of a second.
public enum FolderListing {
    public struct Entry: Sendable {
        public var name: String
        /// What `readdir` says: true or false, or nil when the file system does not tell.
        public var isFolder: Bool?
    }

    /// The entries of `handle` (from `opendir`), in directory order.
    public static func entries(of handle: OpaquePointer) -> [Entry] {
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            entries.append(Entry(name: name, isFolder: type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return entries
    }
}
