import Content
import FileSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to a site's sources by polling: every file's path and stamp under the
/// watched folders (plus single files such as `site.yml`). Polling works on
/// every file system; the scan uses `readdir` and `lstat` directly, so 10,000 files take a few
/// milliseconds rather than the better part of a second through `FileManager`.
struct SourceWatcher: Sendable {
    let folders: [String]
    let files: [String]

    func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        for file in files { stamps[file] = FileStamp.ofLink(file) }
        return stamps
    }

    private func walk(_ folder: String, into stamps: inout [String: FileStamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        for entry in FolderListing.entries(of: directory) {
            let path = folder + "/" + entry.name
            guard let stamp = FileStamp.ofLink(path) else { continue }
            if entry.isFolder ?? isFolder(path) {
                walk(path, into: &stamps)
            } else {
                stamps[path] = stamp
            }
        }
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
