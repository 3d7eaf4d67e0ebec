/// How a table column's cells are aligned, from the colons of its delimiter cell.
enum ColumnAlignment: Sendable {
    case none, left, center, right

    /// The `style` attribute for the column's cells ("" when unaligned).
    var styleAttribute: String {
        switch self {
        case .none: return ""
        case .left: return " style=\"text-align: left\""
        case .center: return " style=\"text-align: center\""
        case .right: return " style=\"text-align: right\""
        }
    }
}

/// The line-level syntax of GFM pipe tables: splitting a row into cells and reading a delimiter
/// row. Works on bytes, since rows are cut at ASCII pipes and most lines are rejected at once.
enum PipeTableSyntax {
    /// One cell of a row: its text with `\|` turned into `|`, trimmed, and the byte offset in
    /// the row where that text starts (for positions in messages).
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\")

    /// The cells of a row. A leading and a trailing pipe are optional; an escaped pipe (`\|`),
    /// also inside code spans, is text. Other backslash escapes are left to cmark.
    static func cells(_ row: ArraySlice<UInt8>) -> [Cell] {
        var start = row.startIndex
        var end = row.endIndex
        while start < end, row[start] == space || row[start] == tab { start += 1 }
        while end > start, row[end - 1] == space || row[end - 1] == tab { end -= 1 }
        if start < end, row[start] == pipe { start += 1 }
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = start
        var endedWithPipe = false
        var index = start
        while index < end {
            let byte = row[index]
            endedWithPipe = false
            if byte == backslash, index + 1 < end {
                if row[index + 1] == pipe { current.append(pipe) } else { current += [byte, row[index + 1]] }
                index += 2
                continue
            }
            if byte == pipe {
                cells.append(cell(current, startingAt: cellStart - row.startIndex))
                current = []
                cellStart = index + 1
                endedWithPipe = true
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !endedWithPipe, start < end { cells.append(cell(current, startingAt: cellStart - row.startIndex)) }
        return cells
    }

    private static func cell(_ bytes: [UInt8], startingAt offset: Int) -> Cell {
        var from = 0
        var to = bytes.count
        while from < to, bytes[from] == space || bytes[from] == tab { from += 1 }
        while to > from, bytes[to - 1] == space || bytes[to - 1] == tab { to -= 1 }
        return Cell(text: String(decoding: bytes[from..<to], as: UTF8.self), offset: offset + from)
    }

    /// The columns' alignments if `row` is a delimiter row (cells of `-` with optional colons
    /// at either end), else nil.
    static func alignments(_ row: ArraySlice<UInt8>) -> [ColumnAlignment]? {
        // Cheap rejection first: a delimiter row holds only these bytes, and at least one dash.
        var dash = false
        for byte in row {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: ":"), pipe, space, tab: continue
            default: return nil
            }
        }
        guard dash else { return nil }
        var result: [ColumnAlignment] = []
        for cell in cells(row) {
            let text = cell.text.utf8
            let left = text.first == UInt8(ascii: ":")
            let right = text.count > 1 && text.last == UInt8(ascii: ":")
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }

    /// Whether a row holds a pipe that is not escaped.
    static func hasPipe(_ row: ArraySlice<UInt8>) -> Bool {
        var index = row.startIndex
        while index < row.endIndex {
            if row[index] == backslash { index += 2; continue }
            if row[index] == pipe { return true }
            index += 1
        }
        return false
    }
}
