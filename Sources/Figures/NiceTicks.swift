#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Axis ticks at "nice" values (1, 2 or 5 times a power of ten) that cover the data.
public struct NiceTicks: Sendable, Hashable {
    public var values: [Double]
    public var step: Double
    /// The axis runs from the first tick to the last, so every data point lies on the axis.
    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }

    /// At most `maximumCount` ticks spanning `low...high` (widened to include both, and to a
    /// non-empty range when all data are equal).
    public init(low: Double, high: Double, maximumCount: Int) {
        var low = low, high = high
        if !low.isFinite || !high.isFinite { low = 0; high = 1 }
        if low > high { swap(&low, &high) }
        if low == high {
            // All data equal: an axis from zero (or around the value) so the line has somewhere to sit.
            if low == 0 { high = 1 } else if low > 0 { low = 0; high *= 1.5 } else { high = 0; low *= 1.5 }
        }
        let count = max(2, min(maximumCount, 1_000))
        let rough = (high - low) / Double(count - 1)
        // A span beyond a Double (±1e308 together) or below its precision has no nice ticks:
        // the two ends are the axis.
        guard rough.isFinite, rough > 0, pow(10, floor(log10(rough))) > 0 else {
            values = [low, high]
            step = high - low
            return
        }
        let magnitude = pow(10, floor(log10(rough)))
        var step = magnitude * 10
        for multiple in [1.0, 2.0, 5.0, 10.0] {
            let candidate = multiple * magnitude
            let first = floor(low / candidate + 1e-9) * candidate
            let last = ceil(high / candidate - 1e-9) * candidate
            let intervals = ((last - first) / candidate).rounded()
            if intervals.isFinite, intervals + 1 <= Double(count) {
                step = candidate
                break
            }
        }
        let first = floor(low / step + 1e-9) * step
        let last = ceil(high / step - 1e-9) * step
        let intervals = ((last - first) / step).rounded()
        guard intervals.isFinite, intervals <= Double(count) * 10 else {
            values = [low, high]
            self.step = high - low
            return
        }
        let steps = Int(intervals)
        values = (0...max(1, steps)).map { index in
            let value = first + Double(index) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
        self.step = step
    }
}

/// Maps data values to positions along an axis.
public struct LinearScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = domain.0 == domain.1 ? (domain.0, domain.0 + 1) : domain
        self.range = range
    }

    public func callAsFunction(_ value: Double) -> Double {
        range.0 + (value - domain.0) / (domain.1 - domain.0) * (range.1 - range.0)
    }
}

/// Maps positive values logarithmically, for data spanning orders of magnitude.
public struct LogScale: Sendable {
    public var domain: (Double, Double)
    public var range: (Double, Double)

    public func callAsFunction(_ value: Double) -> Double {
        let low = log10(domain.0), high = log10(domain.1)
        return range.0 + (log10(max(value, domain.0)) - low) / max(high - low, 1e-12) * (range.1 - range.0)
    }

    /// Powers of ten covering the data.
    public static func ticks(low: Double, high: Double) -> [Double] {
        let first = floor(log10(max(low, 1e-300))), last = ceil(log10(max(high, low * 10)))
        guard first.isFinite, last.isFinite else { return [1] }
        return stride(from: max(first, -320), through: min(last, 308), by: 1).map { pow(10, $0) }
    }
}
