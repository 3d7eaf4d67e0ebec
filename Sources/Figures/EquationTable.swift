import Diagnostics
import Markup
import Runtime
import ScenarioSyntax
import Semantics

/// A ```` ```table [SCENARIO] ```` block: the model as a table of definitions (name, formula
/// typeset from the evaluated tree, value), or with `series: [...]` the timeline as rows.
/// Definition rows carry stable ids (`main-total`) that values in the prose link to.
enum EquationTable {
    static let keys = ["rows", "series", "title"]

    /// The anchor of a definition's row.
    static func rowID(scenario: String, name: String) -> String {
        "cm-" + slug(scenario) + "-" + slug(name)
    }

    static func slug(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? Character($0.lowercased()) : "-" })
    }

    /// Returns the HTML and the definitions that got a row.
    static func render(spec: inout BlockSpec, page: PageScenarios, scenario: String?) -> (String, [String])? {
        spec.rejectUnknownKeys(keys, block: "table")
        guard let result = page.block(named: scenario) else {
            spec.diagnostics.append(.error(scenario.map { "no scenario named `\($0)` on this page" } ?? "this page has no scenario for the table",
                                           at: spec.document.file.location(line: max(1, spec.document.firstLine - 1), column: 1)))
            return nil
        }
        let compiled = result.scenario
        let title = spec.string("title")
        // A box that may scroll: reachable from the keyboard, named for what it holds.
        var html = "<div class=\"cm-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\""
            + HTMLEscaping.escape(title ?? "Model: every definition and its value") + "\">\n<table class=\"cm-equations\">\n"
        if let title { html += "<caption>\(HTMLEscaping.escape(title))</caption>\n" }

        if let series = spec.expressions("series") {
            guard let timeline = compiled.timeline else {
                spec.diagnostics.append(.error("`series` needs a scenario with a timeline", at: spec.location(of: spec.document.entry("series")!.key)))
                return nil
            }
            var columns: [(String, ShownValue)] = []
            for (expression, fragment, text) in series {
                let (evaluated, problems) = page.evaluate(expression, fragment: fragment, preferred: compiled.name)
                spec.diagnostics += problems
                guard let evaluated else { continue }
                columns.append((text, evaluated.shown))
            }
            let unitName = timeline.unit.plural ?? timeline.unit.name
            html += "<thead><tr><th scope=\"col\">\(HTMLEscaping.escape(unitName))</th>"
            for (name, _) in columns { html += "<th scope=\"col\">\(HTMLEscaping.escape(name))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for step in 0..<timeline.count {
                html += "<tr><th scope=\"row\">\(ValueFormatter.plainNumber(timeline.start + Double(step)))</th>"
                for (_, value) in columns {
                    html += "<td>\(HTMLEscaping.escape(value.text(atStep: step)))</td>"
                }
                html += "</tr>\n"
            }
            return (html + "</tbody>\n</table>\n</div>\n", [])
        }

        var names = compiled.sourceOrder
        if let entry = spec.document.entry("rows") {
            guard case .sequence(let sequence) = entry.value else {
                spec.error("`rows` must be a list of names", entry.value)
                return nil
            }
            names = []
            for node in sequence {
                guard let name = node.scalar?.string else { continue }
                if compiled.sourceOrder.contains(name) { names.append(name) } else {
                    let notes = Suggestion.closest(to: name, in: compiled.sourceOrder).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
                    spec.error("`\(name)` is not defined in scenario `\(compiled.name)`", node, notes: notes)
                }
            }
        }
        let math = MathMLRenderer(units: compiled.units, timeline: compiled.timeline)
        html += "<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Formula</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n"
        var shown: [String] = []
        for name in names {
            guard let definition = compiled.definition(named: name) else { continue }
            let valueText = result.value(of: name).map { ShownValue($0).text() } ?? "—"
            html += "<tr id=\"\(rowID(scenario: compiled.name, name: name))\"><th scope=\"row\"><code>\(HTMLEscaping.escape(name))</code>"
            if let origin = compiled.origin(of: name) {
                // An imported definition says which model (or block) it comes from.
                let file = origin.file.split(separator: "/").last.map(String.init) ?? origin.file
                html += "<br><small class=\"cm-origin\">from \(HTMLEscaping.escape(file)):\(origin.line)</small>"
            }
            html += "</th>"
            html += "<td>\(math.math(definition.expression))</td><td>\(HTMLEscaping.escape(valueText))</td></tr>\n"
            shown.append(name)
        }
        return (html + "</tbody>\n</table>\n</div>\n", shown)
    }
}
