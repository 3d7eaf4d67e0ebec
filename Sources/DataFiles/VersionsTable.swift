import Diagnostics

/// `csv("data/weekly.csv", versions: 30)`: a file's committed versions as one table, a row per
/// version, oldest first. `commit` (the short id) is the key, `date` the commit's day (so the
/// versions can make a timeline), `version` counts 1, 2, …; then the file's own columns: a file
/// of several keyed rows gives each column once per row key (`mean` of the row `gzip -6` is the
/// column `mean gzip -6`, read as `past.mean_gzip_6`); any other file gives its last row's
/// columns as they are (a series' newest row). A version without a row or column the others
/// have holds no number there.
public enum VersionsTable {
    public struct Version {
        public var commit: String
        /// Days since 1970 (the commit's date, UTC).
        public var day: Int
        public var table: DataTable

        public init(commit: String, day: Int, table: DataTable) {
            self.commit = commit
            self.day = day
            self.table = table
        }
    }

    public static func make(_ versions: [Version], path: String) -> Result<DataTable, DataLoadError> {
        let listing = SourceFile(path: path, text: versions.map(\.commit).joined(separator: "\n"))
        var columns = [
            column("commit", unit: nil, .text(versions.map(\.commit))),
            column("date", unit: nil, .dates(versions.map(\.day))),
            column("version", unit: nil, .numbers(versions.indices.map { Double($0 + 1) })),
        ]
        var names: [String] = []          // the file's columns, in their first version's order
        var cells: [String: [Double?]] = [:]
        var samples: [String: [[Double]?]] = [:]
        var units: [String: String] = [:]
        for (index, version) in versions.enumerated() {
            let table = version.table
            // Rows by key; a table without one (a series) gives its last row, the newest.
            let keyed = table.rowCount > 1 && !table.keys.isEmpty
            let rows: [(row: Int, key: String?)] = keyed ? table.keys.enumerated().map { ($0.offset, $0.element) }
                : table.rowCount > 0 ? [(table.rowCount - 1, nil)] : []
            for source in table.columns {
                for (row, key) in rows {
                    let name = key.map { source.name + " " + $0 } ?? source.name
                    switch source.content {
                    case .numbers(let values):
                        if cells[name] == nil { names.append(name); cells[name] = Array(repeating: nil, count: versions.count) }
                        cells[name]![index] = values[row]
                    case .samples(let rows):
                        if samples[name] == nil { names.append(name); samples[name] = Array(repeating: nil, count: versions.count) }
                        samples[name]![index] = rows[row]
                    case .text, .dates: continue
                    }
                    if let unit = source.unit { units[name] = unit }
                }
            }
        }
        for name in names {
            if let values = cells[name] {
                columns.append(column(name, unit: units[name], .numbers(values.map { $0 ?? .nan })))
            } else if let rows = samples[name] {
                columns.append(column(name, unit: units[name], .samples(rows.map { $0 ?? [] })))
            }
        }
        guard columns.count <= DataLimits.columns else {
            return .failure(DataLoadError(message: "its versions make \(columns.count) columns; the limit is "
                                          + "\(DataLimits.columns) (a column per row key and column)"))
        }
        var table = DataTable(file: listing, columns: columns, rowCount: versions.count,
                              rowLines: versions.indices.map { $0 + 1 })
        table.keyColumn = 0
        return .success(table)
    }

    private static func column(_ name: String, unit: String?, _ content: DataColumn.Content) -> DataColumn {
        let header = unit.map { "\(name) (\($0))" } ?? name
        return DataColumn(name: DataHeader.identifier(name), header: header, unit: unit,
                          unitSpan: unit.map { _ in 0..<1 }, headerSpan: 0..<1, content: content)
    }
}
