import Foundation

/// A thread-safe collector: pages render in parallel and each may report problems.
public final class DiagnosticBag: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    /// Everything reported so far, in file/line/column order.
    public var all: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return Diagnostic.sortedForReport(items)
    }

    public var errorCount: Int {
        lock.lock(); defer { lock.unlock() }
        return items.filter { $0.severity == .error }.count
    }

    public var warningCount: Int {
        lock.lock(); defer { lock.unlock() }
        return items.filter { $0.severity == .warning }.count
    }

    public var hasErrors: Bool { errorCount > 0 }
}
