import ScenarioSyntax
import Semantics

/// How one value reaches a reader, decided here once for inline values, equation tables, sweeps,
/// charts, tornadoes and `explain`: its shape (one number, one per step, a spread of samples,
/// never), the label it is shown with, and the text each step reads as. Figures ask this type
/// instead of branching on a value's storage, so the same value cannot look different in a chart
/// and in the sentence under it.
public struct ShownValue: Sendable {
    public enum Shape: Sendable {
        /// `first(condition)` that never holds within the timeline.
        case never
        case number(Double)
        case perStep([Double])
        /// An uncertain value: its samples, with one column per step when it changes over time.
        case spread(Samples)
    }

    /// The value, carrying the label it is shown with.
    public let value: Value

    /// - Parameter label: the unit the model's type gives the value (`$/month` for a rate the
    ///   evaluator keeps in base units); the value's own label when nil.
    public init(_ value: Value, label: UnitLabel? = nil) {
        var value = value
        if let label { value.label = label }
        self.value = value
    }

    public var shape: Shape {
        switch value.storage {
        case .never: return .never
        case .scalar(let x): return .number(x)
        case .series(let xs): return .perStep(xs)
        case .samples(let samples): return .spread(samples)
        }
    }

    public var dimension: Dimension { value.dimension }
    public var label: UnitLabel { value.label }
    public var isNever: Bool { value.isNever }
    public var isUncertain: Bool { value.isUncertain }

    /// The one number of a certain single value: what a rule, an annotation or a varied input needs.
    public var number: Double? { value.scalar }

    /// Steps over a timeline, or nil for a single value (certain or uncertain) and for never.
    public var steps: Int? {
        switch shape {
        case .perStep(let xs): return xs.count
        case .spread(let samples): return samples.steps
        case .number, .never: return nil
        }
    }

    /// One value over the whole timeline, not per step.
    public var isSingle: Bool { steps == nil && !isNever }

    /// How many Monte Carlo samples stand behind it, for a chart's note.
    public var sampleCount: Int? { value.samples?.count }

    /// What prose prints: `$960`, `$379 (90%: $240–$600)`, `never`, the first and last steps.
    public func text(format: NumberFormat? = nil, interval: Double = 0.9) -> String {
        ValueFormatter.format(value, format: format, interval: interval)
    }

    /// What one step reads as (a table row of the timeline); a single value reads the same at
    /// every step.
    public func text(atStep step: Int) -> String {
        if isNever { return "never" }
        return ValueFormatter.format(value.at(step: step))
    }

    /// The percentiles drawn or printed for an uncertain value, step by step; nil when certain.
    public var spread: Spread? { value.samples.map(Spread.init) }

    /// One number per step for a line or a bar: the value itself, a single value repeated over
    /// `steps`, the median of an uncertain one, gaps (NaN) for never. Nil when the steps differ.
    public func centres(over steps: Int) -> [Double]? {
        switch shape {
        case .never: return Array(repeating: .nan, count: steps)
        case .number(let x): return Array(repeating: x, count: steps)
        case .perStep(let xs): return xs.count == steps ? xs : nil
        case .spread(let samples):
            guard samples.steps == nil || samples.steps == steps else { return nil }
            let medians = samples.percentiles(0.5)
            return samples.steps == nil ? Array(repeating: medians[0], count: steps) : medians
        }
    }

    /// Each number the value has (a step's, or the median of a step's samples), for choosing the
    /// unit it is shown in.
    public var magnitudes: [Double] {
        switch shape {
        case .never: return []
        case .number(let x): return [x]
        case .perStep(let xs): return xs
        case .spread(let samples): return samples.percentiles(0.5)
        }
    }

    /// The unit the value as a whole is shown in (one unit for every step of a series).
    public var unit: ShownUnit { ShownUnit(covering: magnitudes, dimension: dimension, label: label) }

    /// What the value is, for a message that refuses it: "a series", "uncertain", "never".
    public var shapeDescription: String {
        switch shape {
        case .never: return "never"
        case .number: return dimension.described
        case .perStep: return "a series"
        case .spread: return steps == nil ? "uncertain" : "an uncertain series"
        }
    }
}

/// The unit numbers are shown in: the value's own label when it measures the right thing, else
/// a sensible one for the size of the numbers (the largest whole time unit, the nearest data
/// unit). A chart's axis, a tornado's ticks, a table column and `explain`'s row each take one for
/// all their numbers, so a reader never compares MB with GB.
public struct ShownUnit: Sendable {
    /// The unit chosen.
    public let label: UnitLabel
    public let dimension: Dimension

    public init(magnitude: Double, dimension: Dimension, label: UnitLabel) {
        self.label = ValueFormatter.displayLabel(for: magnitude, dimension: dimension, label: label)
        self.dimension = dimension
    }

    /// Chosen from the largest finite number's size (1 when there is none).
    public init(covering values: [Double], dimension: Dimension, label: UnitLabel) {
        self.init(magnitude: values.filter(\.isFinite).map(abs).max() ?? 1, dimension: dimension, label: label)
    }

    /// Base units per unit shown.
    public var factor: Double { label.factor }

    /// The unit written alone, for an axis title or a column heading: `$/month`, `requests`.
    public var name: String { ValueFormatter.unitText(label) }

    /// A number in base units as a number of this unit.
    public func amount(_ x: Double) -> Double { x / factor }

    /// A number in base units, written in this unit: `$1,140`, `6 months`.
    public func text(_ x: Double, format: NumberFormat? = nil) -> String {
        ValueFormatter.formatScalar(x, dimension: dimension, label: label, format: format)
    }

    /// A number on its own as an estimate reads (three significant digits, "never" when infinite).
    public func estimate(_ x: Double) -> String {
        ValueFormatter.formatEstimate(x, dimension: dimension, label: label)
    }
}

/// The percentiles and mean of an uncertain value, step by step: the fan a chart draws, the
/// whiskers on a bar, the rows `explain` prints and exports.
public struct Spread: Sendable {
    /// Per step: p5, p25, median, p75, p95, mean, in base units.
    public let rows: [[Double]]

    public init(_ samples: Samples) {
        let means = samples.means()
        rows = zip(samples.percentiles(ValueFormatter.summaryShares), means).map { $0 + [$1] }
    }

    public var p5: [Double] { rows.map { $0[0] } }
    public var p25: [Double] { rows.map { $0[1] } }
    public var medians: [Double] { rows.map { $0[2] } }
    public var p75: [Double] { rows.map { $0[3] } }
    public var p95: [Double] { rows.map { $0[4] } }
}
