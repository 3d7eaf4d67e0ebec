import Dispatch

/// Runs `body` for 0..<count on all cores and returns the results in index order, so the output
/// is the same whatever order the threads finish in.
public func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    if count == 1 { return [body(0)] }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        let base = buffer.baseAddress!
        // Chunks amortize scheduling cost while still balancing uneven essays across cores.
        let chunk = max(1, min(64, count / 32))
        let chunks = (count + chunk - 1) / chunk
        nonisolated(unsafe) let target = base
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for index in c * chunk..<min(count, (c + 1) * chunk) {
                (target + index).initialize(to: body(index))
            }
        }
        initialized = count
    }
}
