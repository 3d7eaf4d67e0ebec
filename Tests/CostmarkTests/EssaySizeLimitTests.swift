import Content
import Diagnostics
import Foundation
import Site
import Testing

/// An essay past `ContentLimits.essayBytes` is a located error, refused by its size.
@Suite struct EssaySizeLimitTests {
    static func essay(bytes: Int) -> String {
        let header = "---\ntitle: Long\n---\n"
        let words = String(repeating: "word ", count: (bytes - header.utf8.count) / 5)
        return header + words + String(repeating: "!", count: bytes - header.utf8.count - words.utf8.count)
    }

    @Test func anEssayOverTheLimitIsAnError() throws {
        let site = try InlineSite("-- Content/fine.md --\n---\ntitle: Fine\n---\nShort.\n")
        defer { site.cleanUp() }
        try site.write(Self.essay(bytes: ContentLimits.essayBytes + 10), to: "Content/huge.md")
        try site.write(Self.essay(bytes: ContentLimits.essayBytes - 10), to: "Content/large.md")
        let report = site.build()
        #expect(report.errorCount == 1)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(DiagnosticRenderer().render(error).hasPrefix(
            "\(site.options.contentDirectory)/huge.md: error: essay is larger than 8 MiB, the limit for one essay; it was not read\n"))
        #expect(!site.exists("huge/index.html"))
        let check = site.build { $0.writeOutput = false }
        #expect(check.diagnostics.map(\.message) == report.diagnostics.map(\.message))
    }

    @Test func explainRefusesItToo() throws {
        let site = try InlineSite("")
        defer { site.cleanUp() }
        try site.write(Self.essay(bytes: ContentLimits.essayBytes + 1), to: "Content/huge.md")
        let path = site.root.appendingPathComponent("Content/huge.md").path
        let (results, diagnostics) = ScenarioReport.load(path: path, displayPath: "huge.md")
        #expect(results.isEmpty)
        #expect(diagnostics.map(\.message) == ["essay is larger than 8 MiB, the limit for one essay; it was not read"])
    }

    @Test func readingStopsAtTheLimit() throws {
        let site = try InlineSite("")
        defer { site.cleanUp() }
        try site.write(String(repeating: "x", count: 100), to: "small.txt")
        let path = site.root.appendingPathComponent("small.txt").path
        guard case .failure(let error) = TextDecoding.readBytes(path, limit: 50) else {
            Issue.record("expected EFBIG")
            return
        }
        #expect(error.code == .EFBIG)
        #expect((try? TextDecoding.readBytes(path, limit: 100).get())?.count == 100)
    }
}
