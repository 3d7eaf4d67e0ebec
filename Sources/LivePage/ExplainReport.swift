import Diagnostics
import Foundation
import Runtime
import Semantics

/// The rows `costmark explain` prints for a page's evaluated scenarios: definitions, units and
/// values for the terminal (`table`) or for export (`json`, `csv`). Values are shown as the page
/// shows them (`ValueFormatter`), so `explain` and the page never disagree.
public enum ExplainReport {
    public struct Row {
        var scenario: String
        var name: String
        var formula: String
        var dimension: String
        var unit: String
        var text: String
        /// Numbers in the shown unit: one for a single value, one per step for a series, none for `never`.
        var numbers: [Double]
        var isSeries: Bool
        /// For a series, every step formatted as `text` formats its first and last few.
        var steps: [String] = []
        /// The data columns the value was computed from.
        var origins: [String] = []
        /// The typed inputs it depends on, with file and line.
        var inputs: [ValueInput] = []
        /// For a definition imported from a model or another block: where it was written.
        var importedFrom: String?
        /// For an uncertain value, per step (one entry for a single value): p5, p25, median, p75,
        /// p95 and mean, in the shown unit. `numbers` then holds the medians.
        var summaries: [[Double]] = []
        /// The same, formatted, for the terminal.
        var summaryText: [String] = []
    }

    // Swift 6.3.1's CopyPropagation pass crashes on this function in release builds ("Found
    // ownership error?!"), as a loop or as a `compactMap`; it runs once per `explain`, so it is
    // simply left unoptimized.
    @_optimize(none)
    public static func rows(_ result: ScenarioResult) -> [Row] {
        let scenario = result.scenario
        var rows: [Row] = []
        let provenance = Provenance(scenario)
        for name in scenario.sourceOrder {
            guard let definition = scenario.definition(named: name), let value = result.value(of: name) else { continue }
            let shown = ShownValue(value)
            let spread = shown.spread
            let raw = spread?.medians ?? shown.magnitudes
            let unit = ShownUnit(covering: raw, dimension: value.dimension, label: value.label)
            let steps: [String]
            switch shown.shape {
            case .perStep(let xs): steps = xs.indices.map(shown.text(atStep:))
            case .spread: steps = spread?.steps(value) ?? []
            case .number, .never: steps = []
            }
            rows.append(Row(scenario: scenario.name, name: name, formula: scenario.fragment.text(of: definition.expression.span),
                            dimension: value.dimension.described, unit: unit.name, text: shown.text(),
                            numbers: raw.map(unit.amount), isSeries: shown.steps != nil, steps: steps,
                            origins: provenance.dataOrigins(ofDefinition: name).map(\.described),
                            inputs: provenance.inputs(ofDefinition: name),
                            importedFrom: scenario.origin(of: name).map { ValueInput(name: "", location: $0).place() },
                            summaries: spread?.rows.map { $0.map(unit.amount) } ?? [],
                            summaryText: spread?.described(value, label: unit.label) ?? []))
        }
        return rows
    }

    /// An aligned table: name, value, formula; series are abbreviated.
    public static func table(_ results: [ScenarioResult]) -> String {
        var out = ""
        for result in results {
            let rows = rows(result)
            var heading = "scenario \(result.scenario.name)"
            if let timeline = result.scenario.timeline {
                heading += " (timeline \(ValueFormatter.plainNumber(timeline.start))..\(ValueFormatter.plainNumber(timeline.start + Double(timeline.count - 1))) \(timeline.unit.plural ?? timeline.unit.name))"
            }
            out += heading + "\n"
            let nameWidth = max(4, rows.map(\.name.count).max() ?? 0)
            let valueWidth = min(48, max(5, rows.map(\.text.count).max() ?? 0))
            func pad(_ text: String, _ width: Int) -> String {
                text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
            }
            out += "  " + pad("name", nameWidth) + "  " + pad("value", valueWidth) + "  formula\n"
            for row in rows {
                let value = row.isSeries ? abbreviated(row.steps, width: valueWidth)
                    : row.text.count > valueWidth ? String(row.text.prefix(valueWidth - 1)) + "…" : row.text
                out += "  " + pad(row.name, nameWidth) + "  " + pad(value, valueWidth) + "  " + row.formula + "\n"
                let indent = "  " + pad("", nameWidth) + "  " + pad("", valueWidth) + "  "
                for origin in row.origins { out += indent + "from " + origin + "\n" }
                if let origin = row.importedFrom { out += indent + "from " + origin + "\n" }
                for line in row.summaryText { out += indent + line + "\n" }
                if !row.inputs.isEmpty, row.inputs.map(\.name) != [row.name] {
                    out += indent + "inputs: " + row.inputs.map { $0.described() }.joined(separator: ", ") + "\n"
                }
            }
            out += "\n"
        }
        return out
    }

    /// A series in at most `width` characters: as many of its first and last steps as fit, with
    /// "…" between them. Cutting the joined text instead would drop the last steps, the ones a
    /// reader of a timeline most wants. At least the first and the last step are shown.
    public static func abbreviated(_ steps: [String], width: Int) -> String {
        let whole = steps.joined(separator: ", ")
        guard whole.count > width, steps.count > 2 else { return whole }
        var shown = min(steps.count - 1, 12)
        while true {
            let head = (shown + 1) / 2, tail = shown / 2
            let text = (steps.prefix(head) + ["…"] + steps.suffix(tail)).joined(separator: ", ")
            if text.count <= width || shown == 2 { return text }
            shown -= 1
        }
    }

    /// Every value in full, as JSON: numbers in the unit they are shown in.
    public static func json(_ results: [ScenarioResult], file: String) -> String {
        func quote(_ text: String) -> String {
            DiagnosticJSONRenderer.quoteForJSON(text)
        }
        func number(_ x: Double) -> String {
            x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)") : "null"
        }
        var scenarios: [String] = []
        for result in results {
            var fields = ["\"name\":\(quote(result.scenario.name))"]
            if let timeline = result.scenario.timeline {
                fields.append("\"timeline\":{\"start\":\(number(timeline.start)),\"steps\":\(timeline.count),\"unit\":\(quote(timeline.unit.name))}")
            } else {
                fields.append("\"timeline\":null")
            }
            let definitions = rows(result).map { row -> String in
                let value = row.numbers.isEmpty ? "null" : row.isSeries ? "[" + row.numbers.map(number).joined(separator: ",") + "]" : number(row.numbers[0])
                let origins = "[" + row.origins.map(quote).joined(separator: ",") + "]"
                let inputs = "[" + row.inputs.map {
                    "{\"name\":\(quote($0.name)),\"file\":\(quote($0.location.file)),\"line\":\($0.location.line)}"
                }.joined(separator: ",") + "]"
                let uncertain = row.summaries.isEmpty ? ""
                    : ",\"uncertain\":" + Spread.json(row.summaries, series: row.isSeries, number: number)
                return "{\"name\":\(quote(row.name)),\"formula\":\(quote(row.formula)),"
                    + "\"dimension\":\(quote(row.dimension)),\"unit\":\(quote(row.unit)),\"text\":\(quote(row.text)),"
                    + "\"value\":\(value),\"from\":\(origins),\"inputs\":\(inputs)\(uncertain)}"
            }
            fields.append("\"definitions\":[" + definitions.joined(separator: ",") + "]")
            scenarios.append("{" + fields.joined(separator: ",") + "}")
        }
        return "{\"file\":\(quote(file)),\"scenarios\":[" + scenarios.joined(separator: ",") + "]}\n"
    }

    /// Long-format CSV: one row per single value, one row per step of each series.
    public static func csv(_ results: [ScenarioResult]) -> String {
        func field(_ text: String) -> String {
            text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
        }
        // The percentile columns only when something is uncertain: certain models export as before.
        let uncertain = results.contains { result in result.values.values.contains(where: \.isUncertain) }
        var out = "scenario,name,t,value,unit"
            + (uncertain ? "," + ValueFormatter.summaryNames.joined(separator: ",") : "") + "\n"
        for result in results {
            for row in rows(result) {
                func stats(_ step: Int) -> [String] {
                    guard uncertain else { return [] }
                    return step < row.summaries.count ? row.summaries[step].map { $0 == .infinity ? "never" : "\($0)" }
                        : Array(repeating: "", count: ValueFormatter.summaryNames.count)
                }
                if row.isSeries, let timeline = result.scenario.timeline {
                    for (step, value) in row.numbers.enumerated() {
                        out += ([row.scenario, row.name, ValueFormatter.plainNumber(timeline.start + Double(step)),
                                 "\(value)", row.unit]
                                + stats(step)).map(field).joined(separator: ",") + "\n"
                    }
                } else {
                    out += ([row.scenario, row.name, "", row.numbers.first.map { "\($0)" } ?? "never", row.unit]
                            + stats(0))
                        .map(field).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }
}
