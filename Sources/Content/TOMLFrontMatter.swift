import Diagnostics
import Foundation
import TOMLKit

/// Hugo's TOML front matter, between `+++` lines. TOMLKit (toml++) parses it, with its syntax
/// errors located in the essay; the values are then written out as YAML with each top-level
/// key on the line it has in the TOML (a table on its `[name]` line), so the YAML reader checks
/// them and its messages point at the essay's own lines.
enum TOMLFrontMatter {
    /// `+++\n … \n+++\n` at the very start: the TOML, the body and the body's first line.
    static func split(_ text: String) -> (Substring, Substring, Int)? {
        FrontMatterParser.delimited(text, by: "+++", closedBy: ["+++"])
    }

    /// The TOML as YAML whose lines match the TOML's, or the TOML's syntax error (located with
    /// `firstLine`, the file line the TOML starts on).
    static func yaml(_ toml: Substring, file: SourceFile, firstLine: Int) -> Result<String, Diagnostic> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(toml))
        } catch let error as TOMLParseError {
            let line = firstLine + Swift.max(1, error.source.begin.line) - 1
            return .failure(.error("TOML: " + error.description,
                                   at: file.location(line: line, column: Swift.max(1, error.source.begin.column))))
        } catch {
            return .failure(.error("TOML: \(error)", at: file.location(line: firstLine, column: 1)))
        }
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false)
        var out = [String](repeating: "", count: lines.count)
        var extra: [String] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            var entry = yamlKey(key) + ":"
            if let line = Self.line(of: key, isTable: value.type == .table || isArrayOfTables(value), in: lines) {
                // The value where the TOML has it, so that a message's column points at it.
                let column = valueColumn(lines[line]) ?? entry.count + 1
                entry += String(repeating: " ", count: Swift.max(1, column - 1 - entry.count)) + flow(value, depth: 0)
                out[line] = entry
            } else {
                entry += " " + flow(value, depth: 0)
                extra.append(entry)
            }
        }
        return .success((out + extra).joined(separator: "\n") + "\n")
    }

    private static func isArrayOfTables(_ value: TOMLValueConvertible) -> Bool {
        guard let array = value.array, let first = array.first else { return false }
        return first.type == .table
    }

    /// The 0-based line of `key = …` before any table header, or of `[key]` / `[[key]]`.
    private static func line(of key: String, isTable: Bool, in lines: [Substring]) -> Int? {
        var inTable = false
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \r"))
                let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if isTable, bare == key || name.hasPrefix(key + ".") { return index }
                inTable = true
                continue
            }
            guard !inTable, !isTable || line.contains("{") else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(written) {
                let rest = line.dropFirst(written.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return index }
            }
        }
        return nil
    }

    /// A bare key as it is (`date`), any other quoted.
    static func yamlKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        return bare ? key : quoted(key)
    }

    /// The 0-based column of the first character after `=` and its spaces, plus one.
    private static func valueColumn(_ line: Substring) -> Int? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        let start = line[line.index(after: equals)...].firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
        return line.distance(from: line.startIndex, to: start) + 1
    }

    /// A value in YAML's flow style: strings double-quoted with JSON's escapes, dates as text.
    static func flow(_ value: TOMLValueConvertible, depth: Int) -> String {
        guard depth < 32 else { return "null" }
        switch value.type {
        case .string: return quoted(value.string ?? "")
        case .int: return String(value.int ?? 0)
        case .double:
            let number = value.double ?? 0
            return number.isFinite ? String(number) : quoted(String(number))
        case .bool: return (value.bool ?? false) ? "true" : "false"
        case .date:
            guard let date = value.date else { return "null" }
            return quoted(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
        case .time:
            guard let time = value.time else { return "null" }
            return quoted(String(format: "%02d:%02d:%02d", time.hour, time.minute, time.second))
        case .dateTime:
            guard let moment = value.dateTime else { return "null" }
            var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", moment.date.year, moment.date.month,
                              moment.date.day, moment.time.hour, moment.time.minute, moment.time.second)
            if let offset = moment.offset?.offset {
                text += offset == 0 ? "Z" : String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 60,
                                                    abs(offset) % 60)
            }
            return quoted(text)
        case .array:
            guard let array = value.array else { return "[]" }
            return "[" + array.map { flow($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .table:
            guard let table = value.table else { return "{}" }
            return "{" + table.keys.compactMap { key in
                table[key].map { quoted(key) + ": " + flow($0, depth: depth + 1) }
            }.joined(separator: ", ") + "}"
        }
    }

    /// JSON's string form, which YAML reads as a double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
