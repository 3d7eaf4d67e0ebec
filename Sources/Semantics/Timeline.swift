/// A scenario's time axis: `timeline = 0..12 months` is 13 points, one month apart; a timeline
/// made from a column of dates has a step per row (and may run past the last row).
public struct Timeline: Sendable, Hashable {
    public var start: Double
    public var count: Int
    public var unit: Unit
    /// The calendar date of each step (days since 1970-01-01), when the timeline comes from dates.
    public var dates: [Int]?
    /// The table definition the dates come from; its columns line up with the timeline.
    public var table: String?

    public init(start: Double, count: Int, unit: Unit, dates: [Int]? = nil, table: String? = nil) {
        self.start = start
        self.count = count
        self.unit = unit
        self.dates = dates
        self.table = table
    }

    /// Long enough for ten years of days or two centuries of weeks; longer is almost surely a typo.
    public static let maximumSteps = 10_000

    /// The time at step `index`, in seconds.
    public func time(at index: Int) -> Double { (start + Double(index)) * unit.factor }

    public var step: Double { unit.factor }
}
