#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Semantics

/// Arithmetic on uncertain values, column by column. A certain operand is broadcast: a scalar over
/// every sample, a certain series step by step over the samples of that step, an uncertain single
/// value over every step of an uncertain series (the same draw along a sample's whole path).
extension Value {
    /// What one operand gives for one step: a number for all samples, or a column of samples.
    private enum Column {
        case constant(Double)
        case samples(offset: Int)
    }

    /// How many samples the operands carry (the same within a scenario) and how many steps.
    private static func shape(_ values: [Value]) -> (count: Int, steps: Int?) {
        var count = 0
        var steps: Int?
        for value in values {
            switch value.storage {
            case .samples(let samples):
                count = Swift.max(count, samples.count)
                steps = steps ?? samples.steps
            case .series(let xs): steps = steps ?? xs.count
            case .scalar, .never: break
            }
        }
        return (count, steps)
    }

    /// The column this operand gives at `step`; samples of another size give "no number".
    private func column(_ step: Int, count: Int) -> Column {
        switch storage {
        case .scalar(let x): return .constant(x)
        case .series(let xs): return .constant(step < xs.count ? xs[step] : .nan)
        case .never: return .constant(.nan)
        case .samples(let samples):
            guard samples.count == count else { return .constant(.nan) }
            guard let steps = samples.steps else { return .samples(offset: 0) }
            return step < steps ? .samples(offset: step * count) : .constant(.nan)
        }
    }

    private var sampleNumbers: [Double] { samples?.numbers ?? [] }

    static func combineSamples<Operation: NumberOperation>(_ a: Value, _ b: Value,
                                                           _ operation: Operation) -> Samples {
        let (count, steps) = shape([a, b])
        let total = count * (steps ?? 1)
        let xs = a.sampleNumbers, ys = b.sampleNumbers
        var carried: UInt64 = 0
        let numbers = [Double](unsafeUninitializedCapacity: total) { out, initialized in
            carried = xs.withUnsafeBufferPointer { x in
                ys.withUnsafeBufferPointer { y in
                    var carry: UInt64 = 0
                    for step in 0..<(steps ?? 1) {
                        let base = step * count
                        switch (a.column(step, count: count), b.column(step, count: count)) {
                        case (.constant(let p), .constant(let q)):
                            let value = operation(p, q)
                            for i in 0..<count { out[base + i] = value }
                            carry |= FiniteCheck.carry(value)
                        case (.constant(let p), .samples(let offset)):
                            for i in 0..<count {
                                let value = operation(p, y[offset + i])
                                out[base + i] = value
                                carry |= FiniteCheck.carry(value)
                            }
                        case (.samples(let offset), .constant(let q)):
                            for i in 0..<count {
                                let value = operation(x[offset + i], q)
                                out[base + i] = value
                                carry |= FiniteCheck.carry(value)
                            }
                        case (.samples(let first), .samples(let second)):
                            for i in 0..<count {
                                let value = operation(x[first + i], y[second + i])
                                out[base + i] = value
                                carry |= FiniteCheck.carry(value)
                            }
                        }
                    }
                    return carry
                }
            }
            initialized = total
        }
        let never = (a.samples?.mayBeNever ?? false) || (b.samples?.mayBeNever ?? false)
        var result = Samples(count: count, steps: steps, numbers: numbers, mayBeNever: never)
        result.checkedFinite = FiniteCheck.allFinite(carried)
        return result
    }

    /// `if c then a else b` where any of them is uncertain: sample by sample.
    static func selectSamples(_ condition: Value, _ a: Value, _ b: Value) -> Samples {
        let (count, steps) = shape([condition, a, b])
        func number(_ value: Value, _ step: Int, _ sample: Int) -> Double {
            switch value.column(step, count: count) {
            case .constant(let x): return x
            case .samples(let offset): return value.sampleNumbers[offset + sample]
            }
        }
        var result = Samples.build(count: count, steps: steps) { step, sample in
            number(condition, step, sample) != 0 ? number(a, step, sample) : number(b, step, sample)
        }
        result.mayBeNever = (a.samples?.mayBeNever ?? false) || (b.samples?.mayBeNever ?? false)
        return result
    }

    /// One number per sample from its path, folded step by step (a sum, a minimum): an uncertain
    /// single value. Column by column, so no path is ever copied out.
    func acrossSteps(_ samples: Samples, _ fold: (Double, Double) -> Double) -> Value {
        guard samples.steps != nil else { return self }
        var numbers = Array(samples.column(0))
        for step in 1..<samples.columns {
            let base = step * samples.count
            samples.numbers.withUnsafeBufferPointer { source in
                for i in 0..<samples.count { numbers[i] = fold(numbers[i], source[base + i]) }
            }
        }
        return .uncertain(Samples(count: samples.count, steps: nil, numbers: numbers, mayBeNever: samples.mayBeNever),
                          dimension, label: label)
    }

    /// `e^(n · g)` for an uncertain single `g` (a logarithm of growth) over periods `n` that are
    /// whole multiples of one step (`t` on a timeline: 0, 1, 2… months): each step is the one
    /// before times `e^(n₁ · g)`, one multiplication per number instead of one exponential. The
    /// rounding error grows by at most half a unit in the last place per step. Nil when the
    /// periods are not evenly spaced from zero, or either operand has another shape.
    static func compoundingInSteps(_ logGrowth: Value, _ periods: Value) -> Value? {
        guard let samples = logGrowth.samples, samples.steps == nil, let steps = periods.series, steps.count > 1,
              steps[0] == 0, steps.indices.allSatisfy({ steps[$0] == Double($0) * steps[1] }) else { return nil }
        let count = samples.count
        let total = count * steps.count
        var carried: UInt64 = 0
        let numbers = [Double](unsafeUninitializedCapacity: total) { out, initialized in
            carried = samples.numbers.withUnsafeBufferPointer { g in
                var carry: UInt64 = 0
                for i in 0..<count { out[i] = 1 }
                for i in 0..<count { out[count + i] = exp(g[i] * steps[1]) }
                for step in 2..<steps.count {
                    let base = step * count
                    for i in 0..<count {
                        let value = out[base - count + i] * out[count + i]
                        out[base + i] = value
                        carry |= FiniteCheck.carry(value)
                    }
                }
                for i in 0..<count { carry |= FiniteCheck.carry(out[count + i]) }
                return carry
            }
            initialized = total
        }
        var result = Samples(count: count, steps: steps.count, numbers: numbers)
        result.checkedFinite = FiniteCheck.allFinite(carried)
        return .uncertain(result, .dimensionless, label: UnitLabel())
    }

    /// Each sample's running total along its path.
    func runningTotal(_ samples: Samples) -> Value {
        var numbers = samples.numbers
        for step in 1..<Swift.max(1, samples.columns) {
            let base = step * samples.count
            for i in 0..<samples.count { numbers[base + i] += numbers[base - samples.count + i] }
        }
        return .uncertain(Samples(count: samples.count, steps: samples.steps, numbers: numbers), dimension,
                          label: label)
    }
}
