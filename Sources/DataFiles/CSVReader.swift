import Diagnostics

/// Reads CSV (RFC 4180: commas, double-quoted fields with `""` for a quote, CRLF or LF) into a
/// table, with every problem located at its line and column in the file. Written by hand rather
/// than taken from a library: the Swift CSV readers available here report no cell positions,
/// and this reader goes over the bytes once without building a string per cell.
public enum CSVReader {
    /// Problems reported per file before the rest are summed up in one line.
    static let maximumProblems = 20

    public static func read(_ bytes: [UInt8], file: SourceFile) -> (DataTable?, [Diagnostic]) {
        var reader = Reader(bytes: bytes, file: file)
        return reader.table()
    }

    private struct Reader {
        let bytes: [UInt8]
        let file: SourceFile
        var diagnostics: [Diagnostic] = []
        var problemCount = 0
        var position = 0
        var line = 1

        init(bytes: [UInt8], file: SourceFile) {
            self.bytes = bytes
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        mutating func report(_ message: String, at offset: Int, length: Int = 1) {
            problemCount += 1
            guard problemCount <= CSVReader.maximumProblems else { return }
            diagnostics.append(.error(message, at: file.location(ofUTF8Offset: offset, length: length)))
        }

        mutating func table() -> (DataTable?, [Diagnostic]) {
            guard let headerCells = row(), headerCells.contains(where: { !$0.bytes.isEmpty }) else {
                diagnostics.append(.error("the file is empty; a CSV file starts with a header row naming its columns",
                                          at: file.location(line: 1, column: 1)))
                return (nil, diagnostics)
            }
            guard headerCells.count <= DataLimits.columns else {
                report("the file has \(headerCells.count) columns; the limit is \(DataLimits.columns)", at: 0)
                return (nil, diagnostics)
            }
            var builders = headerCells.map { ColumnBuilder(header: String(decoding: $0.bytes, as: UTF8.self).trimmingSpaces,
                                                           offset: $0.offset) }
            checkNames(builders, headerCells)
            var rowLines: [Int] = []
            var rows = 0
            while position < bytes.count {
                let startLine = line
                guard let cells = row() else { break }
                if cells.count == 1, cells[0].bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }  // blank line
                rows += 1
                if rows > DataLimits.rows {
                    report("the file has more than \(DataLimits.rows) rows, the limit for a data file", at: cells[0].offset)
                    break
                }
                rowLines.append(startLine)
                guard cells.count == builders.count else {
                    report("this row has \(cells.count) cells; the header names \(builders.count) columns",
                           at: cells[0].offset)
                    continue
                }
                for index in cells.indices {
                    if let (message, offset) = builders[index].add(cells[index].bytes, offset: cells[index].offset) {
                        report(message, at: offset, length: max(1, cells[index].bytes.count))
                    }
                }
            }
            if problemCount > CSVReader.maximumProblems {
                diagnostics.append(.error("\(problemCount - CSVReader.maximumProblems) more problems in this file",
                                          at: .file(file.path)))
            }
            guard diagnostics.isEmpty else { return (nil, diagnostics) }
            let columns = builders.map { $0.column() }
            return (DataTable(file: file, columns: columns, rowCount: rows, rowLines: rowLines), [])
        }

        mutating func checkNames(_ builders: [ColumnBuilder], _ cells: [Cell]) {
            var seen: Set<String> = []
            for (builder, cell) in zip(builders, cells) {
                if builder.header.name.isEmpty {
                    report("a column without a name; every header cell names its column", at: cell.offset)
                } else if !seen.insert(builder.header.name).inserted {
                    report("two columns are named `\(builder.header.name)`", at: cell.offset, length: max(1, cell.bytes.count))
                }
            }
        }

        struct Cell {
            var bytes: ArraySlice<UInt8>
            var offset: Int
        }

        /// The cells of the next record, or nil at the end of the file.
        mutating func row() -> [Cell]? {
            guard position < bytes.count else { return nil }
            var cells: [Cell] = []
            while true {
                let (cell, ended) = field()
                cells.append(cell)
                if ended { return cells }
            }
        }

        /// One field; `ended` when the record ends after it.
        mutating func field() -> (Cell, ended: Bool) {
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") { return quotedField() }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    return (Cell(bytes: bytes[start..<position - 1], offset: start), false)
                }
                if byte == UInt8(ascii: "\n") {
                    position += 1
                    line += 1
                    return (Cell(bytes: bytes[start..<position - 1], offset: start), true)
                }
                position += 1
            }
            return (Cell(bytes: bytes[start..<position], offset: start), true)
        }

        mutating func quotedField() -> (Cell, ended: Bool) {
            let start = position
            position += 1
            var content: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        content.append(byte)
                        position += 1
                        continue
                    }
                    return (Cell(bytes: ArraySlice(content), offset: start + 1), afterQuote(start))
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                content.append(byte)
            }
            report("a quoted cell is never closed; add the closing `\"`", at: start)
            return (Cell(bytes: ArraySlice(content), offset: start + 1), true)
        }

        /// After a closing quote: the end of the field, optionally spaces first.
        mutating func afterQuote(_ start: Int) -> Bool {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0D { position += 1 }
            guard position < bytes.count else { return true }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ",") { return false }
            if byte == UInt8(ascii: "\n") { line += 1; return true }
            report("unexpected text after a quoted cell; a quote inside a cell is written `\"\"`", at: position - 1)
            while position < bytes.count, bytes[position] != UInt8(ascii: ","), bytes[position] != UInt8(ascii: "\n") {
                position += 1
            }
            return afterQuote(start)
        }
    }
}
