import Diagnostics
import Foundation

/// Synthetic metrics files for the benchmark: a day column, requests, a latency in ms with one
/// decimal, and a spend in quoted dollars with thousands commas (the slow path of the reader).
/// Deterministic, so every run reads the same bytes.
enum BenchFile {
    static let header = "day,requests,p99 (ms),spend ($)\n"

    /// `rows` rows, a thousand a day (a log of samples), written in chunks.
    static func write(to path: String, rows: Int) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { fatalError("cannot write \(path)") }
        var random = Generator()
        var chunk = header
        let start = CalendarDays.days(year: 2024, month: 1, day: 1)
        for row in 0..<rows {
            chunk += line(day: start + row / 1000, row: row, of: rows, &random)
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try? handle.close()
    }

    /// `rows` consecutive days, for a timeline.
    static func daily(rows: Int) -> String {
        var random = Generator()
        var text = header
        let start = CalendarDays.days(year: 2000, month: 1, day: 1)
        for row in 0..<rows { text += line(day: start + row, row: row, of: rows, &random) }
        return text
    }

    private static func line(day: Int, row: Int, of rows: Int, _ random: inout Generator) -> String {
        let trend = 1 + Double(row) / Double(rows)
        let requests = Int(400_000 * trend) + random.next(below: 90_000)
        let p99 = 18_000 + random.next(below: 9_000)            // hundredths of a millisecond: 180.00 to 269.99
        let cents = Int(1_000_000 * trend) + random.next(below: 4_000_000)
        let dollars = cents / 100
        let spend = dollars >= 1000 ? "\(dollars / 1000),\(pad(dollars % 1000, 3))" : "\(dollars)"
        return "\(CalendarDays.iso(day)),\(requests),\(p99 / 100).\(pad(p99 % 100, 2)),\"\(spend).\(pad(cents % 100, 2))\"\n"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// xorshift64*: fast, fixed seed.
    struct Generator {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        mutating func next(below bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Int((state &* 0x2545_F491_4F6C_DD1D) >> 11) % bound
        }
    }
}
