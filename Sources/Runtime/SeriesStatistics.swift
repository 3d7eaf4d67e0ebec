#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic behind the series functions (`median`, `percentile`, `fit_growth`), on plain
/// numbers in base units: the evaluator checks arguments and attaches units around it.
public enum SeriesStatistics {
    /// Linear interpolation between the closest ranks (numpy's default, spreadsheets'
    /// PERCENTILE.INC): `share` 0.9 of eight values sits at rank 6.3 counted from 0. `values`
    /// must not be empty; `share` is from 0 to 1.
    public static func percentile(_ values: [Double], _ share: Double) -> Double {
        let (lower, fraction) = rank(share, count: values.count)
        var work = values
        return work.withUnsafeMutableBufferPointer { buffer -> Double in
            select(lower, in: buffer)
            let below = buffer[lower]
            guard lower + 1 < buffer.count, fraction > 0 else { return below }
            // Everything after `lower` is at least as large: the next rank is the smallest of it.
            var above = buffer[lower + 1]
            for index in (lower + 2)..<buffer.count where buffer[index] < above { above = buffer[index] }
            return below + fraction * (above - below)
        }
    }

    /// Several percentiles of one set of values, from one copy of them: the ranks are selected in
    /// increasing order, each within what lies above the previous one, so the work is a few
    /// linear passes rather than a sort. `shares` in any order; results in the same order.
    /// With `nearestRank`, each percentile is the value at the nearest rank, never between two.
    public static func percentiles(_ values: [Double], _ shares: [Double], nearestRank: Bool = false) -> [Double] {
        values.withUnsafeBufferPointer { percentiles($0, shares, nearestRank: nearestRank) }
    }

    /// `percentiles` of numbers in place (a column of samples), copied only when the buckets'
    /// method does not apply.
    static func percentiles(_ values: UnsafeBufferPointer<Double>, _ shares: [Double],
                            nearestRank: Bool = false) -> [Double] {
        guard !values.isEmpty else { return shares.map { _ in .nan } }
        if let found = byBuckets(values, shares, nearestRank: nearestRank) { return found }
        var work = Array(values)
        var results = [Double](repeating: .nan, count: shares.count)
        let order = shares.indices.sorted { shares[$0] < shares[$1] }
        work.withUnsafeMutableBufferPointer { buffer in
            var settled = 0   // everything before `settled` is in its final sorted place
            for index in order {
                var (lower, fraction) = rank(shares[index], count: buffer.count)
                if nearestRank {
                    lower = Int((shares[index] * Double(buffer.count - 1)).rounded())
                    fraction = 0
                }
                if lower >= settled {
                    let rest = UnsafeMutableBufferPointer(rebasing: buffer[settled...])
                    select(lower - settled, in: rest)
                    settled = lower + 1
                }
                let below = buffer[lower]
                guard lower + 1 < buffer.count, fraction > 0 else {
                    results[index] = below
                    continue
                }
                if settled < lower + 2 {
                    // The smallest of what lies above `lower` is the next rank: one scan, moved into place.
                    var smallest = lower + 1
                    for position in (lower + 2)..<buffer.count where buffer[position] < buffer[smallest] {
                        smallest = position
                    }
                    buffer.swapAt(lower + 1, smallest)
                    settled = lower + 2
                }
                let above = buffer[lower + 1]
                results[index] = above.isFinite ? below + fraction * (above - below) : above
            }
        }
        return results
    }

    /// `percentiles` through `valuesAtRanks`, or nil when that does not apply.
    private static func byBuckets(_ values: UnsafeBufferPointer<Double>, _ shares: [Double],
                                  nearestRank: Bool) -> [Double]? {
        let places = shares.map { share -> (Int, Double) in
            nearestRank ? (Int((share * Double(values.count - 1)).rounded()), 0) : rank(share, count: values.count)
        }
        let ranks = places.flatMap { lower, fraction in
            fraction > 0 && lower + 1 < values.count ? [lower, lower + 1] : [lower]
        }
        guard let found = valuesAtRanks(values, ranks) else { return nil }
        var next = 0
        return places.map { lower, fraction in
            let below = found[next]
            next += 1
            guard fraction > 0, lower + 1 < values.count else { return below }
            let above = found[next]
            next += 1
            return below + fraction * (above - below)
        }
    }

    /// The same percentile from values already sorted in ascending order, each multiplied by
    /// `scale` first (a column sorted in its file's unit, read in base units): the result is the
    /// one `percentile` gives for the scaled values, to the last bit.
    public static func percentile(sorted: [Double], scale: Double, _ share: Double) -> Double {
        let (lower, fraction) = rank(share, count: sorted.count)
        let below = sorted[lower] * scale
        guard lower + 1 < sorted.count, fraction > 0 else { return below }
        let above = sorted[lower + 1] * scale
        // Samples where `first` never holds are +infinity: past the last finite one, the
        // percentile is "never" rather than infinity minus infinity.
        guard above.isFinite else { return above }
        return below + fraction * (above - below)
    }

    /// The rank below the percentile, counted from 0, and how far the percentile lies towards the next.
    private static func rank(_ share: Double, count: Int) -> (Int, Double) {
        let position = share * Double(count - 1)
        let lower = Int(position.rounded(.down))
        return (lower, position - Double(lower))
    }

    /// Moves the value of rank `k` (counted from 0) to index `k`, with nothing larger before it
    /// and nothing smaller after it: quickselect, in linear time on average rather than a
    /// sort's n log n. The pivot is the median of three; after `2 log2(n)` rounds that do not
    /// shrink the range enough, the rest is sorted, which bounds the worst case.
    static func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>) {
        var low = 0, high = buffer.count - 1
        var rounds = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
        while high > low {
            if rounds == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: buffer[low...high])
                rest.sort()
                return
            }
            rounds -= 1
            let middle = low + (high - low) / 2
            if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
            if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
            if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
            let pivot = buffer[middle]
            // Hoare partition: afterwards [low...j] <= pivot <= [i...high].
            var i = low, j = high
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }

    /// The sample standard deviation (n − 1 in the denominator; 0 for a single value).
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The compound growth per step that fits `values` best by least squares on their logarithm:
    /// the slope `b` of ln(value) against the step number gives e^b − 1. `values` must hold at
    /// least two numbers, all positive.
    public static func growthPerStep(_ values: [Double]) -> Double {
        // x is the step 0, 1, …, n−1: its mean is (n−1)/2 and its spread n(n²−1)/12. As the
        // deviations of x sum to zero, any constant may be taken from the logarithms without
        // changing the covariance: taking the first keeps the terms small. One pass, no arrays.
        let n = Double(values.count)
        let meanX = (n - 1) / 2
        let offset = log(values[0])
        var covariance = 0.0
        for (index, value) in values.enumerated() { covariance += (Double(index) - meanX) * (log(value) - offset) }
        let variance = n * (n * n - 1) / 12
        return exp(covariance / variance) - 1
    }
}
