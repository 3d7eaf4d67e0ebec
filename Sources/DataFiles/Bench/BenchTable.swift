import Diagnostics

/// One benchmark as an adapter read it, in the unit its tool reports times in.
struct BenchRecord {
    var name: String
    /// Where the record starts in the file, for its row's line.
    var offset: Int
    /// Every measurement, in `BenchTable.timeUnit`; empty when the tool kept only aggregates.
    var runs: [Double] = []
    /// `mean`, `median`, `min`, `max`, `stddev` as the tool gives them (in the time unit);
    /// those it leaves out are computed from `runs`.
    var statistics: [String: Double] = [:]
    /// The tool's other figures: name, value, unit (nil for a plain count).
    var figures: [(name: String, value: Double, unit: String?)] = []
    /// Parameters as text (a number stays a number when every row's is one).
    var parameters: [(name: String, value: String)] = []
}

/// The records of one file, made into the table every benchmark format shares.
struct BenchTable {
    var records: [BenchRecord]
    /// The unit of every time: `s` (hyperfine, pytest-benchmark), `ns` (Google Benchmark, Go).
    var timeUnit: String

    static let statisticNames = ["mean", "median", "min", "max", "stddev"]

    func make(file: SourceFile) -> (DataTable?, [Diagnostic]) {
        guard !records.isEmpty else {
            return (nil, [.error("this benchmark file holds no benchmarks", at: file.location(ofUTF8Offset: 0))])
        }
        guard records.count <= DataLimits.rows else {
            return (nil, [.error("\(records.count) benchmarks; the limit for a data file is \(DataLimits.rows) rows",
                                 at: file.location(ofUTF8Offset: 0))])
        }
        var columns = [column("name", unit: nil, .text(records.map(\.name)))]
        for statistic in Self.statisticNames {
            let values = records.map { $0.statistics[statistic] ?? Self.computed(statistic, $0.runs) }
            guard values.allSatisfy({ $0?.isFinite == true }) else { continue }
            columns.append(column(statistic, unit: timeUnit, .numbers(values.map { $0! })))
        }
        var figureNames: [(String, String?)] = []
        for record in records {
            for figure in record.figures where !figureNames.contains(where: { $0.0 == figure.name }) {
                figureNames.append((figure.name, figure.unit))
            }
        }
        for (name, unit) in figureNames {
            let values = records.map { $0.figures.first { $0.name == name }?.value }
            guard values.allSatisfy({ $0?.isFinite == true }) else { continue }
            columns.append(column(name, unit: unit, .numbers(values.map { $0! })))
        }
        var parameterNames: [String] = []
        for record in records {
            for parameter in record.parameters where !parameterNames.contains(parameter.name) {
                parameterNames.append(parameter.name)
            }
        }
        // A parameter whose every given value is a number is a column of numbers; a benchmark
        // without it (`BM_concat` beside `BM_sort/64`) has no number there (NaN, refused if read).
        for name in parameterNames {
            let given = records.map { $0.parameters.first { $0.name == name }?.value }
            let numbers = given.map { $0.flatMap { text in Array(text.utf8).withUnsafeBufferPointer(CellParsing.number) } }
            let numeric = zip(given, numbers).allSatisfy { $0 == nil || $1 != nil }
            columns.append(column(name, unit: nil, numeric ? .numbers(numbers.map { $0 ?? .nan })
                                                           : .text(given.map { $0 ?? "" })))
        }
        if records.contains(where: { !$0.runs.isEmpty }) {
            columns.append(column("runs", unit: timeUnit, .samples(records.map(\.runs))))
        }
        guard columns.count <= DataLimits.columns else {
            return (nil, [.error("these benchmarks make \(columns.count) columns; the limit is \(DataLimits.columns)",
                                 at: file.location(ofUTF8Offset: 0))])
        }
        // Lines found in one pass over ascending offsets, then put back in the records' order.
        let order = records.indices.sorted { records[$0].offset < records[$1].offset }
        let found = JSONTableReader.lineNumbers(at: order.map { records[$0].offset }, in: file)
        var lines = [Int](repeating: 1, count: records.count)
        for (position, index) in order.enumerated() { lines[index] = found[position] }
        var table = DataTable(file: file, columns: columns, rowCount: records.count, rowLines: lines)
        table.keyColumn = 0
        return (table, [])
    }

    private func column(_ name: String, unit: String?, _ content: DataColumn.Content) -> DataColumn {
        let header = unit.map { "\(name) (\($0))" } ?? name
        // The units are the tools' own and always read; their span is the file's first byte.
        return DataColumn(name: DataHeader.identifier(name), header: header, unit: unit,
                          unitSpan: unit.map { _ in 0..<1 }, headerSpan: 0..<1, content: content)
    }

    /// A statistic of the measurements, when there are any.
    static func computed(_ statistic: String, _ runs: [Double]) -> Double? {
        guard !runs.isEmpty else { return nil }
        let sorted = runs.sorted()
        let mean = runs.reduce(0, +) / Double(runs.count)
        switch statistic {
        case "mean": return mean
        case "median":
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        case "min": return sorted.first
        case "max": return sorted.last
        default:
            guard runs.count > 1 else { return 0 }
            let squares = runs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (squares / Double(runs.count - 1)).squareRoot()
        }
    }
}

/// Reading a parsed JSON tree in the adapters: members by key, with located errors.
extension JSONParser.Node {
    func member(_ key: String) -> JSONParser.Node? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    var number: Double? {
        guard case .number(let raw) = value else { return nil }
        return Array(raw).withUnsafeBufferPointer(CellParsing.number)
    }

    var text: String? {
        switch value {
        case .string(let text): return text
        case .number(let raw): return String(decoding: raw, as: UTF8.self)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    var elements: [JSONParser.Node]? {
        guard case .array(let items) = value else { return nil }
        return items
    }

    /// An array of numbers; nil when it is not one.
    var numbers: [Double]? {
        guard let elements else { return nil }
        var result: [Double] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let number = element.number else { return nil }
            result.append(number)
        }
        return result
    }
}
