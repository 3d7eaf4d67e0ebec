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
    static func number<Bytes: Collection<UInt8>>(_ field: Bytes) -> Double? {
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

    /// `YYYY-MM-DD` as days since 1970-01-01, or nil.
    static func date<Bytes: Collection<UInt8>>(_ field: Bytes) -> Int? {
        let bytes = Array(field.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 || $0 == 0x0D }.reversed())
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func value(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                let byte = bytes[index]
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
