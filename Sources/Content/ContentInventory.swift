import Foundation

/// One file under the content folder.
public struct ContentEntry: Sendable, Hashable {
    /// Path below the content folder with `/` separators, e.g. `posts/machines.md`.
    public var relativePath: String
    public var absolutePath: String
    public var isEssay: Bool { relativePath.hasSuffix(".md") || relativePath.hasSuffix(".markdown") }
}

/// Lists the content folder: essays to render and everything else to copy through.
public enum ContentInventory {
    /// Sorted by path so builds do not depend on directory order. Hidden files and folders are skipped.
    public static func scan(root: String) throws -> [ContentEntry] {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var entries: [ContentEntry] = []
        try walk(rootURL.path, prefix: "", into: &entries)
        return entries.sorted { $0.relativePath < $1.relativePath }
    }

    private static func walk(_ directory: String, prefix: String, into entries: inout [ContentEntry]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if isDirectory.boolValue {
                try walk(path, prefix: relative, into: &entries)
            } else {
                entries.append(ContentEntry(relativePath: relative, absolutePath: path))
            }
        }
    }
}
