/// The Monte Carlo samples of an uncertain value: one contiguous column of `count` numbers per
/// timeline step (or one column for a single value), never one boxed value per sample. Sample
/// `i` of every value of a scenario comes from the same draw of its inputs, so combining two
/// values number by number keeps them consistent within a sample.
public struct Samples: Sendable, Hashable {
    /// Samples per step.
    public let count: Int
    /// Steps of an uncertain series; nil for a single uncertain value.
    public let steps: Int?
    /// Step-major: sample `i` of step `s` is at `s * count + i`.
    public var numbers: [Double] {
        didSet { checkedFinite = false }
    }
    /// Made by `first` on an uncertain condition: +infinity is a sample where it never holds,
    /// counted as its own outcome rather than refused as an overflow.
    public var mayBeNever = false
    /// Set by the loops that saw every number finite as they wrote it, and by the evaluator once
    /// it has checked a column (where +infinity may stand for "never"): the column is not
    /// checked again where it is read. Not part of the value: equality ignores it.
    var checkedFinite = false

    public init(count: Int, steps: Int?, numbers: [Double], mayBeNever: Bool = false) {
        self.count = count
        self.steps = steps
        self.numbers = numbers
        self.mayBeNever = mayBeNever
    }

    public static func == (a: Samples, b: Samples) -> Bool {
        a.count == b.count && a.steps == b.steps && a.mayBeNever == b.mayBeNever && a.numbers == b.numbers
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(steps)
        hasher.combine(mayBeNever)
        hasher.combine(numbers)
    }

    /// The number of columns: the steps, or one.
    public var columns: Int { steps ?? 1 }

    /// The samples of one step (of the only column, for a single value).
    public func column(_ step: Int) -> ArraySlice<Double> {
        numbers[(step * count)..<((step + 1) * count)]
    }

    /// The path of sample `i`: its number at each step.
    public func path(_ sample: Int) -> [Double] {
        (0..<columns).map { numbers[$0 * count + sample] }
    }

    /// Builds samples column by column, `count` numbers per step, from `body(step, sample)`.
    static func build(count: Int, steps: Int?, _ body: (Int, Int) -> Double) -> Samples {
        let total = count * (steps ?? 1)
        let numbers = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            for step in 0..<(steps ?? 1) {
                let base = step * count
                for sample in 0..<count { buffer[base + sample] = body(step, sample) }
            }
            initialized = total
        }
        return Samples(count: count, steps: steps, numbers: numbers)
    }
}

/// Statistics across samples, step by step: what `median`, `percentile`, `mean`, `sd` and `prob`
/// of an uncertain value mean, and what prose, charts and `explain` show.
extension Samples {
    /// The `share` percentile (0…1) of each column, in order of the steps.
    public func percentiles(_ share: Double) -> [Double] {
        percentiles([share]).map { $0[0] }
    }

    /// Several percentiles of each column, `[column][share]`, by selection rather than a sort.
    /// A column of whole numbers (machines, a `floor`, an `if` choosing 1 or 2) and the times
    /// `first` gives (steps of the timeline) take the nearest sample's value, never one between
    /// two possible outcomes such as 5.95 machines.
    public func percentiles(_ shares: [Double]) -> [[Double]] {
        (0..<columns).map { step in
            column(step).withUnsafeBufferPointer { values in
                let discrete = mayBeNever || values.allSatisfy { $0 == $0.rounded(.towardZero) }
                return SeriesStatistics.percentiles(values, shares, nearestRank: discrete)
            }
        }
    }

    public func means() -> [Double] {
        (0..<columns).map { step in column(step).reduce(0, +) / Double(count) }
    }

    /// The sample standard deviation of each column (n − 1 in the denominator).
    public func standardDeviations() -> [Double] {
        (0..<columns).map { step in
            let values = column(step)
            let mean = values.reduce(0, +) / Double(count)
            let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        }
    }

    /// The share of samples (0…1) in each column that are not zero: how often a condition holds.
    public func shareHolding() -> [Double] {
        (0..<columns).map { step in Double(column(step).lazy.filter { $0 != 0 }.count) / Double(count) }
    }
}

/// Finiteness, folded into a loop that writes numbers: a number is infinite or NaN when its
/// exponent bits are all set, and adding one to the exponent field carries into the sign bit
/// exactly then. An OR of those sums (`FiniteCheck.carry`) says whether any number was.
enum FiniteCheck {
    @inline(__always) static func carry(_ x: Double) -> UInt64 {
        (x.bitPattern & 0x7ff0_0000_0000_0000) &+ 0x0010_0000_0000_0000
    }

    @inline(__always) static func allFinite(_ carried: UInt64) -> Bool {
        carried & 0x8000_0000_0000_0000 == 0
    }

    /// Every number finite, in one pass that vectorizes.
    static func allFinite(_ numbers: [Double]) -> Bool {
        numbers.withUnsafeBufferPointer { numbers in
            var carried: UInt64 = 0
            for x in numbers { carried |= carry(x) }
            return allFinite(carried)
        }
    }
}
