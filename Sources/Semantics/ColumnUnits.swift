import DataFiles
import Diagnostics
import ScenarioSyntax

/// The units a table's headers give (`ms` in `p99 (ms)`), read once per table in the
/// scenario's vocabulary, so neither checking nor evaluating a column parses its header again.
public struct ColumnUnits: Sendable {
    /// By column name; a column whose header gives no unit is absent.
    private var units: [String: Result<ResolvedUnit, HeaderUnitError>] = [:]

    /// The problems of a header's unit, located in the data file.
    public struct HeaderUnitError: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// Reads the unit of every column of numbers that gives one.
    public init(_ table: DataTable, units unitTable: UnitTable) {
        // Columns share units (a benchmark table's eight time columns are all `s`): each unit
        // text that reads is parsed once.
        var read: [String: ResolvedUnit] = [:]
        for column in table.columns {
            switch column.content {
            case .numbers, .samples: break
            case .dates, .text: continue
            }
            if let text = column.unit, let known = read[text] {
                units[column.name] = .success(known)
                continue
            }
            guard let unit = Self.resolve(column, in: table, units: unitTable) else { continue }
            if let text = column.unit, case .success(let resolved) = unit { read[text] = resolved }
            units[column.name] = unit
        }
    }

    /// The column's unit: nil when its header gives none.
    public subscript(column name: String) -> Result<ResolvedUnit, HeaderUnitError>? { units[name] }

    /// A header's unit. The text is parsed on its own first; only a unit that does not read is
    /// parsed again where it stands in the file, for messages at its line and column (finding a
    /// line in a large file means building the file's line table).
    public static func resolve(_ column: DataColumn, in table: DataTable,
                               units: UnitTable) -> Result<ResolvedUnit, HeaderUnitError>? {
        guard let text = column.unit, let span = column.unitSpan else { return nil }
        let (quick, quickProblems) = Parser.parseUnit(SourceFragment(standalone: text, path: table.file.path))
        if quickProblems.isEmpty, let quick, case .success(let resolved) = units.resolve(quick) { return .success(resolved) }
        let location = table.location(of: span)
        let fragment = SourceFragment(text: text, file: table.file, startLine: location.line, startColumn: location.column)
        let (unit, problems) = Parser.parseUnit(fragment)
        guard problems.isEmpty, let unit else { return .failure(HeaderUnitError(diagnostics: problems)) }
        switch units.resolve(unit) {
        case .success(let resolved): return .success(resolved)
        case .failure(let unknown):
            let notes = Suggestion.closest(to: unknown.name, in: units.allNames).map { [Diagnostic.Note("did you mean `\($0)`?")] }
                ?? [.init("declare it in the scenario: `unit \(unknown.name)`")]
            return .failure(HeaderUnitError(diagnostics: [.error("`\(unknown.name)` is not a unit",
                                                                  at: fragment.location(unknown.span), notes: notes)]))
        }
    }
}
