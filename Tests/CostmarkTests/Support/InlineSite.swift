import Foundation
import Site

/// A whole site written inline, Hugo-style, so a test reads top to bottom:
///
///     let site = try InlineSite("""
///     -- Content/posts/a.md --
///     ---
///     title: A
///     ---
///     Body.
///     -- site.yml --
///     title: Test
///     """)
///     let report = site.build()
///     #expect(try site.output("posts/a/index.html").contains("Body."))
struct InlineSite {
    let root: URL

    init(_ files: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            try write(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: path)
        }
        for line in files.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    var options: BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = root.appendingPathComponent("Content").path
        options.templatesDirectory = root.appendingPathComponent("Templates").path
        options.outputDirectory = root.appendingPathComponent("Output").path
        options.configPath = root.appendingPathComponent("site.yml").path
        return options
    }

    @discardableResult
    func build(_ adjust: (inout BuildOptions) -> Void = { _ in }) -> BuildReport {
        var options = self.options
        adjust(&options)
        return SiteBuilder.build(options)
    }

    func output(_ path: String, in folder: String = "Output") throws -> String {
        try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String, in folder: String = "Output") -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).appendingPathComponent(path).path)
    }

    /// Every file under the output folder with its bytes, for byte-for-byte comparisons; folders
    /// appear as `path/` with no bytes, so an empty folder left behind is a difference too.
    func snapshot(_ folder: String = "Output") throws -> [String: Data] {
        let base = root.appendingPathComponent(folder).path
        var files: [String: Data] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: base) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                files[relative + "/"] = Data()
            } else {
                files[relative] = FileManager.default.contents(atPath: base + "/" + relative)
            }
        }
        return files
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

/// Paths into the repository, for fixtures and golden files.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
