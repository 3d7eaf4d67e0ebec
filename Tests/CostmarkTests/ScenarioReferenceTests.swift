import Foundation
import Testing

/// Every ```scenario block in docs/scenario-language.md runs, so the reference cannot drift
/// from the implementation.
@Suite struct ScenarioReferenceTests {
    static func blocks(in page: String = "docs/scenario-language.md") -> [(line: Int, text: String)] {
        let text = (try? String(contentsOfFile: Repository.path(page), encoding: .utf8)) ?? ""
        var blocks: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.hasPrefix("```scenario") {
                current = []
                start = index + 2
            } else if current != nil, line.hasPrefix("```") {
                blocks.append((start, current!.joined(separator: "\n")))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func theReferenceHasExamples() {
        #expect(Self.blocks().count >= 12)
    }

    @Test(arguments: blocks().map(\.line))
    func example(startingAt line: Int) throws {
        let block = try #require(Self.blocks().first { $0.line == line })
        let outcome = ScenarioFileRunner.run(block.text, path: "docs/scenario-language.md (block at line \(line))")
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.checked > 0)
    }
}
