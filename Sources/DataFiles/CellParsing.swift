import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a cell as a number or a date. By hand over bytes: a million-row file has four million
/// cells, and Foundation's formatters would take most of the time budget.
enum CellParsing {
    /// `42`, `-3.5`, `1e6`, `1,234,567.5` (commas only between groups of three digits of the
    /// integer part), surrounding spaces allowed. Anything else is not a number.
    static func number(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        if let value = plainDecimal(field) { return value }
        return general(field)
    }

    /// Powers of ten that a Double holds exactly.
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The common case, read without `strtod`: an optional sign, digits grouped by commas or not,
    /// an optional fraction, at most 15 digits in all, spaces around it and nothing else. With the digits as an exact
    /// integer and the divisor an exact power of ten, one division rounds correctly (Clinger's
    /// fast path), so the result is the one `strtod` gives. Anything else returns nil and goes
    /// the general way.
    private static func plainDecimal(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var count = field.count
        var index = 0
        while index < count, field[index] == 0x20 || field[index] == 0x09 { index += 1 }
        while count > index, field[count - 1] == 0x20 || field[count - 1] == 0x09 || field[count - 1] == 0x0D { count -= 1 }
        var negative = false
        if index < count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
            negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var groupDigits = -1        // digits since the last comma; -1 before any comma
        while index < count {
            let byte = field[index]
            if byte &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                if groupDigits >= 0 { groupDigits += 1 }
            } else if byte == UInt8(ascii: ",") {
                guard digits > 0, groupDigits == -1 ? digits <= 3 : groupDigits == 3 else { return nil }
                groupDigits = 0
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, groupDigits == -1 || groupDigits == 3 else { return nil }
        var fractionDigits = 0
        if index < count, field[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, field[index] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(field[index] &- 0x30)
                fractionDigits += 1
                index += 1
            }
        }
        guard index == count, digits + fractionDigits <= 15 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// Every form `number` accepts, through `strtod` once the commas and spaces are checked and
    /// dropped.
    private static func general(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
            var count = 0
            var groupDigits = -1        // digits since the last comma; -1 before any comma
            var leadingDigits = 0
            var inInteger = true
            var sawDigit = false
            for byte in field {
                switch byte {
                case 0x20, 0x09, 0x0D: continue
                case UInt8(ascii: ","):
                    guard inInteger, sawDigit, groupDigits == -1 ? leadingDigits <= 3 : groupDigits == 3 else { return nil }
                    groupDigits = 0
                    continue
                case 0x30...0x39:
                    sawDigit = true
                    if inInteger { if groupDigits >= 0 { groupDigits += 1 } else { leadingDigits += 1 } }
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    if inInteger, groupDigits >= 0, groupDigits != 3 { return nil }
                    inInteger = false
                case UInt8(ascii: "-"), UInt8(ascii: "+"): break
                default: return nil
                }
                guard count < 63 else { return nil }
                buffer[count] = CChar(bitPattern: byte)
                count += 1
            }
            guard sawDigit, !inInteger || groupDigits == -1 || groupDigits == 3 else { return nil }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == count, value.isFinite else { return nil }
            return value
        }
    }

    /// `YYYY-MM-DD` (spaces around it allowed) as days since 1970-01-01, or nil.
    static func date(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x0D { end -= 1 }
        guard end - start == 10, field[start + 4] == UInt8(ascii: "-"), field[start + 7] == UInt8(ascii: "-") else { return nil }
        func value(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                let byte = field[start + index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                result = result * 10 + Int(byte - 0x30)
            }
            return result
        }
        guard let year = value(0..<4), let month = value(5..<7), let day = value(8..<10),
              (1...12).contains(month), day >= 1, day <= CalendarDays.daysIn(month: month, year: year) else { return nil }
        return CalendarDays.days(year: year, month: month, day: day)
    }
}
