import Diagnostics
import Runtime
import ScenarioSyntax
import Semantics

/// A ```` ```tornado [SCENARIO] ```` block: which uncertain input matters most?
///
///     of: total              # or scenario.name; a single uncertain value
///     title: What moves the year's spend
///     caption: …
///
/// For each uncertain input the output is computed with that input at its 5th and at its 95th
/// percentile, the others at their medians; bars are drawn largest swing first, with a table.
enum TornadoBlock {
    static let keys = ["of", "title", "caption"]

    static func render(spec: inout BlockSpec, page: PageScenarios, scenario: String?, id: String) -> String? {
        spec.rejectUnknownKeys(keys, block: "tornado")
        guard let entry = spec.document.entry("of") else {
            spec.diagnostics.append(.error("a tornado needs `of:`, the uncertain value whose inputs it ranks, "
                                           + "as in `of: total`",
                                           at: spec.document.file.location(line: spec.document.firstLine, column: 1)))
            return nil
        }
        guard let (expr, fragment) = spec.expression(entry.value) else { return nil }
        let (evaluated, problems) = page.evaluate(expr, fragment: fragment, preferred: scenario)
        spec.diagnostics += problems
        guard let evaluated else { return nil }
        guard let name = evaluated.name else {
            spec.error("`of:` names a definition, such as `total` or `growth.total`", entry.value)
            return nil
        }
        switch Sensitivity.of(name, in: evaluated.result) {
        case .success(let sensitivity):
            let chart = TornadoChart(output: name, sensitivity: sensitivity, title: spec.string("title"),
                                     caption: spec.string("caption"), id: id)
            return chart.html()
        case .failure(let problem):
            spec.error(message(problem, name), entry.value)
            return nil
        }
    }

    static func message(_ problem: Sensitivity.Problem, _ name: String) -> String {
        switch problem {
        case .unknown: return "`\(name)` is not a definition of this scenario"
        case .certain:
            return "`\(name)` is certain: a tornado ranks the uncertain inputs (`a to b`) an output depends on"
        case .series:
            return "`\(name)` is a series; a tornado needs one value, such as `sum(\(name))` defined on a line "
                + "of its own"
        case .failed(let input) where input == name:
            return "`\(name)` has no value with every input at its median (it never happens, or fails to compute)"
        case .failed(let input):
            return "`\(name)` has no value with `\(input)` at its 5th or 95th percentile (it never happens, "
                + "or fails to compute), so its swing cannot be drawn"
        }
    }
}
