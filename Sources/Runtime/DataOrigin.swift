import DataFiles
import ScenarioSyntax
import Semantics

/// A column of a data file that a number was computed from. A reader who doubts a number in a
/// report can open the file at these lines; `explain` and the value tooltips say it.
public struct DataOrigin: Sendable, Hashable, Comparable {
    /// The file as messages name it (`Content/reports/data/weekly.csv`).
    public var file: String
    public var column: String
    public var rowCount: Int
    /// The lines of the file where the first and the last row start.
    public var firstLine: Int
    public var lastLine: Int
    /// For one row read by its key (`gzip.mean["gzip -6 big.txt"]`): that key.
    public var rowKey: String? = nil

    public static func < (a: DataOrigin, b: DataOrigin) -> Bool {
        (a.file, a.column, a.rowKey ?? "") < (b.file, b.column, b.rowKey ?? "")
    }

    /// `weekly.csv, column p99, rows 1–8 (lines 2–9)`; `bench.json, key ns_per_op, objects 1–3 (line 1)`.
    public var described: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let isJSON = name.lowercased().hasSuffix(".json")
        let row = isJSON ? "object" : "row"
        let rows = rowKey.map { "\(row) \"\($0)\"" } ?? (rowCount == 1 ? "\(row) 1" : "\(row)s 1–\(rowCount)")
        let lines = firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)"
        return "\(name), \(isJSON ? "key" : "column") \(column), \(rows) (\(lines))"
    }
}

extension DataOrigin {
    init?(table: DataTable, column: String) {
        guard table.column(named: column) != nil else { return nil }
        self.init(file: table.file.path, column: column, rowCount: table.rowCount,
                  firstLine: table.rowLines.first ?? 1, lastLine: table.rowLines.last ?? 1)
    }

    /// One row of a column, found by its key.
    init?(table: DataTable, column: String, key: String) {
        guard table.column(named: column) != nil, let row = table.row(forKey: key) else { return nil }
        let line = row < table.rowLines.count ? table.rowLines[row] : 1
        self.init(file: table.file.path, column: column, rowCount: 1, firstLine: line, lastLine: line, rowKey: key)
    }
}
