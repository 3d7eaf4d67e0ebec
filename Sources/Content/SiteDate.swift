/// A calendar date with optional time and zone, as written in front matter. Parsed and printed
/// by hand so that output never depends on the machine's locale or time zone.
public struct SiteDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// Offset from UTC in minutes; dates written without a zone are taken as UTC.
    public var offsetMinutes: Int
    public var hasTime: Bool

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]
    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                offsetMinutes: Int = 0, hasTime: Bool = false) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.offsetMinutes = offsetMinutes; self.hasTime = hasTime
    }

    /// Accepts `2026-03-14`, `2026-03-14 09:30`, `2026-03-14T09:30:00` (or `T9:30:00`), with an
    /// optional `Z`, `±HH:MM` or `±HHMM`.
    public init?(parsing raw: String) {
        let text = Array(raw.trimmedWhitespace)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= text.count else { return nil }
            var value = 0
            for character in text[index..<index + digits] {
                guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
                value = value * 10 + digit
            }
            index += digits
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < text.count, text[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= SiteDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
        hour = 0; minute = 0; second = 0; offsetMinutes = 0; hasTime = false
        guard index < text.count else { return }
        guard expect("T") || expect(" ") || expect("t") else { return nil }
        // Hugo (Go's time parsing) also takes a single-digit hour: `2019-03-01T8:09:26-07:00`.
        let hourDigits = index + 1 < text.count && text[index + 1] == ":" ? 1 : 2
        guard let h = number(hourDigits), expect(":"), let m = number(2), h < 24, m < 60 else { return nil }
        hour = h; minute = m; hasTime = true
        if expect(":") {
            guard let s = number(2), s < 60 else { return nil }
            second = s
            if expect(".") { while index < text.count, text[index].isNumber { index += 1 } }
        }
        if index < text.count, text[index] == " " { index += 1 }
        if expect("Z") || expect("z") {
            guard index == text.count else { return nil }
            return
        }
        if index < text.count, text[index] == "+" || text[index] == "-" {
            let sign = text[index] == "-" ? -1 : 1
            index += 1
            guard let oh = number(2), oh < 24 else { return nil }
            _ = expect(":")
            guard let om = number(2), om < 60 else { return nil }
            offsetMinutes = sign * (oh * 60 + om)
        }
        guard index == text.count else { return nil }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for the calendar date (proleptic Gregorian).
    private var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// Seconds since the Unix epoch in UTC; the sort key for "newest first".
    public var epochSeconds: Int {
        daysSinceEpoch * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
    }

    public static func < (a: SiteDate, b: SiteDate) -> Bool { a.epochSeconds < b.epochSeconds }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private var zone: String {
        if offsetMinutes == 0 { return "Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        return sign + SiteDate.pad(abs(offsetMinutes) / 60) + ":" + SiteDate.pad(abs(offsetMinutes) % 60)
    }

    /// `2026-03-14`
    public var isoDate: String {
        guard (0...9999).contains(year) else { return "\(SiteDate.pad(year, 4))-\(SiteDate.pad(month))-\(SiteDate.pad(day))" }
        // Ten ASCII digits and dashes, without the intermediate strings: sitemaps print thousands.
        func digit(_ value: Int) -> UInt8 { UInt8(48 + value % 10) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), 45,
                              digit(month / 10), digit(month), 45, digit(day / 10), digit(day)]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2026-03-14T09:30:00Z`, as Atom and sitemaps want.
    public var rfc3339: String {
        "\(isoDate)T\(SiteDate.pad(hour)):\(SiteDate.pad(minute)):\(SiteDate.pad(second))\(zone)"
    }

    /// `Sat, 14 Mar 2026 09:30:00 +0000`, as RSS wants.
    public var rfc822: String {
        let weekday = SiteDate.weekdayNames[((daysSinceEpoch % 7) + 7 + 3) % 7]
        let monthShort = String(SiteDate.monthNames[month - 1].prefix(3))
        let sign = offsetMinutes < 0 ? "-" : "+"
        let zone = sign + SiteDate.pad(abs(offsetMinutes) / 60) + SiteDate.pad(abs(offsetMinutes) % 60)
        return "\(weekday), \(SiteDate.pad(day)) \(monthShort) \(SiteDate.pad(year, 4)) "
            + "\(SiteDate.pad(hour)):\(SiteDate.pad(minute)):\(SiteDate.pad(second)) \(zone)"
    }

    /// `14 March 2026`, for people.
    public var readable: String { "\(day) \(SiteDate.monthNames[month - 1]) \(year)" }
}
