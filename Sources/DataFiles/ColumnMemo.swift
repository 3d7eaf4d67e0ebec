import Foundation

/// Work on a column of numbers that every scenario reading its table would otherwise repeat:
/// the numbers scaled to a unit's base (`ms` → seconds), and sorted for ranking. A table is read
/// once per build and shared by all the essays that read it, so this is done once per build.
/// Thread-safe: essays render in parallel.
final class ColumnMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var scaled: [Double: [Double]] = [:]
    private var sorted: [Double]?
    private var rankings = 0

    func numbers(_ numbers: [Double], scaledBy factor: Double) -> [Double] {
        lock.lock()
        if let known = scaled[factor] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let result = numbers.map { $0 * factor }
        lock.lock()
        defer { lock.unlock() }
        if scaled.count < 8 { scaled[factor] = result }   // a few units at most; never unbounded
        return result
    }

    func ranked(_ numbers: [Double]) -> [Double]? {
        lock.lock()
        rankings += 1
        if let sorted {
            lock.unlock()
            return sorted
        }
        let first = rankings == 1
        lock.unlock()
        if first { return nil }
        let result = numbers.sorted()
        lock.lock()
        defer { lock.unlock() }
        if sorted == nil { sorted = result }
        return sorted
    }
}

extension DataColumn {
    /// The column's numbers times `factor` (the size of its header's unit in base units), made
    /// once per factor and shared by every scenario that reads the table. Nil for a column that
    /// does not hold numbers.
    public func numbers(scaledBy factor: Double) -> [Double]? {
        guard case .numbers(let numbers) = content else { return nil }
        if factor == 1 { return numbers }
        return memo.numbers(numbers, scaledBy: factor)
    }

    /// The column's numbers in ascending order, for a column ranked (`median`, `percentile`)
    /// more than once: the first ranking gets nil and selects in linear time, which is cheaper
    /// than sorting for one question; from the second on, every ranking shares one sorted copy.
    public func rankedNumbers() -> [Double]? {
        guard case .numbers(let numbers) = content else { return nil }
        return memo.ranked(numbers)
    }
}
