import DataFiles
import Diagnostics
import Figures
import Markdown
import Runtime
import ScenarioSyntax
import Semantics
import Markup

/// The HTML a page's live parts become: values in prose, the folded model, and the error for a
/// value written where none can stand.
extension LivePage {
    /// `[x]({{ a }})`: a value cannot be a link's address or title. A malformed Hugo shortcode
    /// there (well-formed ones were replaced before the Markdown) gets a note saying what it is.
    static func misplaced(_ reference: InlineScanner.Reference, file: SourceFile, bodyFirstLine: Int) -> Diagnostic {
        let line = bodyFirstLine + reference.line - 1
        let start = max(1, reference.column - 2)
        var notes = [Diagnostic.Note("write the address itself: `[text](other-essay.md)` links to another essay")]
        let inner = reference.text.drop { $0 == " " }
        if inner.hasPrefix("<") || inner.hasPrefix("%") {
            notes.insert(.init("`\(reference.original)` looks like a Hugo shortcode that could not be read as one: "
                               + "write it `{{< name args >}}`"), at: 0)
        }
        return .error("a `{{ }}` value cannot stand in a link's address or title",
                      at: file.location(line: line, column: start, length: reference.original.count),
                      notes: notes, code: .misplacedValue)
    }

    /// A value in prose: the number, with the formula it came from on hover, linked to its row
    /// in an equation table when the page has one.
    static func inlineHTML(_ value: InlineValue, anchor: String? = nil, contentFolder: String? = nil) -> String {
        let title = (value.isClaim ? "checked against the model: " : "") + value.formula
            + value.origins.map { "\nfrom " + $0 }.joined() + LivePage.inputsLine(value, contentFolder: contentFolder)
        var attributes = "class=\"cm-value\(value.isClaim ? " cm-claim" : "")\" title=\"\(HTMLEscaping.escape(title))\""
        attributes += " data-scenario=\"\(HTMLEscaping.escape(value.scenario))\""
        if let name = value.name { attributes += " data-name=\"\(HTMLEscaping.escape(name))\"" }
        if let anchor { return "<a \(attributes) href=\"#\(anchor)\">\(HTMLEscaping.escape(value.text))</a>" }
        return "<span \(attributes)>\(HTMLEscaping.escape(value.text))</span>"
    }

    /// `inputs: hourly (models/infra.scenario:2), …`: at most eight, then how many more. A value
    /// that is itself an input names only where it was set when that is another file.
    static func inputsLine(_ value: InlineValue, contentFolder: String?) -> String {
        let inputs = value.inputs
        guard !inputs.isEmpty else { return "" }
        if inputs.count == 1, inputs[0].name == value.name {
            return inputs[0].location.file == value.file ? "" : "\nset at " + inputs[0].place(within: contentFolder)
        }
        let shown = inputs.prefix(8).map { $0.described(within: contentFolder) }.joined(separator: ", ")
        return "\ninputs: " + shown + (inputs.count > 8 ? " and \(inputs.count - 8) more" : "")
    }

    /// The model itself, folded under the prose, so a reader can see every assumption.
    static func blockHTML(name: String, source: String, scenario: CompiledScenario) -> String {
        let count = scenario.sourceOrder.count
        let id = "scenario-" + Slug.make(name, fallback: "tag")
        return """
        <details class="scenario" id="\(id)">
        <summary>Model <code>\(HTMLEscaping.escape(name))</code>: \(count) definition\(count == 1 ? "" : "s")</summary>
        <pre tabindex="0"><code class="language-scenario">\(HTMLEscaping.escape(source))</code></pre>
        </details>

        """
    }
}
