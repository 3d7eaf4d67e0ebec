import Foundation
import Testing

/// Every ```scenario block of docs/history.md builds in a repository made here, with each
/// `# expect: VALUE` checked as a claim `{{ name = VALUE }}` on the page: `data/gzip.json` is the
/// hyperfine fixture at HEAD~1 and its `gzip -6` runs 15% slower at HEAD (also the work tree),
/// `data/weekly.csv` has three versions (last p99 170, 182, 205 ms).
@Suite struct HistoryReferenceTests {
    static let page = "docs/history.md"

    static func scenarioBlocks() -> [(line: Int, text: String)] {
        let text = (try? String(contentsOfFile: Repository.path(page), encoding: .utf8)) ?? ""
        var blocks: [(line: Int, text: String)] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line == "```scenario" {
                current = (index + 2, [])
            } else if let open = current, line.hasPrefix("```") {
                blocks.append((open.line, open.lines.joined(separator: "\n")))
                current = nil
            } else if current != nil {
                current!.lines.append(line)
            }
        }
        return blocks
    }

    /// The block without its `# expect:` comments, and a claim for each.
    static func essay(_ block: String) -> String {
        var model: [String] = [], claims: [String] = []
        for line in block.components(separatedBy: "\n") {
            guard let mark = line.range(of: "# expect: ") else { model.append(line); continue }
            let name = line.prefix { $0 != " " && $0 != "=" }
            claims.append("{{ \(name) = \(line[mark.upperBound...].trimmingCharacters(in: .whitespaces)) }}")
            model.append(String(line[..<mark.lowerBound]))
        }
        return "---\ntitle: Example\n---\n" + claims.joined(separator: " ") + "\n\n```scenario\n"
            + model.joined(separator: "\n") + "\n```\n"
    }

    static func repository() throws -> InlineSite {
        let site = try InlineSite("-- Content/about.md --\n---\ntitle: About\n---\nAbout.")
        let fixture = try String(contentsOfFile: Repository.path("Tests/Fixtures/bench-outputs/hyperfine.json"),
                                 encoding: .utf8)
        try HistoryTests.git(["init", "-q", "-b", "main"], in: site.root)
        for (index, p99) in [170, 182, 205].enumerated() {
            try site.write("week,p99 (ms)\n2026-01-05,160\n2026-01-12,\(p99)\n", to: "Content/data/weekly.csv")
            if index == 1 { try site.write(fixture, to: "Content/data/gzip.json") }
            if index == 2 { try site.write(try slower(fixture), to: "Content/data/gzip.json") }
            try HistoryTests.git(["add", "-A"], in: site.root)
            try HistoryTests.git(["commit", "-qm", "v\(index)"], in: site.root, date: "2026-03-0\(index + 2)T12:00:00Z")
        }
        return site
    }

    /// hyperfine's file with every figure of `gzip -6` 15% larger.
    static func slower(_ text: String) throws -> String {
        var root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var results = root["results"] as! [[String: Any]]
        for index in results.indices where (results[index]["command"] as! String).contains("-6") {
            for key in ["mean", "median", "min", "max", "stddev", "user", "system"] {
                if let value = results[index][key] as? Double { results[index][key] = value * 1.15 }
            }
            results[index]["times"] = (results[index]["times"] as! [Double]).map { $0 * 1.15 }
        }
        root["results"] = results
        return String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
    }

    @Test func thePageHasExamples() {
        #expect(Self.scenarioBlocks().count >= 3)
    }

    @Test func everyExampleBuildsAndItsExpectationsHold() throws {
        let site = try Self.repository()
        defer { site.cleanUp() }
        for block in Self.scenarioBlocks() {
            try site.write(Self.essay(block.text), to: "Content/example-\(block.line).md")
        }
        let report = site.build()
        for diagnostic in report.diagnostics {
            Issue.record(Comment(rawValue: "\(Self.page): \(diagnostic.location?.file ?? ""): \(diagnostic.message)"))
        }
        #expect(report.succeeded)
    }
}
