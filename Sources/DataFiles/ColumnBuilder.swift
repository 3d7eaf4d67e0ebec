import Diagnostics

/// Collects one column's cells while a file is read, and types the column by its first
/// non-empty cell: a number makes a column of numbers, a date one of dates, anything else text.
/// A later cell that does not fit is an error at that cell.
struct ColumnBuilder {
    enum Kind { case undecided, numbers, dates, text, samples }

    let header: DataHeader.Parsed
    let headerText: String
    let headerOffset: Int
    private(set) var kind = Kind.undecided
    private var numbers: [Double] = []
    private var dates: [Int] = []
    private var texts: [String] = []
    private var samples: [[Double]] = []
    /// Offsets of empty cells met before the kind was known.
    private var earlyEmpties: [Int] = []

    init(header: String, offset: Int) {
        self.header = DataHeader.parse(header)
        self.headerText = header
        self.headerOffset = offset
    }

    /// Adds a cell; returns a problem (message, offset) when it does not fit the column. The
    /// bytes are only read during the call.
    mutating func add(_ cell: UnsafeBufferPointer<UInt8>, offset: Int) -> (String, Int)? {
        switch kind {
        case .samples:
            return ("column \(header.name) holds several numbers per row; this row has one value", offset)
        case .numbers:
            guard let value = CellParsing.number(cell) else { return problem(cell, offset) }
            numbers.append(value)
        case .dates:
            guard let value = CellParsing.date(cell) else { return problem(cell, offset) }
            dates.append(value)
        case .text:
            texts.append(String(decoding: cell, as: UTF8.self).trimmingSpaces)
        case .undecided:
            return decide(cell, offset: offset)
        }
        return nil
    }

    /// The first non-empty cell types the column.
    private mutating func decide(_ cell: UnsafeBufferPointer<UInt8>, offset: Int) -> (String, Int)? {
        if cell.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            earlyEmpties.append(offset)
            texts.append("")
            return nil
        }
        if CellParsing.number(cell) != nil { kind = .numbers }
        else if CellParsing.date(cell) != nil { kind = .dates }
        else { kind = .text }
        if kind != .text, let first = earlyEmpties.first {
            return ("empty cell in column \(header.name), which holds \(kindWord)", first)
        }
        if kind == .text { texts = Array(repeating: "", count: earlyEmpties.count) }
        return add(cell, offset: offset)
    }

    /// Adds a row's several numbers (a JSON array of numbers): the column holds measurements.
    mutating func addSamples(_ values: [Double], offset: Int) -> (String, Int)? {
        switch kind {
        case .undecided where earlyEmpties.isEmpty, .samples:
            kind = .samples
            samples.append(values)
            return nil
        default:
            return ("column \(header.name) holds one value per row; this row has a list of numbers", offset)
        }
    }

    /// Adds a cell held in an array (a JSON value).
    mutating func add(_ cell: [UInt8], offset: Int) -> (String, Int)? {
        cell.withUnsafeBufferPointer { add($0, offset: offset) }
    }

    private var kindWord: String { kind == .dates ? "dates" : "numbers" }

    private func problem(_ cell: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (String, Int) {
        let text = String(decoding: cell, as: UTF8.self).trimmingSpaces
        if text.isEmpty { return ("empty cell in column \(header.name), which holds \(kindWord)", offset) }
        let what = kind == .dates ? "a date (YYYY-MM-DD)" : "a number"
        return ("\"\(text)\" is not \(what) (column \(header.name), which holds \(kindWord))", offset)
    }

    func column() -> DataColumn {
        let content: DataColumn.Content
        switch kind {
        case .numbers: content = .numbers(numbers)
        case .dates: content = .dates(dates)
        case .text, .undecided: content = .text(texts)
        case .samples: content = .samples(samples)
        }
        var unitSpan: Range<Int>?
        if let unit = header.unit {
            let unitOffset = headerOffset + headerText.prefix(header.unitOffset).utf8.count
            unitSpan = unitOffset..<unitOffset + unit.utf8.count
        }
        return DataColumn(name: header.name, header: headerText, unit: header.unit, unitSpan: unitSpan,
                          headerSpan: headerOffset..<headerOffset + headerText.utf8.count, content: content)
    }
}
