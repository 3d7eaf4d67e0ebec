import Diagnostics

/// Reads CSV (RFC 4180: commas, double-quoted fields with `""` for a quote, CRLF or LF) into a
/// table, with every problem located at its line and column in the file. Written by hand rather
/// than taken from a library: the Swift CSV readers available here report no cell positions,
/// and this reader goes over the bytes once without building a string per cell.
public enum CSVReader {
    /// Problems reported per file before the rest are summed up in one line.
    static let maximumProblems = 20

    public static func read(_ bytes: [UInt8], file: SourceFile) -> (DataTable?, [Diagnostic]) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, file: file)
            return reader.table()
        }
    }

    /// Reads over the file's bytes in place: a cell is a range of them, and only a quoted cell
    /// holding a doubled quote (`""`) is copied, into a buffer reused from row to row.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: SourceFile
        var diagnostics: [Diagnostic] = []
        var problemCount = 0
        var position = 0
        var line = 1
        /// The current record's cells, reused for every record.
        var cells: [Cell] = []
        /// Unescaped content of the current record's quoted cells that held `""`.
        var unescaped: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, file: SourceFile) {
            self.bytes = bytes
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        mutating func report(_ message: String, at offset: Int, length: Int = 1) {
            problemCount += 1
            guard problemCount <= CSVReader.maximumProblems else { return }
            diagnostics.append(.error(message, at: file.location(ofUTF8Offset: offset, length: length)))
        }

        /// A cell: a range of the file's bytes, or of `unescaped`; `offset` locates it in the file.
        struct Cell {
            var range: Range<Int>
            var offset: Int
            var isUnescaped = false
        }

        /// Calls `body` with the bytes of the current record's cell.
        func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let cell = cells[index]
            guard cell.isUnescaped else { return body(UnsafeBufferPointer(rebasing: bytes[cell.range])) }
            return unescaped.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[cell.range])) }
        }

        func cellText(_ index: Int) -> String { withCell(index) { String(decoding: $0, as: UTF8.self) } }

        mutating func table() -> (DataTable?, [Diagnostic]) {
            guard nextRecord(), cells.indices.contains(where: { !cells[$0].range.isEmpty }) else {
                diagnostics.append(.error("the file is empty; a CSV file starts with a header row naming its columns",
                                          at: file.location(line: 1, column: 1)))
                return (nil, diagnostics)
            }
            guard cells.count <= DataLimits.columns else {
                report("the file has \(cells.count) columns; the limit is \(DataLimits.columns)", at: 0)
                return (nil, diagnostics)
            }
            var builders = cells.indices.map { ColumnBuilder(header: cellText($0).trimmingSpaces, offset: cells[$0].offset) }
            checkNames(builders)
            var rowLines: [Int] = []
            var rows = 0
            while position < bytes.count {
                let startLine = line
                guard nextRecord() else { break }
                if cells.count == 1, withCell(0, { $0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }) { continue }  // blank line
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
                    let offset = cells[index].offset
                    if let (message, at) = withCell(index, { builders[index].add($0, offset: offset) }) {
                        report(message, at: at, length: max(1, cells[index].range.count))
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

        mutating func checkNames(_ builders: [ColumnBuilder]) {
            var seen: Set<String> = []
            for (index, builder) in builders.enumerated() {
                if builder.header.name.isEmpty {
                    report("a column without a name; every header cell names its column", at: cells[index].offset)
                } else if !seen.insert(builder.header.name).inserted {
                    report("two columns are named `\(builder.header.name)`", at: cells[index].offset,
                           length: max(1, cells[index].range.count))
                }
            }
        }

        /// Reads the next record into `cells`; false at the end of the file.
        mutating func nextRecord() -> Bool {
            guard position < bytes.count else { return false }
            cells.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
            while true {
                let (cell, ended) = field()
                cells.append(cell)
                if ended { return true }
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
                    return (Cell(range: start..<position - 1, offset: start), false)
                }
                if byte == UInt8(ascii: "\n") {
                    position += 1
                    line += 1
                    return (Cell(range: start..<position - 1, offset: start), true)
                }
                position += 1
            }
            return (Cell(range: start..<position, offset: start), true)
        }

        /// A field in quotes. Its content is the bytes between them, unless it holds a doubled
        /// quote: then it is copied into `unescaped` with each `""` made one `"`.
        mutating func quotedField() -> (Cell, ended: Bool) {
            let start = position
            position += 1
            var copyFrom: Int?          // where `unescaped` took over, when it did
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        if copyFrom == nil {
                            copyFrom = unescaped.count
                            unescaped.append(contentsOf: bytes[start + 1..<position])   // up to and with one quote
                        } else {
                            unescaped.append(byte)
                        }
                        position += 1
                        continue
                    }
                    let cell = copyFrom.map { Cell(range: $0..<unescaped.count, offset: start + 1, isUnescaped: true) }
                        ?? Cell(range: start + 1..<position - 1, offset: start + 1)
                    return (cell, afterQuote(start))
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                if copyFrom != nil { unescaped.append(byte) }
            }
            report("a quoted cell is never closed; add the closing `\"`", at: start)
            let cell = copyFrom.map { Cell(range: $0..<unescaped.count, offset: start + 1, isUnescaped: true) }
                ?? Cell(range: start + 1..<position, offset: start + 1)
            return (cell, true)
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
