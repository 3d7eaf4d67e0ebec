/// Order statistics of a large column without sorting it or running quickselect's unpredictable
/// branches: one pass finds the range, one counts the values into equal-width buckets, one
/// gathers the few values of the buckets holding the wanted ranks, and only those are sorted.
/// The result is exactly the value of each rank, as a sort would give.
extension SeriesStatistics {
    /// Below this many values, or with values that are not finite, selection is used instead.
    static let bucketThreshold = 512

    /// The values at the given ranks (counted from 0), or nil when the method does not apply.
    static func valuesAtRanks(_ values: UnsafeBufferPointer<Double>, _ ranks: [Int]) -> [Double]? {
        let count = values.count
        guard count >= bucketThreshold else { return nil }
        var low = values[0], high = values[0]
        for x in values {
            low = Swift.min(low, x)
            high = Swift.max(high, x)
        }
        guard low.isFinite, high.isFinite else { return nil }
        if low == high { return ranks.map { _ in low } }
        let buckets = Swift.min(4_096, count / 4)
        let scale = Double(buckets) / (high - low)
        guard scale.isFinite else { return nil }
        @inline(__always) func bucket(_ x: Double) -> Int { Swift.min(buckets - 1, Int((x - low) * scale)) }
        var counts = [Int](repeating: 0, count: buckets + 1)
        for x in values { counts[bucket(x) + 1] += 1 }
        for index in 1...buckets { counts[index] += counts[index - 1] }   // counts[b]: values below bucket b
        // The bucket of each wanted rank, and a slot gathering that bucket's values.
        var slotOfBucket = [Int](repeating: -1, count: buckets)
        var slots: [[Double]] = []
        var starts: [Int] = []
        var rankBuckets: [Int] = []
        for rank in ranks {
            var lower = 0, upper = buckets - 1   // the last bucket b with counts[b] <= rank
            while lower < upper {
                let middle = (lower + upper + 1) / 2
                if counts[middle] <= rank { lower = middle } else { upper = middle - 1 }
            }
            rankBuckets.append(lower)
            if slotOfBucket[lower] < 0 {
                slotOfBucket[lower] = slots.count
                slots.append([])
                starts.append(counts[lower])
            }
        }
        for x in values {
            let slot = slotOfBucket[bucket(x)]
            if slot >= 0 { slots[slot].append(x) }
        }
        for index in slots.indices { slots[index].sort() }
        return zip(ranks, rankBuckets).map { rank, found in
            let slot = slotOfBucket[found]
            return slots[slot][rank - starts[slot]]
        }
    }
}
