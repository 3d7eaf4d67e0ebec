import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to a site's sources by polling: every file's path, size and modification
/// time under the watched folders (plus single files such as `site.yml`). Polling works on
/// every file system; the scan uses `readdir` and `lstat` directly, so 10,000 files take a few
/// milliseconds rather than the better part of a second through `FileManager`.
struct SourceWatcher: Sendable {
    let folders: [String]
    let files: [String]

    struct Stamp: Hashable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders { walk(folder, into: &stamps) }
        for file in files { record(file, into: &stamps) }
        return stamps
    }

    private func record(_ path: String, into stamps: inout [String: Stamp]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        stamps[path] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }

    private func walk(_ folder: String, into stamps: inout [String: Stamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else {
                stamps[path] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
            }
        }
    }
}
