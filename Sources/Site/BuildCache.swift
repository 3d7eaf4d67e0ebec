import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Rendered pages from earlier builds, addressed by a fingerprint of everything they were made
/// from. A page whose inputs are unchanged is hard-linked from here into the new site instead
/// of being rendered; any change to an input is a different fingerprint, so a stale page
/// cannot be found. Entries a successful build did not use are removed.
final class BuildCache: @unchecked Sendable {
    /// Bumped when what a page depends on, or the entry format, changes.
    static let formatVersion = "1"

    let folder: String
    private var used: Set<String> = []
    private let lock = NSLock()

    init?(directory: String) {
        folder = directory + "/pages-v" + BuildCache.formatVersion
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
    }

    func pagePath(_ key: String) -> String { folder + "/" + key + ".html" }
    private func metaPath(_ key: String) -> String { folder + "/" + key + ".meta" }

    private func markUsed(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        used.insert(key)
    }

    /// A cached page exists for `key` (and its metadata, when the caller stores some).
    func hasPage(_ key: String) -> Bool {
        guard access(pagePath(key), F_OK) == 0 else { return false }
        markUsed(key)
        return true
    }

    /// The essay's list-and-feed facts stored with its page, or nil.
    func essay(_ key: String) -> RenderedEssay? {
        guard hasPage(key), case .success(let bytes) = readAll(metaPath(key)) else { return nil }
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
        guard parts.count == 4, let minutes = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        let feed = parts[3].isEmpty ? nil : String(decoding: parts[3].dropFirst(), as: UTF8.self)
        return RenderedEssay(summary: String(decoding: parts[0], as: UTF8.self), readingTime: minutes, feedHTML: feed,
                             listFragment: ListFragment(rendered: String(decoding: parts[2], as: UTF8.self)))
    }

    /// Adopts a page just written to the staging folder (by hard link: no copy) and its metadata.
    func store(_ key: String, page stagedPath: String, essay: RenderedEssay?) {
        markUsed(key)
        let target = pagePath(key)
        if access(target, F_OK) != 0, link(stagedPath, target) != 0 {
            try? FileManager.default.copyItem(atPath: stagedPath, toPath: target)
        }
        guard let essay else { return }
        var bytes = Array(essay.summary.utf8) + [0] + Array(String(essay.readingTime).utf8) + [0]
        bytes += Array(essay.listFragment.rendered.utf8) + [0]
        if let feed = essay.feedHTML { bytes += [1] + Array(feed.utf8) }
        let temporary = metaPath(key) + ".tmp\(getpid())"
        if FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) {
            rename(temporary, metaPath(key))
        }
    }

    /// Removes entries this build did not use, so the cache holds one site's worth of pages.
    func prune() {
        lock.lock(); let keep = used; lock.unlock()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let key = String(name.prefix { $0 != "." })
            if !keep.contains(key) { unlink(folder + "/" + name) }
        }
    }

    private func readAll(_ path: String) -> Result<[UInt8], POSIXError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(POSIXError(.ENOENT)) }
        return .success([UInt8](data))
    }
}
