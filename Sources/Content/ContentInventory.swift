#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import FileSupport
import Foundation

/// One file under the content folder.
public struct ContentEntry: Sendable, Hashable {
    /// Path below the content folder with `/` separators, e.g. `posts/machines.md`.
    public var relativePath: String
    /// Where the bytes are: for a file reached through a symbolic link, the link's resolved
    /// target (inside the content folder), so reading or copying it never follows a link.
    public var absolutePath: String
    /// The file's size, modification time and inode when the folder was listed.
    public var stamp: FileStamp
    public var isEssay: Bool { isMarkdown && !isSectionIndex }
    /// `_index.md`: a folder's title and introduction (as in Hugo), not an essay.
    public var isSectionIndex: Bool {
        relativePath == "_index.md" || relativePath.hasSuffix("/_index.md")
            || relativePath == "_index.markdown" || relativePath.hasSuffix("/_index.markdown")
    }
    var isMarkdown: Bool { relativePath.hasSuffix(".md") || relativePath.hasSuffix(".markdown") }
    /// A shared model (`models/infra.scenario`): read by the essays that `use` it, never published.
    public var isModel: Bool { relativePath.hasSuffix(".scenario") }

    public init(relativePath: String, absolutePath: String, stamp: FileStamp) {
        self.relativePath = relativePath; self.absolutePath = absolutePath; self.stamp = stamp
    }
}

/// Lists the content folder: essays to render and everything else to copy through.
public enum ContentInventory {
    /// The files found, sorted by path so builds do not depend on directory order, and a
    /// warning for each symbolic link that was skipped.
    public struct Listing: Sendable {
        public var entries: [ContentEntry]
        public var diagnostics: [Diagnostic]
    }

    /// Hidden files and folders are skipped. A symbolic link is followed only when it resolves
    /// to a visible file or folder inside the content folder, and never into a folder it sits
    /// in (a loop); any other link is skipped with a warning, so nothing outside the content
    /// folder is ever published. `readdir` and `stat` directly: `FileManager` takes the better
    /// part of a second for 10,000 files, which a one-essay rebuild cannot afford.
    /// - Parameter displayRoot: how messages name the folder, e.g. `Content`.
    public static func scan(root: String, displayRoot: String) throws -> Listing {
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        var walk = Walk(links: SymbolicLinkPolicy(root: rootPath, displayRoot: displayRoot))
        var info = stat()
        guard stat(rootPath, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try walk.folder(rootPath, prefix: "", identity: FolderIdentity(info))
        return Listing(entries: walk.entries.sorted { $0.relativePath < $1.relativePath }, diagnostics: walk.skipped)
    }

    private struct Walk {
        let links: SymbolicLinkPolicy
        var entries: [ContentEntry] = []
        var skipped: [Diagnostic] = []
        /// The folders from the root down to the one being listed: a link back to one is a loop.
        var ancestors: [FolderIdentity] = []
        /// Files and folders seen so far, bounded by `ContentLimits.contentEntries`.
        var visited = 0
        /// Folders already entered through a link, with that link's path: a folder is published
        /// under one link only, so links that branch at every level cannot open 2^n paths.
        var linkedFolders: [FolderIdentity: String] = [:]

        mutating func folder(_ directory: String, prefix: String, identity: FolderIdentity) throws {
            guard let handle = opendir(directory) else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            defer { closedir(handle) }
            ancestors.append(identity)
            defer { ancestors.removeLast() }
            let names = FolderListing.entries(of: handle).map(\.name)
            // `lstat` relative to the open folder (no path walk per file), on all cores: 10,000
            // essays in one folder are the common case this has to be quick for.
            let folder = dirfd(handle)
            let stats: [stat?] = parallelMap(names.count) { index in
                var info = stat()
                return fstatat(folder, names[index], &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
            }
            for (name, info) in zip(names, stats) {
                guard var info else { continue }
                visited += 1
                if visited > ContentLimits.contentEntries { throw ContentTooLarge() }
                var path = directory + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if info.st_mode & S_IFMT == S_IFLNK {
                    switch links.resolve(linkPath: path, relativePath: relative, ancestors: ancestors) {
                    case .follow(let target, let targetInfo):
                        if targetInfo.st_mode & S_IFMT == S_IFDIR {
                            let identity = FolderIdentity(targetInfo)
                            if let first = linkedFolders[identity] {
                                skipped.append(.warning("symbolic link leads to a folder already published through "
                                                        + "\(links.displayRoot)/\(first); skipped",
                                                        at: .file(links.displayRoot + "/" + relative)))
                                continue
                            }
                            linkedFolders[identity] = relative
                        }
                        path = target
                        info = targetInfo
                    case .skip(let warning):
                        skipped.append(warning)
                        continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: try self.folder(path, prefix: relative, identity: FolderIdentity(info))
                case S_IFREG:
                    entries.append(ContentEntry(relativePath: relative, absolutePath: path, stamp: FileStamp(info)))
                default: continue
                }
            }
        }
    }
}

/// A folder's device and inode: the same folder however it was reached.
struct FolderIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev); inode = UInt64(info.st_ino)
    }
}
