import Testing

/// Every ```scenario block in docs/uncertainty.md runs: its `# expect:` and `# error:` lines
/// are the page's promises.
@Suite struct UncertaintyReferenceTests {
    static let page = "docs/uncertainty.md"

    @Test func thePageHasExamples() {
        #expect(ScenarioReferenceTests.blocks(in: Self.page).count >= 10)
    }

    @Test(arguments: ScenarioReferenceTests.blocks(in: page).map(\.line))
    func example(startingAt line: Int) throws {
        let block = try #require(ScenarioReferenceTests.blocks(in: Self.page).first { $0.line == line })
        let outcome = ScenarioFileRunner.run(block.text, path: "\(Self.page) (block at line \(line))")
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.checked > 0)
    }
}
