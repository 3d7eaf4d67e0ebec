import Diagnostics
import Markdown
import Runtime
import ScenarioSyntax
import Semantics

/// A Markdown body read the way the site reads an essay's: cmark finds the fenced blocks and
/// the `{{ }}` references, and every ```` ```scenario ```` block is compiled and evaluated (the
/// first block of each name; a second one is an error on a real page). An input without a
/// scenario block is evaluated against `FuzzPage.model`, so prose and figures have names to read.
struct FuzzPage {
    let file: SourceFile
    let document: MarkdownDocument
    let scenarios: PageScenarios

    /// Costs, rates, a countable unit, a timeline, series and a range: enough for every kind of
/// figure and value, fans and tornadoes included (few samples, so each input stays quick).
    static let model = """
    unit machine
    unit month = 4 weeks
    timeline = 0..12 months
    salary = $100,000/year
    hourly = salary / (250 days/year * 8 hours/day)
    work = 4 hours * hourly
    price = $20/month/machine
    growth = 5%/week
    machines = floor(compound(growth, t)) * 1 machine
    spend = machines * price * 1 month
    cumulative = cumsum(spend)
    total = sum(spend)
    breakeven = first(cumulative >= work)
    samples = 200
    range_price = $20/month/machine to $50/month/machine
    range_spend = machines * range_price * 1 month
    range_total = sum(range_spend)
    """

    private static let fallback: ScenarioResult = {
        let (scenario, _) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: model, path: "model.scenario"))
        return Evaluator.run(scenario)
    }()

    init(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        file = SourceFile(path: "fuzz.md", text: text)
        document = MarkdownDocument(text)
        var results: [ScenarioResult] = []
        var names: Set<String> = []
        for block in document.fencedBlocks {
            let words = block.info.split(separator: " ", omittingEmptySubsequences: true)
            guard words.first == "scenario" else { continue }
            let name = words.count > 1 ? String(words[1]) : "main"
            guard names.insert(name).inserted else { continue }
            let fragment = SourceFragment(text: block.literal, file: file, startLine: block.fenceLine + 1,
                                          startColumn: block.fenceColumn, continuationColumn: block.fenceColumn)
            let (scenario, _) = ScenarioCompiler.compile(name: name, fragment: fragment)
            results.append(Evaluator.run(scenario))
        }
        scenarios = PageScenarios(results: results.isEmpty ? [FuzzPage.fallback] : results)
    }

    /// Each prose reference evaluated (or checked, for a claim), with its text when it has one.
    func inlineValues() -> [Int: String] {
        var texts: [Int: String] = [:]
        for index in document.proseReferences {
            let reference = document.reference(index)
            let fragment = SourceFragment(text: reference.text, file: file, startLine: reference.line, startColumn: reference.column)
            let (value, problems) = scenarios.inline(fragment)
            texts[index] = value?.text ?? reference.original
            _ = DiagnosticRenderer().render(problems)
        }
        return texts
    }
}
