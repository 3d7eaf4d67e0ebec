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

    /// Where each line starts, computed once: messages about a large file must not scan it each time.
    private let lineStarts: [Int]

    public init(file: SourceFile, columns: [DataColumn], rowCount: Int, rowLines: [Int]) {
        self.file = file
        self.columns = columns
        self.rowCount = rowCount
        self.rowLines = rowLines
        var starts = [0]
        var offset = 0
        for byte in file.text.utf8 {
            offset += 1
            if byte == 0x0A { starts.append(offset) }
        }
        lineStarts = starts
    }

    public func column(named name: String) -> DataColumn? {
        columns.first { $0.name == name }
    }

    /// A byte range of the file as a location for messages (computed only when one is needed:
    /// the line table of a large file is not free).
    public func location(of span: Range<Int>) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= span.lowerBound { low = middle } else { high = middle - 1 }
        }
        let utf8 = file.text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let target = utf8.index(utf8.startIndex, offsetBy: min(span.lowerBound, utf8.count))
        let lineEnd = low + 1 < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[low + 1]) : utf8.endIndex
        var lineText = file.text[lineStart..<lineEnd]
        while let last = lineText.last, last == "\n" || last == "\r" || last == "\r\n" { lineText.removeLast() }
        let column = file.text[lineStart..<target].count + 1
        return SourceLocation(file: file.path, line: low + 1, column: column, length: max(1, span.count),
                              lineText: String(lineText))
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
    }

    public var name: String
    /// The header as written.
    public var header: String
    /// The unit in the header's parentheses (`ms` in `p99 (ms)`), if any, and its bytes in the file.
    public var unit: String?
    public var unitSpan: Range<Int>?
    /// The header's bytes in the file (a JSON file: the key of the first row holding it).
    public var headerSpan: Range<Int>
    public var content: Content

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
