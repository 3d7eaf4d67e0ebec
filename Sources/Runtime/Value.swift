import Semantics

/// A computed value: a number or one number per timeline step, in base units (seconds, bytes,
/// one unit of currency), with what it measures and the unit to show it in.
///
/// An uncertain value holds Monte Carlo samples (`Samples`). The evaluator reads and builds values
/// through the operations below and in `Value+Samples.swift`, which broadcast a certain operand
/// over the samples of an uncertain one.
public struct Value: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        case scalar(Double)
        case series([Double])
        /// `first(condition)` that never holds within the timeline.
        case never
        /// An uncertain value: a column of samples per step. Boxed, so certain values stay as
        /// small (and as quick to copy) as before uncertainty existed.
        indirect case samples(Samples)
    }

    public private(set) var storage: Storage
    public var dimension: Dimension
    public var label: UnitLabel

    public init(_ storage: Storage, dimension: Dimension, label: UnitLabel = UnitLabel()) {
        self.storage = storage
        self.dimension = dimension
        self.label = label
    }

    public static func scalar(_ value: Double, _ dimension: Dimension = .dimensionless,
                              label: UnitLabel = UnitLabel()) -> Value {
        Value(.scalar(value), dimension: dimension, label: label)
    }

    public static func series(_ values: [Double], _ dimension: Dimension, label: UnitLabel = UnitLabel()) -> Value {
        Value(.series(values), dimension: dimension, label: label)
    }

    public static func never(_ dimension: Dimension, label: UnitLabel = UnitLabel()) -> Value {
        Value(.never, dimension: dimension, label: label)
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

    public var samples: Samples? {
        if case .samples(let samples) = storage { return samples }
        return nil
    }

    public var isUncertain: Bool { samples != nil }

    public static func uncertain(_ samples: Samples, _ dimension: Dimension, label: UnitLabel = UnitLabel()) -> Value {
        Value(.samples(samples), dimension: dimension, label: label)
    }

    /// The value at step `index` (a scalar is the same at every step). An uncertain value has no
    /// one number: callers handle samples first.
    public func element(_ index: Int) -> Double {
        switch storage {
        case .scalar(let value): return value
        case .series(let values): return values[index]
        case .never, .samples: return .nan
        }
    }

    /// The same value in another dimension and unit (the numbers unchanged).
    func relabelled(dimension: Dimension, label: UnitLabel) -> Value {
        Value(storage, dimension: dimension, label: label)
    }

    /// Applies `operation` element by element, broadcasting a scalar over a series.
    static func combine(_ a: Value, _ b: Value, dimension: Dimension, label: UnitLabel,
                        _ operation: (Double, Double) -> Double) -> Value {
        withoutActuallyEscaping(operation) { body in
            combine(a, b, dimension: dimension, label: label, NumberClosure(body: body))
        }
    }

    /// `combine` compiled for each operation type, so arithmetic on columns of samples runs as
    /// plain loops rather than a closure call per number.
    static func combine<Operation: NumberOperation>(_ a: Value, _ b: Value, dimension: Dimension, label: UnitLabel,
                                                    _ operation: Operation) -> Value {
        if a.isUncertain || b.isUncertain {
            return Value(.samples(combineSamples(a, b, operation)), dimension: dimension, label: label)
        }
        switch (a.storage, b.storage) {
        case (.scalar(let x), .scalar(let y)):
            return Value(.scalar(operation(x, y)), dimension: dimension, label: label)
        case (.series(let xs), .scalar(let y)):
            return Value(.series(xs.map { operation($0, y) }), dimension: dimension, label: label)
        case (.scalar(let x), .series(let ys)):
            return Value(.series(ys.map { operation(x, $0) }), dimension: dimension, label: label)
        case (.series(let xs), .series(let ys)):
            return Value(.series(zip(xs, ys).map { operation($0, $1) }), dimension: dimension, label: label)
        case (.never, _), (_, .never), (.samples, _), (_, .samples):
            return Value(.never, dimension: dimension, label: label)
        }
    }

    func map(dimension: Dimension? = nil, label: UnitLabel? = nil, _ operation: (Double) -> Double) -> Value {
        let storage: Storage
        switch self.storage {
        case .scalar(let x): storage = .scalar(operation(x))
        case .series(let xs): storage = .series(xs.map(operation))
        case .never: storage = .never
        case .samples(var samples):
            samples.numbers = samples.numbers.map(operation)
            storage = .samples(samples)
        }
        return Value(storage, dimension: dimension ?? self.dimension, label: label ?? self.label)
    }

    /// `if condition then a else b`, step by step when any of them is a series.
    static func select(_ condition: Value, _ a: Value, _ b: Value) -> Value {
        if case .scalar(let flag) = condition.storage { return flag != 0 ? a : b }
        if condition.isUncertain || a.isUncertain || b.isUncertain {
            return Value(.samples(selectSamples(condition, a, b)), dimension: a.dimension, label: a.label)
        }
        let count = condition.series?.count ?? 0
        return Value(.series((0..<count).map { condition.element($0) != 0 ? a.element($0) : b.element($0) }),
                     dimension: a.dimension, label: a.label)
    }

    /// The first element (step, for a series; 0 for a scalar) where `predicate` holds. For
    /// samples, the step of the first sample where it holds.
    func firstIndex(where predicate: (Double) -> Bool) -> Int? {
        switch storage {
        case .scalar(let x): return predicate(x) ? 0 : nil
        case .series(let xs): return xs.firstIndex(where: predicate)
        case .never: return nil
        case .samples(let samples): return samples.numbers.firstIndex(where: predicate).map { $0 / samples.count }
        }
    }

    /// One value per step: a series, certain or not.
    public var isSeries: Bool { series != nil || samples?.steps != nil }

    /// Every element added up, as a single value (per sample, for samples).
    func total() -> Value {
        if let samples { return acrossSteps(samples, Addition()) }
        return Value(.scalar(elements.reduce(0, +)), dimension: dimension, label: label)
    }

    func average() -> Value {
        Value(.scalar(elements.reduce(0, +) / Double(Swift.max(1, elements.count))), dimension: dimension, label: label)
    }

    func smallest() -> Value {
        if let samples { return acrossSteps(samples, NumberClosure { Swift.min($0, $1) }) }
        return Value(.scalar(elements.min() ?? .nan), dimension: dimension, label: label)
    }

    func largest() -> Value {
        if let samples { return acrossSteps(samples, NumberClosure { Swift.max($0, $1) }) }
        return Value(.scalar(elements.max() ?? .nan), dimension: dimension, label: label)
    }

    /// The running total, step by step (each sample's own, for samples).
    func cumulative() -> Value {
        if let samples { return runningTotal(samples) }
        var total = 0.0
        return Value(.series(elements.map { total += $0; return total }), dimension: dimension, label: label)
    }

    /// The element at a step, as a single value (the step's column, for samples).
    public func at(step index: Int) -> Value {
        if let samples {
            guard samples.steps != nil else { return self }
            let column = Samples(count: samples.count, steps: nil, numbers: Array(samples.column(index)),
                                 mayBeNever: samples.mayBeNever)
            return Value(.samples(column), dimension: dimension, label: label)
        }
        return Value(.scalar(element(index)), dimension: dimension, label: label)
    }

    /// The numbers of a certain value; callers handle samples first.
    var elements: [Double] {
        switch storage {
        case .scalar(let x): return [x]
        case .series(let xs): return xs
        case .never, .samples: return []
        }
    }
}
