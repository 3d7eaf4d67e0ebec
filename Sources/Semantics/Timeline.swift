/// A scenario's time axis: `timeline = 0..12 months` is 13 points, one month apart.
public struct Timeline: Sendable, Hashable {
    public var start: Double
    public var count: Int
    public var unit: Unit

    /// Long enough for ten years of days or two centuries of weeks; longer is almost surely a typo.
    public static let maximumSteps = 10_000

    /// The time at step `index`, in seconds.
    public func time(at index: Int) -> Double { (start + Double(index)) * unit.factor }

    public var step: Double { unit.factor }
}
