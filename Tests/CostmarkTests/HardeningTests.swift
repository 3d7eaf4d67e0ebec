import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Testing

/// Inputs from the fuzzing campaign of issue 9 that overflowed the stack, trapped or took
/// quadratic time. Each must now give a located error, or the right value, without crashing.
@Suite struct HardeningTests {
    func messages(_ text: String) -> [String] {
        let fragment = SourceFragment(standalone: text, path: "t")
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        return (errors + Evaluator.run(scenario).diagnostics).map(\.message)
    }

    func inlineMessages(_ inline: String, scenario text: String = "a = 1") -> [String] {
        let (scenario, _) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: text, path: "t"))
        let page = PageScenarios(results: [Evaluator.run(scenario)])
        return page.inline(SourceFragment(standalone: inline, path: "p")).1.map(\.message)
    }

    static let tooDeep = "this expression is nested more than \(ScenarioLimits.expressionDepth) levels deep"

    @Test func deepParenthesesAreRefused() {
        let deep = String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000)
        #expect(messages("x = " + deep) == [Self.tooDeep])
        let fine = String(repeating: "(", count: 90) + "1" + String(repeating: ")", count: 90)
        #expect(messages("x = " + fine).isEmpty)
    }

    @Test func longChainsOfOperatorsAreRefused() {
        let sum = Array(repeating: "1", count: 10_000).joined(separator: " + ")
        #expect(messages("x = " + sum) == [Self.tooDeep])
        #expect(messages("x = " + Array(repeating: "1", count: 90).joined(separator: " + ")).isEmpty)
        #expect(messages("x = " + String(repeating: "-", count: 5_000) + "1") == [Self.tooDeep])
        #expect(messages("x = " + String(repeating: "not ", count: 5_000) + "1 > 0") == [Self.tooDeep])
        #expect(messages("x = " + Array(repeating: "2", count: 5_000).joined(separator: " ^ ")) == [Self.tooDeep])
        #expect(messages("x = 1 as " + Array(repeating: "s", count: 5_000).joined(separator: "/")) == [Self.tooDeep])
    }

    @Test func deepInlineValuesAreRefused() {
        let deep = String(repeating: "(", count: 1_000) + "1" + String(repeating: ")", count: 1_000)
        #expect(inlineMessages(deep) == [Self.tooDeep])
    }

    @Test func hugeTimelinesAreRefusedBeforeBecomingIntegers() {
        #expect(messages("timeline = 0..1e20 days") == ["this timeline has about 1e+20 steps; the limit is 10000"])
        #expect(messages("timeline = 0..1e400 days").contains("this number is too large to compute with (the largest is about 1.8e308)"))
        #expect(messages("timeline = 1e300..1e300 days") == ["a timeline starts at a step between -1e9 and 1e9"])
    }

    @Test func aFailedDefinitionIsReportedOnceNotAtEveryUse() {
        let text = "a = 1e308 * 10\nb = a + 1"
        #expect(messages(text).count == 1)
        #expect(inlineMessages("a + 1", scenario: text).isEmpty)
        #expect(inlineMessages("b", scenario: text).isEmpty)
    }

    @Test func formattingHugeNumbersNeverTraps() {
        #expect(ValueFormatter.fixed(1e300, decimals: 2).hasSuffix(".00"))
        #expect(ValueFormatter.fixed(-1e20, decimals: 0) == "-100,000,000,000,000,000,000")
        #expect(ValueFormatter.fixed(1234.5678, decimals: 2) == "1,234.57")
        #expect(ValueFormatter.fixed(-0.001, decimals: 2) == "0.00")
        #expect(ValueFormatter.fixed(.infinity, decimals: 2) == "infinity")
        #expect(ValueFormatter.plainNumber(1e300) == "1e+300" || !ValueFormatter.plainNumber(1e300).isEmpty)
        #expect(ValueFormatter.significant(1e300, digits: 4).hasPrefix("1,000,000"))
    }

    @Test func manyStatementsAreRefusedPastTheLimit() {
        let lines = (0...ScenarioLimits.statements).map { "x\($0) = \($0)" }.joined(separator: "\n")
        let errors = messages(lines)
        #expect(errors == ["this scenario block has more than \(ScenarioLimits.statements) statements"])
    }

    @Test func longDependencyChainsNeitherRecurseNorCopy() {
        // 4,000 definitions each reading the previous: ordered without a deep recursion.
        var lines = ["x0 = 1"]
        for index in 1..<4_000 { lines.append("x\(index) = x\(index - 1) + 1") }
        let (scenario, errors) = ScenarioCompiler.compile(name: "main",
                                                          fragment: SourceFragment(standalone: lines.reversed().joined(separator: "\n"), path: "t"))
        #expect(errors.isEmpty)
        #expect(Evaluator.run(scenario).value(of: "x3999")?.scalar == 4_000)
    }

    @Test func aCycleThroughALongChainIsNamedOnce() {
        var lines = (1..<500).map { "x\($0) = x\($0 - 1) + 1" }
        lines.append("x0 = x499")
        let errors = messages(lines.joined(separator: "\n"))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("definitions depend on each other in a cycle: x1 → x0 → x499 → x498") == true)
    }

    @Test func unitPositionsAreExplicitInTheTree() throws {
        let (statements, _) = Parser.parseBlock(SourceFragment(standalone: "a = floor(10 machine, machines as s)", path: "t"))
        #expect(statements.count == 0)   // `as` is not allowed inside a unit
        let (parsed, errors) = Parser.parseBlock(SourceFragment(standalone: "a = round(4 hours, $/day) as GB^2", path: "t"))
        #expect(errors.isEmpty)
        #expect(parsed.first?.description == "a = (as (round (· 4 hours) (/ $ day)) (^ GB 2))")
    }
}
