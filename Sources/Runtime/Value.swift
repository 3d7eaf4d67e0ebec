import Semantics

/// A computed value: a number or one number per timeline step, in base units (seconds, bytes,
/// one unit of currency), with what it measures and the unit to show it in.
///
/// The storage is deliberately a small enum rather than a bare Double: a later range type
/// (`5%..7%/week`, propagated by sampling) adds a case holding samples, and every operation
/// already goes through `Value.combine`, which is where that case would be handled.
public struct Value: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        case scalar(Double)
        case series([Double])
        /// `first(condition)` that never holds within the timeline.
        case never
    }

    public var storage: Storage
    public var dimension: Dimension
    public var label: UnitLabel

    public init(_ storage: Storage, dimension: Dimension, label: UnitLabel = UnitLabel()) {
        self.storage = storage
        self.dimension = dimension
        self.label = label
    }

    public static func scalar(_ value: Double, _ dimension: Dimension = .none, label: UnitLabel = UnitLabel()) -> Value {
        Value(.scalar(value), dimension: dimension, label: label)
    }

    public var scalar: Double? {
        if case .scalar(let value) = storage { return value }
        return nil
    }

    public var series: [Double]? {
        if case .series(let values) = storage { return values }
        return nil
    }

    public var isNever: Bool { storage == .never }

    /// The value at step `index` (a scalar is the same at every step).
    public func element(_ index: Int) -> Double {
        switch storage {
        case .scalar(let value): return value
        case .series(let values): return values[index]
        case .never: return .nan
        }
    }

    /// Applies `operation` element by element, broadcasting a scalar over a series.
    static func combine(_ a: Value, _ b: Value, dimension: Dimension, label: UnitLabel,
                        _ operation: (Double, Double) -> Double) -> Value {
        switch (a.storage, b.storage) {
        case (.scalar(let x), .scalar(let y)):
            return Value(.scalar(operation(x, y)), dimension: dimension, label: label)
        case (.series(let xs), .scalar(let y)):
            return Value(.series(xs.map { operation($0, y) }), dimension: dimension, label: label)
        case (.scalar(let x), .series(let ys)):
            return Value(.series(ys.map { operation(x, $0) }), dimension: dimension, label: label)
        case (.series(let xs), .series(let ys)):
            return Value(.series(zip(xs, ys).map(operation)), dimension: dimension, label: label)
        default:
            return Value(.never, dimension: dimension, label: label)
        }
    }

    func map(dimension: Dimension? = nil, label: UnitLabel? = nil, _ operation: (Double) -> Double) -> Value {
        let storage: Storage
        switch self.storage {
        case .scalar(let x): storage = .scalar(operation(x))
        case .series(let xs): storage = .series(xs.map(operation))
        case .never: storage = .never
        }
        return Value(storage, dimension: dimension ?? self.dimension, label: label ?? self.label)
    }

    var elements: [Double] {
        switch storage {
        case .scalar(let x): return [x]
        case .series(let xs): return xs
        case .never: return []
        }
    }
}
