import DataFiles
import Diagnostics

/// A timeline made from a column of dates: evenly spaced by a day, a week, a calendar month or
/// a year; extended by the same step to a later date for projections.
enum DataTimeline {
    enum Spacing: Equatable {
        case days(Int)
        case months(Int)

        var unitName: String? {
            switch self {
            case .days(1): return "day"
            case .days(7): return "week"
            case .months(1): return "month"
            case .months(12): return "year"
            default: return nil
            }
        }
    }

    /// The spacing of the dates, or a message naming the first row that breaks it.
    struct Problem: Error { var message: String }

    static func spacing(_ dates: [Int]) -> Result<Spacing, Problem> {
        guard dates.count >= 2 else { return .failure(Problem(message: "a timeline needs at least two dates")) }
        for index in 1..<dates.count where dates[index] <= dates[index - 1] {
            return .failure(Problem(message: "the dates must increase; row \(index + 1) (\(CalendarDays.iso(dates[index]))) does not"))
        }
        let first = dates[1] - dates[0]
        if dates.indices.dropFirst().allSatisfy({ dates[$0] - dates[$0 - 1] == first }), first == 1 || first == 7 {
            return .success(.days(first))
        }
        for months in [1, 12] where dates.indices.allSatisfy({ adding(months * $0, to: dates[0]) == dates[$0] }) {
            return .success(.months(months))
        }
        let row = dates.indices.dropFirst().first { dates[$0] - dates[$0 - 1] != first } ?? 1
        return .failure(Problem(message: "the dates are not evenly spaced by a day, a week, a month or a year "
                        + "(\(first) days, then \(dates[row] - dates[row - 1]) days at row \(row + 1))"))
    }

    /// The date `months` calendar months after `day` (the day of the month kept, or the month's last).
    static func adding(_ months: Int, to day: Int) -> Int {
        let (year, month, date) = CalendarDays.date(fromDays: day)
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        return CalendarDays.days(year: newYear, month: newMonth,
                                 day: min(date, CalendarDays.daysIn(month: newMonth, year: newYear)))
    }

    /// The dates of every step, the data's own and then onwards to `until`, at most `limit` of them.
    static func extended(_ dates: [Int], spacing: Spacing, until: Int?, limit: Int) -> [Int] {
        var result = dates
        guard let until, let last = dates.last, until > last else { return result }
        var step = 1
        while result.count < limit + 1 {
            let next: Int
            switch spacing {
            case .days(let days): next = last + days * step
            case .months(let months): next = adding(months * (dates.count - 1 + step), to: dates[0])
            }
            if next > until { break }
            result.append(next)
            step += 1
        }
        return result
    }

}
