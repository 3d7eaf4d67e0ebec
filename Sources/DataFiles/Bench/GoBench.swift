import Diagnostics

/// `go test -bench` output as the tool prints it: a line per run,
/// `BenchmarkName-8   1000000   1234 ns/op   512 B/op   3 allocs/op`. With `-count N` a
/// benchmark has N lines: its runs. The `-8` (GOMAXPROCS) is dropped from the name;
/// sub-benchmark parts written `key=value` (`BenchmarkSort/size=100`) are parameters. Other
/// lines (`goos:`, `PASS`, `ok …`) are skipped.
enum GoBench {
    static func looksLikeGoBench(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes.prefix(1 << 20), as: UTF8.self).split(separator: "\n").contains { line in
            line.hasPrefix("Benchmark") && line.contains(" ns/op")
        }
    }

    static func read(_ bytes: [UInt8], file: SourceFile) -> Result<BenchTable, Diagnostic> {
        var records: [BenchRecord] = []
        var index: [String: Int] = [:]
        var offset = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { offset += line.count + 1 }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("Benchmark") else { continue }
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count >= 4, fields.count % 2 == 0, Double(fields[1]) != nil else {
                if fields.count == 1 { continue }   // `BenchmarkX` alone: its result follows on the next line
                return .failure(.error("expected `BenchmarkName  iterations  value unit …`",
                                       at: file.location(ofUTF8Offset: offset, length: max(1, line.count))))
            }
            let name = trimmedName(String(fields[0]))
            let position = index[name] ?? {
                index[name] = records.count
                records.append(record(name, offset))
                return records.count - 1
            }()
            var hasTime = false
            for pair in stride(from: 2, to: fields.count, by: 2) {
                guard let value = Double(fields[pair]) else {
                    return .failure(.error("\"\(fields[pair])\" is not a number",
                                           at: file.location(ofUTF8Offset: offset, length: max(1, line.count))))
                }
                switch fields[pair + 1] {
                case "ns/op": records[position].runs.append(value); hasTime = true
                case "B/op": add(&records[position], "bytes_per_op", value, "B")
                case "allocs/op": add(&records[position], "allocs_per_op", value, nil)
                case "MB/s": add(&records[position], "mb_per_s", value, "MB/s")
                default: add(&records[position], DataHeader.identifier(String(fields[pair + 1])), value, nil)
                }
            }
            add(&records[position], "iterations", Double(fields[1]) ?? 0, nil)
            if !hasTime {
                return .failure(.error("this benchmark line has no `ns/op`",
                                       at: file.location(ofUTF8Offset: offset, length: max(1, line.count))))
            }
        }
        // A figure over several runs (`-count`) is their mean.
        for position in records.indices {
            let count = Double(max(1, records[position].runs.count))
            records[position].figures = records[position].figures.map { ($0.name, $0.value / count, $0.unit) }
        }
        return .success(BenchTable(records: records, timeUnit: "ns"))
    }

    /// `BenchmarkSort/size=100-8` → `BenchmarkSort/size=100`.
    static func trimmedName(_ name: String) -> String {
        guard let dash = name.lastIndex(of: "-"), !name[name.index(after: dash)...].isEmpty,
              name[name.index(after: dash)...].allSatisfy(\.isNumber) else { return name }
        return String(name[..<dash])
    }

    private static func record(_ name: String, _ offset: Int) -> BenchRecord {
        var record = BenchRecord(name: name, offset: offset)
        for part in name.split(separator: "/").dropFirst() {
            if let equals = part.firstIndex(of: "=") {
                record.parameters.append((String(part[..<equals]), String(part[part.index(after: equals)...])))
            }
        }
        return record
    }

    private static func add(_ record: inout BenchRecord, _ name: String, _ value: Double, _ unit: String?) {
        if let index = record.figures.firstIndex(where: { $0.name == name }) {
            record.figures[index].value += value
        } else {
            record.figures.append((name, value, unit))
        }
    }
}
