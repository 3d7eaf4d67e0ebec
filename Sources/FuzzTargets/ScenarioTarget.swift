import LivePage
import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics
import Site

/// The scenario pipeline on one block: lex, parse, check (units, dimensions, timeline), evaluate,
/// then print every value in each number format, and the tables `costmark check` prints.
public enum ScenarioTarget {
    static let formats: [NumberFormat?] = [nil, .decimals(2), .significant(3), .integer]

    public static func run(_ input: [UInt8]) {
        let fragment = SourceFragment(standalone: String(decoding: input, as: UTF8.self), path: "fuzz.scenario")
        let (scenario, problems) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        let result = Evaluator.run(scenario)
        for name in scenario.sourceOrder {
            guard let value = result.values[name] else { continue }
            for format in formats { _ = ValueFormatter.format(value, format: format) }
        }
        _ = ExplainReport.table([result])
        _ = ExplainReport.json([result], file: "fuzz.scenario")
        _ = ExplainReport.csv([result])
        _ = DiagnosticRenderer().render(problems + result.diagnostics)
    }
}
