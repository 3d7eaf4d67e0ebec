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

    static func combineSamples(_ a: Value, _ b: Value, _ operation: (Double, Double) -> Double) -> Samples {
        let (count, steps) = shape([a, b])
        let total = count * (steps ?? 1)
        let xs = a.sampleNumbers, ys = b.sampleNumbers
        let numbers = [Double](unsafeUninitializedCapacity: total) { out, initialized in
            xs.withUnsafeBufferPointer { x in
                ys.withUnsafeBufferPointer { y in
                    for step in 0..<(steps ?? 1) {
                        let base = step * count
                        switch (a.column(step, count: count), b.column(step, count: count)) {
                        case (.constant(let p), .constant(let q)):
                            let value = operation(p, q)
                            for i in 0..<count { out[base + i] = value }
                        case (.constant(let p), .samples(let offset)):
                            for i in 0..<count { out[base + i] = operation(p, y[offset + i]) }
                        case (.samples(let offset), .constant(let q)):
                            for i in 0..<count { out[base + i] = operation(x[offset + i], q) }
                        case (.samples(let first), .samples(let second)):
                            for i in 0..<count { out[base + i] = operation(x[first + i], y[second + i]) }
                        }
                    }
                }
            }
            initialized = total
        }
        let never = (a.samples?.mayBeNever ?? false) || (b.samples?.mayBeNever ?? false)
        return Samples(count: count, steps: steps, numbers: numbers, mayBeNever: never)
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
