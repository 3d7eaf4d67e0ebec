import Diagnostics

/// Splits a header such as `p99 (ms)` or `Spend ($)` into the column's name, reduced to an
/// identifier (`p99`, `spend`), and its unit.
enum DataHeader {
    struct Parsed {
        var name: String
        var unit: String?
        /// Character offset of the unit inside the header, for its location.
        var unitOffset: Int
    }

    static func parse(_ header: String) -> Parsed {
        var text = header
        var unit: String?
        var unitOffset = 0
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            let trimmed = inner.trimmingSpaces
            if !trimmed.isEmpty {
                unit = trimmed
                unitOffset = text.distance(from: text.startIndex, to: open) + 1
                    + inner.prefix { $0 == " " }.count
            }
            text = String(text[..<open])
        }
        return Parsed(name: identifier(text), unit: unit, unitOffset: unitOffset)
    }

    /// Lowercase letters and digits of any script, and `_` for every run of anything else:
    /// `Requests per second` → `requests_per_second`. A leading digit gets a `_` in front.
    static func identifier(_ text: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingUnderscore, !result.isEmpty { result += "_" }
                pendingUnderscore = false
                result.append(character)
            } else {
                pendingUnderscore = true
            }
        }
        if let first = result.first, first.isNumber { result = "_" + result }
        return result
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
