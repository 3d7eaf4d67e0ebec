import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Testing

@Suite struct SemanticsTests {
    func compile(_ text: String) -> (CompiledScenario, [String]) {
        let (scenario, diagnostics) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: text, path: "t"))
        return (scenario, diagnostics.map(\.message))
    }

    @Test func ordersDefinitionsByDependency() {
        let (scenario, errors) = compile("c = b * 2\nb = a + 1\na = 1")
        #expect(errors.isEmpty)
        #expect(scenario.definitions.map(\.name) == ["a", "b", "c"])
        #expect(scenario.sourceOrder == ["c", "b", "a"])
    }

    @Test func infersDimensionsAndSeries() {
        let (scenario, _) = compile("timeline = 0..3 months\nprice = $20/month\nspend = price * t")
        #expect(scenario.definition(named: "price")?.type.dimension == Dimension.currency("USD") / .time)
        #expect(scenario.definition(named: "spend")?.type.dimension == .currency("USD"))
        #expect(scenario.definition(named: "spend")?.type.isSeries == true)
        #expect(scenario.timeline?.count == 4)
    }

    @Test func namesBothDimensionsInAMismatch() {
        let (_, errors) = compile("x = 1 GB + 2 hours")
        #expect(errors == ["cannot add data size and duration"])
    }

    @Test func unitOverridesApplyToPlurals() {
        let (scenario, errors) = compile("unit month = 4 weeks\nx = 2 months")
        #expect(errors.isEmpty)
        #expect(scenario.units.unit(named: "months")?.factor == Double(4 * 7 * 86_400))
    }

    @Test func aCurrencyRateAllowsMixing() {
        let (_, errors) = compile("unit EUR = 1.08 USD\nx = €1 + $1")
        #expect(errors.isEmpty)
        let (_, without) = compile("x = €1 + $1")
        #expect(without == ["cannot add money (EUR) and money (USD)"])
    }

    @Test func suggestsCloseNames() {
        let (_, diagnostics) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: "total = 1\nx = totl", path: "t"))
        #expect(diagnostics.first?.notes.first?.message == "did you mean `total`?")
    }
}

@Suite struct EvaluatorTests {
    func run(_ text: String) -> ScenarioResult {
        Evaluator.run(ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: text, path: "t")).0)
    }

    @Test func compoundMatchesTheDefinition() throws {
        let result = run("g = 5%/week\nf = compound(g, 4 weeks)")
        let factor = try #require(result.value(of: "f")?.scalar)
        #expect(abs(factor - 1.21550625) < 1e-12)
    }

    @Test func broadcastsScalarsOverSeries() {
        let result = run("timeline = 0..3 weeks\nx = t / 1 week + 10")
        #expect(result.value(of: "x")?.series == [10, 11, 12, 13])
    }

    @Test func firstReturnsTheTimeOrNever() {
        let result = run("timeline = 0..5 days\nhit = first(t >= 3 days)\nmiss = first(t > 9 days)")
        #expect(result.value(of: "hit")?.scalar == Double(3 * 86_400))
        #expect(result.value(of: "miss")?.isNever == true)
        #expect(ValueFormatter.format(result.value(of: "miss")!) == "never")
    }

    @Test func divisionByZeroIsLocatedAtTheDivisor() {
        let result = run("zero = 0\nx = 1 / zero")
        #expect(result.diagnostics.first?.message == "division by zero: `zero` is 0")
        #expect(result.diagnostics.first?.location?.column == 9)
        #expect(result.value(of: "x") == nil)
    }

    @Test func formatsByUnit() {
        #expect(ValueFormatter.fixed(1140, decimals: 0) == "1,140")
        #expect(ValueFormatter.fixed(-0.004, decimals: 2) == "0.00")
        #expect(ValueFormatter.significant(21.550625, digits: 4) == "21.55")
        #expect(ValueFormatter.significant(123456.7, digits: 4) == "123,457")
        let result = run("a = $1,140\nb = $1.5\nc = 6 months\nd = 1 month\ne = 90 s")
        #expect(result.values.mapValues { ValueFormatter.format($0) } == ["a": "$1,140", "b": "$1.50", "c": "6 months", "d": "1 month", "e": "90 s"])
    }
}
