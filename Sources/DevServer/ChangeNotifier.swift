import Content
import FileSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells the server the moment a source changes, through Linux's inotify, instead of the
/// polling `SourceWatcher`: no scan of 10,000 files every tenth of a second, and no wait for
/// the next scan, which was most of serve's edit-to-reload time.
///
/// Folders are watched recursively (new subfolders join as they appear); a single file such
/// as `site.yml` is watched through its folder, filtered by name, so the output folder beside
/// it can change without waking anyone. Hidden names (editor swap files) are ignored.
final class ChangeNotifier: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    /// Watched folders that exist only for the named files in them.
    private var fileFilters: [Int32: Set<String>] = [:]
    /// Watched folders that do not exist yet (an optional `Templates/`), by the watch on their
    /// parent and their name: when one appears it is watched like the others.
    private var awaited: [Int32: [String: String]] = [:]
    private let roots: Set<String>
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                     | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when inotify is not available (another system, or the watch limit reached).
    init?(folders watched: [String], files: [String]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        roots = Set(watched)
        guard descriptor >= 0 else { return nil }
        for folder in watched {
            var info = stat()
            if stat(folder, &info) != 0 {
                guard let (watch, name) = watchParent(of: folder) else { close(descriptor); return nil }
                awaited[watch, default: [:]][name] = folder
            } else if !addRecursively(folder) {
                close(descriptor)
                return nil
            }
        }
        for file in files {
            guard let (watch, name) = watchParent(of: file) else { close(descriptor); return nil }
            fileFilters[watch, default: []].insert(name)
        }
    }

    /// Watches the folder holding `path`, for events about `path`'s name alone.
    private func watchParent(of path: String) -> (Int32, String)? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let watch = inotify_add_watch(descriptor, url.deletingLastPathComponent().path, ChangeNotifier.mask)
        return watch >= 0 ? (watch, url.lastPathComponent) : nil
    }

    deinit { close(descriptor) }

    /// Adds a watch on `folder` and every folder below it. A folder that does not exist (yet)
    /// is not an error: `Templates/` is optional.
    private func addRecursively(_ folder: String) -> Bool {
        let watch = inotify_add_watch(descriptor, folder, ChangeNotifier.mask)
        if watch < 0 { return errno == ENOENT || errno == ENOTDIR }
        folders[watch] = folder
        guard let handle = opendir(folder) else { return true }
        defer { closedir(handle) }
        for entry in FolderListing.entries(of: handle) where entry.isFolder ?? isFolder(folder + "/" + entry.name) {
            if !addRecursively(folder + "/" + entry.name) { return false }
        }
        return true
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Blocks until a relevant change arrives or `timeout` passes; true when something changed.
    /// Events that arrive within `settle` of each other are taken as one change (an editor
    /// saving writes, renames and sets attributes in quick succession).
    func waitForChange(timeout: Double, settle: Double = 0.01) -> Bool {
        guard wait(timeout) else { return false }
        var changed = drain()
        while wait(settle) { changed = drain() || changed }
        return changed
    }

    private func wait(_ seconds: Double) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads every pending event; true when one concerns a source.
    private func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return relevant }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { relevant = true; continue }
                if let folder = awaited[watch]?[name], mask & UInt32(IN_ISDIR) != 0 {
                    awaited[watch]?[name] = nil
                    _ = addRecursively(folder)
                    relevant = true
                }
                if fileFilters[watch]?.contains(name) == true { relevant = true }
                // A watched root removed (and perhaps made again): wait for it as at the start.
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0, let folder = folders[watch] {
                    folders[watch] = nil
                    relevant = true
                    if roots.contains(folder), let (parent, name) = watchParent(of: folder) {
                        awaited[parent, default: [:]][name] = folder
                    }
                    continue
                }
                guard let folder = folders[watch], !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                relevant = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = addRecursively(folder + "/" + name)
                }
            }
        }
    }
}
