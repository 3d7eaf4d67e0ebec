import Foundation

/// How two sets of measurements (a benchmark's runs now and at a baseline) differ, judged with
/// their noise. `regression(new, old)` is the relative change of the median when a permutation
/// test finds the means differ at 95% in the direction they moved (one-sided), and 0 when it
/// does not: a claim `regression(…) < 5%` then fails on a real slowdown and holds on noise.
/// The permutation test makes no assumption about the distribution (its false alarms are at
/// most 5% whatever the noise looks like) and has the t-test's power on well-behaved noise;
/// Mann–Whitney's U, measured the same way, missed more real slowdowns (docs/history.md).
/// `change(new, old)` is the relative change of the medians with its spread, from resampling
/// each set (a bootstrap), seeded.
public enum MeasuredChange {
    /// One-sided significance level of `regression`.
    public static let level = 0.05
    /// Random rearrangements of the pooled runs the test draws.
    public static let permutations = 10_000

    /// The relative change of the medians, `new / old - 1`.
    public static func medianChange(_ new: [Double], _ old: [Double]) -> Double {
        median(new.sorted()) / median(old.sorted()) - 1
    }

    /// `regression(new, old)`: the median's relative change when significant, else 0.
    public static func regression(_ new: [Double], _ old: [Double]) -> Double {
        guard pValue(new, old) < level else { return 0 }
        return medianChange(new, old)
    }

    /// The one-sided p-value, in the direction the means moved, of a permutation test of the
    /// difference of the means: the share of random splits of the pooled runs into sets of the
    /// same sizes whose difference is at least as large (seeded by the runs themselves, so the
    /// same files always give the same answer).
    public static func pValue(_ new: [Double], _ old: [Double]) -> Double {
        let pooled = new + old
        guard !new.isEmpty, !old.isEmpty else { return 1 }
        let total = pooled.reduce(0, +)
        let n1 = new.count
        let observed = new.reduce(0, +) / Double(n1) - (total - new.reduce(0, +)) / Double(old.count)
        guard observed != 0 else { return 1 }
        let upward = observed > 0
        var generator = Sampling.Generator(seed: seed(pooled))
        var order = Array(pooled.indices)
        var atLeast = 0
        for _ in 0..<permutations {
            // The first n1 of a partial Fisher–Yates shuffle are a random subset of size n1.
            var sum = 0.0
            for index in 0..<n1 {
                let pick = index + Int(generator.next() % UInt64(order.count - index))
                order.swapAt(index, pick)
                sum += pooled[order[index]]
            }
            let difference = sum / Double(n1) - (total - sum) / Double(old.count)
            // A tolerance so that splits equal to the observed one count, whatever the rounding.
            let slack = 1e-12 * Swift.max(1, abs(observed))
            if upward ? difference >= observed - slack : difference <= observed + slack { atLeast += 1 }
        }
        return Double(atLeast + 1) / Double(permutations + 1)
    }

    private static func seed(_ values: [Double]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `count` draws of the relative change of the medians, each from the two sets resampled
    /// with replacement: the spread of `change(new, old)`.
    public static func bootstrap(_ new: [Double], _ old: [Double], count: Int, seed: UInt64) -> [Double] {
        var generator = Sampling.Generator(seed: seed)
        var drawnNew = [Double](repeating: 0, count: new.count), drawnOld = [Double](repeating: 0, count: old.count)
        func draw(_ from: [Double], into drawn: inout [Double]) {
            for index in drawn.indices { drawn[index] = from[Int(generator.unit() * Double(from.count))] }
            drawn.sort()
        }
        return (0..<count).map { _ in
            draw(new, into: &drawnNew)
            draw(old, into: &drawnOld)
            return median(drawnNew) / median(drawnOld) - 1
        }
    }

    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
