import Diagnostics
import Runtime

/// Renders costmark's figure blocks (`chart`, `table`, `sweep`, `tornado`) from a page's evaluated scenarios.
public enum FigureBlocks {
    public static let kinds: Set<String> = ["chart", "table", "sweep", "tornado"]

    public struct Output: Sendable {
        public var html: String?
        /// Definitions that got a row in an equation table, so prose values can link to them.
        public var rows: [String]
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - scenario: the scenario named after the block kind (```` ```chart growth ````), if any.
    ///   - firstLine: the essay line of the block's first body line.
    ///   - id: a stable id for the figure, unique on the page.
    public static func render(kind: String, scenario: String?, body: String, file: SourceFile, firstLine: Int,
                              page: PageScenarios, id: String) -> Output {
        var diagnostics: [Diagnostic] = []
        guard var spec = BlockSpec(body: body.isEmpty ? "{}" : body, file: file, firstLine: firstLine, diagnostics: &diagnostics) else {
            return Output(html: nil, rows: [], diagnostics: diagnostics)
        }
        var html: String?
        var rows: [String] = []
        switch kind {
        case "chart":
            if let data = ChartBlock.data(spec: &spec, page: page, scenario: scenario) {
                html = ChartRenderer(data: data, id: id).html()
            }
        case "table":
            if let (table, shown) = EquationTable.render(spec: &spec, page: page, scenario: scenario) {
                html = table
                rows = shown
            }
        case "tornado":
            html = TornadoBlock.render(spec: &spec, page: page, scenario: scenario, id: id)
        default:
            html = SweepBlock.render(spec: &spec, page: page, scenario: scenario, id: id)
        }
        diagnostics += spec.diagnostics
        return Output(html: diagnostics.isEmpty ? html : nil, rows: rows, diagnostics: diagnostics)
    }

    /// The anchor of a definition's row in an equation table.
    public static func rowID(scenario: String, name: String) -> String {
        EquationTable.rowID(scenario: scenario, name: name)
    }
}
