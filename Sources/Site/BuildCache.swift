import Content
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
    static let formatVersion = "2"

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
        // Entries in an older format are never read again.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.hasPrefix("pages-v") && directory + "/" + name != folder {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
    }

    func pagePath(_ key: String) -> String { folder + "/" + key + ".html" }
    private func metaPath(_ key: String) -> String { folder + "/" + key + ".meta" }

    /// Keeps `key`'s entry through the next prune (a page kept in place still needs it).
    func markUsed(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        used.insert(key)
    }

    /// A cached page exists for `key`, untouched since it was stored.
    func hasPage(_ key: String) -> Bool {
        verifiedMeta(key) != nil
    }

    /// The essay's list-and-feed facts stored with its page, or nil.
    func essay(_ key: String) -> RenderedEssay? {
        guard let parts = verifiedMeta(key), parts.count == 4,
              let minutes = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        let feed = parts[3].isEmpty ? nil : String(decoding: parts[3].dropFirst(), as: UTF8.self)
        return RenderedEssay(summary: String(decoding: parts[0], as: UTF8.self), readingTime: minutes, feedHTML: feed,
                             listFragment: ListFragment(rendered: String(decoding: parts[2], as: UTF8.self)))
    }

    /// The entry's metadata after its first line, provided the page still has the stamp that
    /// line recorded. A page is a hard link shared with the output folder: an edit made there
    /// in place (rather than by replacing the file) changes the cached page too, and must
    /// never be handed to a later build as if it were what costmark rendered.
    private func verifiedMeta(_ key: String) -> [ArraySlice<UInt8>]? {
        guard case .success(let bytes) = readAll(metaPath(key)),
              let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let recorded = String(decoding: bytes[..<newline], as: UTF8.self)
        guard let stamp = FileStamp.ofLink(pagePath(key)),
              recorded == "\(stamp.size) \(stamp.modified) \(stamp.inode)" else { return nil }
        markUsed(key)
        return bytes[(newline + 1)...].split(separator: 0, omittingEmptySubsequences: false)
    }

    /// Adopts a page just written to the staging folder (by hard link: no copy) and its metadata.
    func store(_ key: String, page stagedPath: String, essay: RenderedEssay?) {
        markUsed(key)
        let target = pagePath(key)
        unlink(target)
        if link(stagedPath, target) != 0 {
            try? FileManager.default.copyItem(atPath: stagedPath, toPath: target)
        }
        guard let stamp = FileStamp.ofLink(target) else { return }
        var bytes = Array("\(stamp.size) \(stamp.modified) \(stamp.inode)\n".utf8)
        if let essay {
            bytes += essay.summary.utf8
            bytes.append(0)
            bytes += String(essay.readingTime).utf8
            bytes.append(0)
            bytes += (essay.listFragment?.rendered ?? "").utf8
            bytes.append(0)
            if let feed = essay.feedHTML {
                bytes.append(1)
                bytes += feed.utf8
            }
        }
        let temporary = metaPath(key) + ".tmp\(getpid())"
        if FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) {
            rename(temporary, metaPath(key))
        }
    }

    /// Removes the entries of pages an in-place update replaced; the rest stay without a scan.
    func forget(_ keys: [String]) {
        lock.lock(); let keep = used; lock.unlock()
        for key in keys where !keep.contains(key) {
            unlink(pagePath(key))
            unlink(metaPath(key))
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
