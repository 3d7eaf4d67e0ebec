import DataFiles
import Diagnostics
import Runtime

/// For a claim that no longer holds: the rows it read that changed since the file's previous
/// committed version (`Content/data/weekly.csv:15: p99 178 → 205 (since 2a9ac3e)`), so the
/// reader sees at once whether the data or the model moved.
enum ClaimRowChanges {
    static let shown = 5

    static func notes(_ reads: [(origin: DataOrigin, table: DataTable)], data: DataSource) -> [Diagnostic.Note] {
        var notes: [Diagnostic.Note] = []
        var hidden = 0
        var previous: [String: (table: DataTable, commit: String)?] = [:]
        for (origin, table) in reads {
            if previous[table.file.path] == nil { previous[table.file.path] = .some(data.previousVersion(of: table)) }
            guard let earlier = previous[table.file.path] ?? nil,
                  let now = table.column(named: origin.column) else { continue }
            let before = earlier.table.column(named: origin.column)
            for row in rows(of: origin, in: table) {
                let was = before.flatMap { column in matching(row, of: table, in: earlier.table).map { cell(column, $0) } }
                let current = cell(now, row)
                guard was != current else { continue }
                guard notes.count < shown else { hidden += 1; continue }
                let line = row < table.rowLines.count ? table.rowLines[row] : 1
                notes.append(.init("\(table.file.path):\(line): \(origin.column) \(was ?? "(no such row)") → \(current) "
                                   + "(since \(earlier.commit))"))
            }
        }
        if hidden > 0 { notes.append(.init("and \(hidden) more changed row\(hidden == 1 ? "" : "s")")) }
        return notes
    }

    /// The rows an origin covers: its keyed row, or every row.
    private static func rows(of origin: DataOrigin, in table: DataTable) -> [Int] {
        if let key = origin.rowKey { return table.row(forKey: key).map { [$0] } ?? [] }
        return Array(0..<table.rowCount)
    }

    /// The same row in the earlier table: by key when the table has one, else by position.
    private static func matching(_ row: Int, of table: DataTable, in earlier: DataTable) -> Int? {
        let keys = table.keys
        if !keys.isEmpty { return earlier.row(forKey: keys[row]) }
        return row < earlier.rowCount ? row : nil
    }

    private static func cell(_ column: DataColumn, _ row: Int) -> String {
        switch column.content {
        case .numbers(let values): return row < values.count ? plain(values[row]) : ""
        case .text(let texts): return row < texts.count ? texts[row] : ""
        case .dates(let days): return row < days.count ? CalendarDays.iso(days[row]) : ""
        case .samples(let runs):
            guard row < runs.count else { return "" }
            return "[" + runs[row].prefix(4).map(plain).joined(separator: ", ") + (runs[row].count > 4 ? ", …]" : "]")
        }
    }

    static func plain(_ value: Double) -> String {
        if value.isNaN { return "(empty)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
