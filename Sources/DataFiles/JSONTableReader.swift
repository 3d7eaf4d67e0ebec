import Diagnostics

/// Reads a JSON file as a table: an array of objects (one per row), found at the top or at a
/// key path (`json("bench.json", "results")`, `"run.results"`). In a path, a number picks an
/// element of an array (`"runs.0.results"`) and `*` takes every element, their rows joined
/// (`"runs.*.results"`). Nested objects become dotted columns (`parameters.level`, read as
/// `parameters_level`), an array of numbers becomes a column of measurements, `null` an empty
/// cell, `true`/`false` text. A JSON Lines file (`.jsonl`) is one object per line.
/// Columns are the keys in the order they first appear; every row must have every key.
public enum JSONTableReader {
    public static func read(_ bytes: [UInt8], file: SourceFile, keyPath: String?,
                            lines: Bool = false) -> (DataTable?, [Diagnostic]) {
        // JSON Lines is read as one array: `[` before, `]` after, each record's newline a comma.
        // Every byte keeps its place, shifted by the one `[`.
        let (text, shift) = lines ? (arrayOfLines(bytes), 1) : (bytes, 0)
        let located = Located(file: file, shift: shift)
        let root: JSONParser.Node
        switch JSONParser.parse(text) {
        case .success(let parsed): root = parsed
        case .failure(let failure):
            return (nil, [located.error((lines ? "a line is not JSON: " : "JSON does not parse: ") + failure.message,
                                        failure.offset)])
        }
        switch rows(at: keyPath ?? "", in: root, located: located) {
        case .failure(let problem): return (nil, [problem])
        case .success(let rows): return table(rows, located: located)
        }
    }

    /// Offsets in the parsed text, as locations in the file.
    struct Located {
        let file: SourceFile
        let shift: Int

        func location(_ offset: Int, length: Int = 1) -> SourceLocation {
            file.location(ofUTF8Offset: Swift.max(0, offset - shift), length: length)
        }

        func error(_ message: String, _ offset: Int, length: Int = 1, notes: [Diagnostic.Note] = []) -> Diagnostic {
            .error(message, at: location(offset, length: length), notes: notes)
        }
    }

    /// `{"a":1}\n{"a":2}\n` → `[{"a":1},{"a":2}]` byte for byte but the brackets.
    static func arrayOfLines(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0x20, count: bytes.count + 2)
        out[0] = UInt8(ascii: "[")
        var lastNewline: Int?     // after the last record seen
        var inRecord = false
        var records = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                if inRecord { lastNewline = index }
                inRecord = false
                continue
            }
            if !inRecord, byte != 0x20, byte != 0x09, byte != 0x0D {
                if records > 0, let newline = lastNewline { out[newline + 1] = UInt8(ascii: ",") }
                records += 1
                inRecord = true
            }
            out[index + 1] = byte
        }
        out[bytes.count + 1] = UInt8(ascii: "]")
        return out
    }

    /// The rows a key path reaches: an array of objects, one object (a table of one row), or
    /// with `*` the rows of every element, in order.
    static func rows(at keyPath: String, in root: JSONParser.Node,
                     located: Located) -> Result<[JSONParser.Node], Diagnostic> {
        var nodes = [root]
        var walked: [String] = []
        for segment in keyPath.split(separator: ".", omittingEmptySubsequences: true).map(String.init) {
            var next: [JSONParser.Node] = []
            for node in nodes {
                switch (node.value, segment) {
                case (.array(let items), "*"):
                    next += items
                case (.array(let items), _) where Int(segment) != nil:
                    guard let index = Int(segment), items.indices.contains(index) else {
                        return .failure(located.error("the array at `\(walked.joined(separator: "."))` has "
                                                      + "\(items.count) elements; there is no element \(segment)",
                                                      node.offset))
                    }
                    next.append(items[index])
                case (.object(let members), _) where segment != "*":
                    guard let member = members.first(where: { $0.key == segment }) else {
                        let keys = members.map(\.key)
                        let hint = Suggestion.closest(to: segment, in: keys).map { "did you mean `\($0)`?" }
                            ?? (keys.isEmpty ? "the object is empty"
                                : "keys here: " + keys.prefix(12).map { "`\($0)`" }.joined(separator: ", "))
                        return .failure(located.error("there is no key `\(segment)` here (key path `\(keyPath)`)",
                                                      node.offset, notes: [.init(hint)]))
                    }
                    next.append(member.value)
                default:
                    let what = segment == "*" ? "`*` takes every element of an array" : "`\(segment)` is a key"
                    return .failure(located.error("the key path `\(keyPath)` reaches \(describe(node.value)) at "
                                                  + "`\(segment)`: \(what)", node.offset))
                }
            }
            walked.append(segment)
            nodes = next
        }
        var rows: [JSONParser.Node] = []
        for node in nodes {
            switch node.value {
            case .array(let items): rows += items
            case .object: rows.append(node)
            default:
                return .failure(located.error("expected an array of objects, one per row"
                                              + (keyPath.isEmpty ? "; name the key that holds it: "
                                                 + "json(\"file.json\", \"results\")" : ""), node.offset))
            }
        }
        return .success(rows)
    }

    static func describe(_ value: JSONParser.Value) -> String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }

    /// A row's cells by dotted key: nested objects flattened, depth-first, in order.
    static func cells(of row: [(key: String, keyOffset: Int, value: JSONParser.Node)],
                      prefix: String = "") -> [(key: String, keyOffset: Int, value: JSONParser.Node)] {
        var result: [(key: String, keyOffset: Int, value: JSONParser.Node)] = []
        var pending = [(prefix, row[...])]
        // Iterative (parents before children, keys in order), so depth costs no stack.
        while var (path, members) = pending.popLast() {
            while let member = members.popFirst() {
                let key = path + member.key
                if case .object(let inner) = member.value.value, !inner.isEmpty {
                    pending.append((path, members))
                    pending.append((key + ".", inner[...]))
                    break
                }
                if case .object = member.value.value { continue }   // `{}`: nothing to read
                result.append((key, member.keyOffset, member.value))
            }
        }
        return result
    }

    private static func table(_ rows: [JSONParser.Node], located: Located) -> (DataTable?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, _ offset: Int, length: Int = 1) {
            if diagnostics.count < CSVReader.maximumProblems {
                diagnostics.append(located.error(message, offset, length: length))
            }
        }
        guard rows.count <= DataLimits.rows else {
            report("the array has \(rows.count) rows; the limit for a data file is \(DataLimits.rows)", rows[0].offset)
            return (nil, diagnostics)
        }
        var builders: [ColumnBuilder] = []
        var index: [String: Int] = [:]
        var rowCells: [[(key: String, keyOffset: Int, value: JSONParser.Node)]] = []
        rowCells.reserveCapacity(rows.count)
        for row in rows {
            guard case .object(let members) = row.value else {
                report("each row must be an object", row.offset)
                rowCells.append([])
                continue
            }
            let cells = cells(of: members)
            rowCells.append(cells)
            for cell in cells where index[cell.key] == nil {
                // The CSV reader's limit, and its located error: no key is dropped without a word.
                guard builders.count < DataLimits.columns else {
                    report("`\(cell.key)` would be column \(builders.count + 1); the limit is \(DataLimits.columns) "
                           + "columns", cell.keyOffset, length: cell.key.utf8.count + 2)
                    return (nil, diagnostics)
                }
                index[cell.key] = builders.count
                builders.append(ColumnBuilder(header: cell.key, offset: Swift.max(0, cell.keyOffset + 1 - located.shift)))
            }
        }
        for (row, cells) in zip(rows, rowCells) {
            guard case .object = row.value else { continue }
            var seen = Set<String>()
            for cell in cells {
                guard let column = index[cell.key], seen.insert(cell.key).inserted else { continue }
                if let problem = add(cell.value, to: &builders[column], key: cell.key) {
                    report(problem, cell.value.offset, length: cell.value.end - cell.value.offset)
                }
            }
            for builder in builders where !seen.contains(builder.headerText) {
                report("this row has no `\(builder.headerText)`; every row needs every column", row.offset)
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let lines = lineNumbers(at: rows.map { Swift.max(0, $0.offset - located.shift) }, in: located.file)
        return (DataTable(file: located.file, columns: builders.map { $0.column() }, rowCount: rows.count,
                          rowLines: lines), [])
    }

    /// One cell into its column; the problem's message when it does not fit.
    private static func add(_ node: JSONParser.Node, to builder: inout ColumnBuilder, key: String) -> String? {
        switch node.value {
        case .number(let raw): return builder.add(Array(raw), offset: node.offset)?.0
        case .string(let text): return builder.add(Array(text.utf8), offset: node.offset)?.0
        case .bool(let flag): return builder.add(Array((flag ? "true" : "false").utf8), offset: node.offset)?.0
        case .null: return builder.add([], offset: node.offset)?.0
        case .array(let items):
            var numbers: [Double] = []
            numbers.reserveCapacity(items.count)
            for item in items {
                guard case .number(let raw) = item.value, let number = Array(raw).withUnsafeBufferPointer(CellParsing.number)
                else { return "`\(key)` holds a list that is not of numbers; only a list of numbers is a column" }
                numbers.append(number)
            }
            return builder.addSamples(numbers, offset: node.offset)?.0
        case .object:
            return "`\(key)` holds an object where other rows have a value"
        }
    }

    /// The line of each offset (ascending), in one pass over the text.
    static func lineNumbers(at offsets: [Int], in file: SourceFile) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(offsets.count)
        var text = file.text
        text.withUTF8 { bytes in
            var line = 1
            var position = 0
            for offset in offsets {
                let stop = Swift.min(offset, bytes.count)
                while position < stop {
                    if bytes[position] == 0x0A { line += 1 }
                    position += 1
                }
                result.append(line)
            }
        }
        return result
    }
}
