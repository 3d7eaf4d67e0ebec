import Foundation
import Testing

/// Whole generated files compared with the expected files under `Golden/`. After an intended
/// change, re-record with `RECORD_GOLDEN=1 swift test --filter GoldenPageTests` and review the diff.
@Suite struct GoldenPageTests {
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    static let cases: [(site: String, file: String)] = [
        ("sample", "posts/optimize-or-buy/index.html"),
        ("sample", "posts/memory-and-concurrency/index.html"),
        ("sample", "index.html"),
        ("kitchen-sink", "posts/post-5/index.html"),
        ("kitchen-sink", "index.html"),
        ("kitchen-sink", "page/2/index.html"),
        ("kitchen-sink", "tags/index.html"),
        ("kitchen-sink", "tags/capacity-planning/index.html"),
        ("kitchen-sink", "notes/colophon/index.html"),
        ("kitchen-sink", "notes/code-tour/index.html"),
        ("kitchen-sink", "notes/markdown-extensions/index.html"),
        ("kitchen-sink", "404.html"),
        ("kitchen-sink", "feed.xml"),
        ("kitchen-sink", "rss.xml"),
        ("kitchen-sink", "sitemap.xml"),
    ]

    @Test(arguments: ["sample", "kitchen-sink"])
    func pagesMatchTheirGoldenFiles(site: String) throws {
        let (report, output) = try Fixtures.build(site)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded, "\(report.diagnostics)")
        for (_, file) in Self.cases.filter({ $0.site == site }) {
            let actual = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            let golden = Repository.root.appendingPathComponent("Tests/CostmarkTests/Golden/\(site)/\(file)")
            if Self.recording {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: golden)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            if actual != expected {
                let actualPath = golden.path + ".actual"
                try? Data(actual.utf8).write(to: URL(fileURLWithPath: actualPath))
                Issue.record("\(site)/\(file) differs from its golden file; see \(actualPath) (diff it, then RECORD_GOLDEN=1 if intended)")
            }
        }
    }
}
