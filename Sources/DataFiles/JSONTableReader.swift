import Diagnostics

/// Reads a JSON file as a table: an array of flat objects (one per row), found at the top or at
/// a key path (`json("bench.json", "results")`, `"run.results"`). Columns are the keys in the
/// order they first appear; every row must have every key.
public enum JSONTableReader {
    public static func read(_ bytes: [UInt8], file: SourceFile, keyPath: String?) -> (DataTable?, [Diagnostic]) {
        func error(_ message: String, _ offset: Int, length: Int = 1) -> (DataTable?, [Diagnostic]) {
            (nil, [.error(message, at: file.location(ofUTF8Offset: offset, length: length))])
        }
        var node: JSONParser.Node
        switch JSONParser.parse(bytes) {
        case .success(let parsed): node = parsed
        case .failure(let failure): return error("JSON does not parse: \(failure.message)", failure.offset)
        }
        for key in (keyPath ?? "").split(separator: ".", omittingEmptySubsequences: true).map(String.init) {
            guard case .object(let members) = node.value else {
                return error("the key path `\(keyPath!)` reaches a value that is not an object before `\(key)`", node.offset)
            }
            guard let member = members.first(where: { $0.key == key }) else {
                let keys = members.map { "`\($0.key)`" }.joined(separator: ", ")
                return (nil, [.error("there is no key `\(key)` here (key path `\(keyPath!)`)",
                                     at: file.location(ofUTF8Offset: node.offset),
                                     notes: [.init(keys.isEmpty ? "the object is empty" : "keys here: \(keys)")])])
            }
            node = member.value
        }
        guard case .array(let rows) = node.value else {
            return error("expected an array of objects, one per row"
                         + (keyPath == nil ? "; name the key that holds it: json(\"file.json\", \"results\")" : ""), node.offset)
        }
        return table(rows, file: file)
    }

    private static func table(_ rows: [JSONParser.Node], file: SourceFile) -> (DataTable?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, _ offset: Int, length: Int = 1) {
            if diagnostics.count < CSVReader.maximumProblems {
                diagnostics.append(.error(message, at: file.location(ofUTF8Offset: offset, length: length)))
            }
        }
        guard rows.count <= DataLimits.rows else {
            report("the array has \(rows.count) rows; the limit for a data file is \(DataLimits.rows)", rows[0].offset)
            return (nil, diagnostics)
        }
        var builders: [ColumnBuilder] = []
        var index: [String: Int] = [:]
        for row in rows {
            guard case .object(let members) = row.value else { report("each row must be an object", row.offset); continue }
            for member in members where index[member.key] == nil {
                // The CSV reader's limit, and its located error: no key is dropped without a word.
                guard builders.count < DataLimits.columns else {
                    report("`\(member.key)` would be column \(builders.count + 1); "
                           + "the limit is \(DataLimits.columns) columns", member.keyOffset, length: member.key.utf8.count + 2)
                    return (nil, diagnostics)
                }
                index[member.key] = builders.count
                builders.append(ColumnBuilder(header: member.key, offset: member.keyOffset + 1))
            }
        }
        for row in rows {
            guard case .object(let members) = row.value else { continue }
            var seen = Set<String>()
            for member in members {
                guard let column = index[member.key], seen.insert(member.key).inserted else { continue }
                let cell: [UInt8]
                switch member.value.value {
                case .number(let raw): cell = Array(raw)
                case .string(let text): cell = Array(text.utf8)
                default:
                    report("`\(member.key)` holds a value that is not a number, a date or text", member.value.offset)
                    continue
                }
                if let (message, _) = builders[column].add(cell, offset: member.value.offset) {
                    report(message, member.value.offset, length: member.value.end - member.value.offset)
                }
            }
            for builder in builders where !seen.contains(builder.headerText) {
                let key = builder.headerText
                report("this row has no `\(key)`; every row needs every column", row.offset)
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let lines = lineNumbers(at: rows.map(\.offset), in: file)
        return (DataTable(file: file, columns: builders.map { $0.column() }, rowCount: rows.count, rowLines: lines), [])
    }

    /// The line of each offset (ascending), in one pass over the text.
    static func lineNumbers(at offsets: [Int], in file: SourceFile) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var position = 0
        var utf8 = file.text.utf8.makeIterator()
        for offset in offsets {
            while position < offset, let byte = utf8.next() {
                if byte == 0x0A { line += 1 }
                position += 1
            }
            result.append(line)
        }
        return result
    }
}
