/// Order statistics of a large column without sorting it or running quickselect's unpredictable
/// branches: one pass finds the range, one puts each value in one of equal-width buckets and
/// counts them, one gathers the few values of the buckets holding the wanted ranks, and only
/// those are sorted. The result is exactly the value of each rank, as a sort would give.
extension SeriesStatistics {
    /// Below this many values, or with values that are not finite, selection is used instead.
    static let bucketThreshold = 512

    /// The values at the given ranks (counted from 0), or nil when the method does not apply.
    static func valuesAtRanks(_ values: UnsafeBufferPointer<Double>, _ ranks: [Int]) -> [Double]? {
        let count = values.count
        guard count >= bucketThreshold else { return nil }
        let (low, high) = range(values)
        guard low.isFinite, high.isFinite else { return nil }
        if low == high { return ranks.map { _ in low } }
        let buckets = Swift.min(4_096, count / 4)
        let scale = Double(buckets) / (high - low)
        guard scale.isFinite else { return nil }
        var bucketOf = [UInt16](repeating: 0, count: count)
        var below = [Int](repeating: 0, count: buckets + 1)   // below[b]: values in buckets before b
        bucketOf.withUnsafeMutableBufferPointer { bucketOf in
            below.withUnsafeMutableBufferPointer { below in
                let last = Double(buckets - 1)
                for index in 0..<count {
                    // Compared as a Double first, so a NaN (which no caller passes) cannot trap.
                    let position = (values[index] - low) * scale
                    let bucket = Int(position < last ? position : last)
                    bucketOf[index] = UInt16(truncatingIfNeeded: bucket)
                    below[bucket + 1] &+= 1
                }
                for bucket in 1...buckets { below[bucket] += below[bucket - 1] }
            }
        }
        let rankBuckets = ranks.map { rank in bucket(holding: rank, below: below) }
        return gathered(values, bucketOf: bucketOf, below: below, rankBuckets: rankBuckets, ranks: ranks)
    }

    /// The smallest and largest value, in four interleaved runs so that no comparison waits for
    /// the one before it.
    private static func range(_ values: UnsafeBufferPointer<Double>) -> (Double, Double) {
        var low = (values[0], values[0], values[0], values[0]), high = low
        var index = 0
        while index + 4 <= values.count {
            let (a, b, c, d) = (values[index], values[index + 1], values[index + 2], values[index + 3])
            low = (a < low.0 ? a : low.0, b < low.1 ? b : low.1, c < low.2 ? c : low.2, d < low.3 ? d : low.3)
            high = (a > high.0 ? a : high.0, b > high.1 ? b : high.1, c > high.2 ? c : high.2, d > high.3 ? d : high.3)
            index += 4
        }
        for x in values[index...] {
            low.0 = x < low.0 ? x : low.0
            high.0 = x > high.0 ? x : high.0
        }
        return (Swift.min(low.0, low.1, low.2, low.3), Swift.max(high.0, high.1, high.2, high.3))
    }

    /// The bucket `b` holding rank `rank`: the last one with fewer than `rank + 1` values before it.
    private static func bucket(holding rank: Int, below: [Int]) -> Int {
        var lower = 0, upper = below.count - 2
        while lower < upper {
            let middle = (lower + upper + 1) / 2
            if below[middle] <= rank { lower = middle } else { upper = middle - 1 }
        }
        return lower
    }

    /// The values of the wanted buckets, each bucket's sorted in place in one flat array, read
    /// at each rank's place within its bucket.
    private static func gathered(_ values: UnsafeBufferPointer<Double>, bucketOf: [UInt16], below: [Int],
                                 rankBuckets: [Int], ranks: [Int]) -> [Double] {
        let buckets = below.count - 1
        var start = [Int](repeating: -1, count: buckets)   // where a wanted bucket's values begin
        var size = 0
        for bucket in rankBuckets where start[bucket] < 0 {
            start[bucket] = size
            size += below[bucket + 1] - below[bucket]
        }
        var next = start
        var found = [Double](repeating: 0, count: size)
        found.withUnsafeMutableBufferPointer { found in
            next.withUnsafeMutableBufferPointer { next in
                bucketOf.withUnsafeBufferPointer { bucketOf in
                    for index in 0..<values.count {
                        let bucket = Int(bucketOf[index])
                        let slot = next[bucket]
                        if slot >= 0 {
                            found[slot] = values[index]
                            next[bucket] = slot + 1
                        }
                    }
                }
            }
            for bucket in Set(rankBuckets) {
                let range = start[bucket]..<(start[bucket] + below[bucket + 1] - below[bucket])
                var slice = UnsafeMutableBufferPointer(rebasing: found[range])
                slice.sort()
            }
        }
        return zip(ranks, rankBuckets).map { rank, bucket in found[start[bucket] + rank - below[bucket]] }
    }
}
