#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One file under the content folder.
public struct ContentEntry: Sendable, Hashable {
    /// Path below the content folder with `/` separators, e.g. `posts/machines.md`.
    public var relativePath: String
    public var absolutePath: String
    /// The file's size, modification time and inode when the folder was listed.
    public var stamp: FileStamp
    public var isEssay: Bool { relativePath.hasSuffix(".md") || relativePath.hasSuffix(".markdown") }

    public init(relativePath: String, absolutePath: String, stamp: FileStamp) {
        self.relativePath = relativePath; self.absolutePath = absolutePath; self.stamp = stamp
    }
}

/// Lists the content folder: essays to render and everything else to copy through.
public enum ContentInventory {
    /// Sorted by path so builds do not depend on directory order. Hidden files and folders are
    /// skipped; symbolic links are followed. `readdir` and `stat` directly: `FileManager` takes
    /// the better part of a second for 10,000 files, which a one-essay rebuild cannot afford.
    public static func scan(root: String) throws -> [ContentEntry] {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        var entries: [ContentEntry] = []
        try walk(rootPath, prefix: "", into: &entries)
        return entries.sorted { $0.relativePath < $1.relativePath }
    }

    private static func walk(_ directory: String, prefix: String, into entries: inout [ContentEntry]) throws {
        guard let handle = opendir(directory) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        defer { closedir(handle) }
        let names = FolderListing.entries(of: handle).map(\.name)
        // `stat` relative to the open folder (no path walk per file), on all cores: 10,000
        // essays in one folder are the common case this has to be quick for.
        let folder = dirfd(handle)
        let stats: [stat?] = parallelMap(names.count) { index in
            var info = stat()
            return fstatat(folder, names[index], &info, 0) == 0 ? info : nil
        }
        for (name, info) in zip(names, stats) {
            guard let info else { continue }
            let path = directory + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try walk(path, prefix: relative, into: &entries)
            case S_IFREG: entries.append(ContentEntry(relativePath: relative, absolutePath: path, stamp: FileStamp(info)))
            default: continue
            }
        }
    }
}
