import Foundation
import Markdown
import Testing

/// GitHub-flavoured Markdown, one rule or edge case per file: `Golden/markdown/<case>.md` renders
/// to `<case>.html` (warnings follow the HTML as comments). Cases named `*.unsafe.md` allow raw
/// HTML. After an intended change, re-record with `RECORD_GOLDEN=1 swift test --filter
/// MarkdownGoldenTests` and review the diff.
@Suite struct MarkdownGoldenTests {
    static let folder = Repository.root.appendingPathComponent("Tests/CostmarkTests/Golden/markdown")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// The HTML of a case, followed by its warnings.
    static func render(_ name: String) throws -> String {
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let options = MarkdownOptions(smartPunctuation: true, allowRawHTML: name.hasSuffix(".unsafe"))
        let document = MarkdownDocument(source, options: options)
        var output = document.render(blocks: [:]) { _ in nil }.html
        for warning in document.warnings {
            output += "<!-- warning \(warning.line):\(warning.column)+\(warning.length): \(warning.message) -->\n"
        }
        return output
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func caseMatchesItsGoldenFile(name: String) throws {
        let actual = try Self.render(name)
        let golden = Self.folder.appendingPathComponent(name + ".html")
        if GoldenPageTests.recording {
            try Data(actual.utf8).write(to: golden)
            return
        }
        let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? ""
        if actual != expected {
            let actualPath = golden.path + ".actual"
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: actualPath))
            let message = "markdown/\(name) differs from its golden file; see \(actualPath) "
                + "(diff it, then RECORD_GOLDEN=1 if intended)"
            Issue.record(Comment(rawValue: message))
        }
    }
}
