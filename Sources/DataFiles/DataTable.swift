import Diagnostics

/// A data file read as a table: named columns of equal length, each typed by its content.
/// Scenario blocks read it with `csv("…")` or `json("…")`; every cell keeps enough of its
/// position that an error in the data points at the file's own line and column.
public struct DataTable: Sendable {
    /// The file as the user sees it in messages (`Content/reports/data/weekly.csv`).
    public var file: SourceFile
    public var columns: [DataColumn]
    public var rowCount: Int
    /// The line each row starts on, for messages about a row.
    public var rowLines: [Int]
    /// The column whose text names each row (`gzip.mean["gzip -6 big.txt"]`): the one named by
    /// `key:`, else the first column of text; nil when the table has none.
    public var keyColumn: Int?
    /// How the table was asked for (the path in the content folder, the format, the key path),
    /// so that an earlier version of its file can be read the same way; nil for a query's result.
    public var request: DataRequest?

    public init(file: SourceFile, columns: [DataColumn], rowCount: Int, rowLines: [Int]) {
        self.file = file
        self.columns = columns
        self.rowCount = rowCount
        self.rowLines = rowLines
        self.keyColumn = columns.firstIndex { if case .text = $0.content { return true } else { return false } }
    }

    public func column(named name: String) -> DataColumn? {
        columns.first { $0.name == name }
    }

    /// The keys of the rows, in order; empty when the table has no key column.
    public var keys: [String] {
        guard let keyColumn, case .text(let texts) = columns[keyColumn].content else { return [] }
        return texts
    }

    /// The first row whose key is `key`.
    public func row(forKey key: String) -> Int? {
        keys.firstIndex(of: key)
    }

    /// A byte range of the file as a location for messages (computed only when one is needed:
    /// the line table of a large file is not free).
    public func location(of span: Range<Int>) -> SourceLocation {
        file.location(ofUTF8Offset: span.lowerBound, length: max(1, span.count))
    }

    /// A short name for messages: the file's last path component.
    public var fileName: String { String(file.path.split(separator: "/").last ?? Substring(file.path)) }
}

/// One column: its name as an identifier (`p99` from `p99 (ms)`), the unit its header gives, and
/// its cells.
public struct DataColumn: Sendable {
    public enum Content: Sendable {
        case numbers([Double])
        /// Calendar dates as days since 1970-01-01.
        case dates([Int])
        /// Text may label charts and tables; it cannot be computed with.
        case text([String])
        /// Several numbers per row: a benchmark's measurements (one per run), a JSON array of
        /// numbers. Read one row's as an uncertain value (`gzip.runs["gzip -6 big.txt"]`).
        case samples([[Double]])
    }

    public var name: String
    /// The header as written.
    public var header: String
    /// The unit in the header's parentheses (`ms` in `p99 (ms)`), if any, and its bytes in the file.
    public var unit: String?
    public var unitSpan: Range<Int>?
    /// The header's bytes in the file (a JSON file: the key of the first row holding it).
    public var headerSpan: Range<Int>
    public var content: Content {
        didSet { memo = ColumnMemo() }
    }
    /// Scaled and sorted copies of the numbers, shared by the copies of this column.
    var memo = ColumnMemo()

    public init(name: String, header: String, unit: String?, unitSpan: Range<Int>?, headerSpan: Range<Int>,
                content: Content) {
        self.name = name
        self.header = header
        self.unit = unit
        self.unitSpan = unitSpan
        self.headerSpan = headerSpan
        self.content = content
    }

    public var kindDescription: String {
        switch content {
        case .numbers: return "numbers"
        case .dates: return "dates"
        case .text: return "text"
        case .samples: return "measurements (several numbers per row)"
        }
    }
}

/// What a data file may hold. Beyond anything a report needs; low enough that one file cannot
/// take a build's memory or time. The README lists them.
public enum DataLimits {
    public static let fileBytes = 64 * 1024 * 1024
    public static let rows = 1_000_000
    public static let columns = 256
    /// Nesting of arrays and objects in a JSON file.
    public static let jsonDepth = 64
}
