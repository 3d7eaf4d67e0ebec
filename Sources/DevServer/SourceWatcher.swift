import Foundation

/// Notices changes to a site's sources by polling: every file's path, size and modification
/// time under the watched folders (plus single files such as `site.yml`). Polling works on
/// every file system, and at a few milliseconds per scan costs far less than a rebuild.
struct SourceWatcher: Sendable {
    let folders: [String]
    let files: [String]

    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Double
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func record(_ path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[path] = Stamp(size: size, modified: modified)
        }
        for folder in folders {
            guard let paths = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in paths { record(folder + "/" + relative) }
        }
        for file in files { record(file) }
        return stamps
    }
}
