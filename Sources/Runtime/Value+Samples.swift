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
                    // Raw pointers and plain counted loops: no index arithmetic to check for
                    // overflow, so the compiler vectorizes each loop.
                    for step in 0..<(steps ?? 1) {
                        let o = out.baseAddress! + step * count
                        @inline(__always) func write(_ number: (Int) -> Double) {
                            for i in 0..<count {
                                let value = number(i)
                                o[i] = value
                                carry |= FiniteCheck.carry(value)
                            }
                        }
                        switch (a.column(step, count: count), b.column(step, count: count)) {
                        case (.constant(let p), .constant(let q)):
                            let value = operation(p, q)
                            write { _ in value }
                        case (.constant(let p), .samples(let offset)):
                            let ys = y.baseAddress! + offset
                            write { operation(p, ys[$0]) }
                        case (.samples(let offset), .constant(let q)):
                            let xs = x.baseAddress! + offset
                            write { operation(xs[$0], q) }
                        case (.samples(let first), .samples(let second)):
                            let xs = x.baseAddress! + first, ys = y.baseAddress! + second
                            write { operation(xs[$0], ys[$0]) }
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
    func acrossSteps<Fold: NumberOperation>(_ samples: Samples, _ fold: Fold) -> Value {
        guard samples.steps != nil else { return self }
        let count = samples.count
        var numbers = Array(samples.column(0))
        numbers.withUnsafeMutableBufferPointer { folded in
            samples.numbers.withUnsafeBufferPointer { source in
                let into = folded.baseAddress!
                for step in 1..<samples.columns {
                    let column = source.baseAddress! + step * count
                    for i in 0..<count { into[i] = fold(into[i], column[i]) }
                }
            }
        }
        return .uncertain(Samples(count: count, steps: nil, numbers: numbers, mayBeNever: samples.mayBeNever),
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
                let o = out.baseAddress!, first = o + count, g = g.baseAddress!, period = steps[1]
                var carry: UInt64 = 0
                for i in 0..<count { o[i] = 1 }
                for i in 0..<count {
                    first[i] = exp(g[i] * period)
                    carry |= FiniteCheck.carry(first[i])
                }
                for step in 2..<steps.count {
                    let row = o + step * count, previous = row - count
                    for i in 0..<count {
                        let value = previous[i] * first[i]
                        row[i] = value
                        carry |= FiniteCheck.carry(value)
                    }
                }
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
        let count = samples.count
        numbers.withUnsafeMutableBufferPointer { numbers in
            for step in 1..<Swift.max(1, samples.columns) {
                let row = numbers.baseAddress! + step * count, previous = row - count
                for i in 0..<count { row[i] += previous[i] }
            }
        }
        return .uncertain(Samples(count: count, steps: samples.steps, numbers: numbers), dimension,
                          label: label)
    }
}
