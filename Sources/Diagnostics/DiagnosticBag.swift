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

extension Diagnostic {
    /// Messages about one file past this many are summed up in one line: a hostile or pasted
    /// essay can make tens of thousands, and each costs time to place and print.
    public static let maximumPerFile = 200

    /// The first `maximumPerFile` messages, then one line counting the rest.
    public static func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard diagnostics.count > maximumPerFile else { return diagnostics }
        let kept = Array(diagnostics.prefix(maximumPerFile))
        let more = diagnostics.count - maximumPerFile
        let severity: Severity = diagnostics.dropFirst(maximumPerFile).contains { $0.severity == .error } ? .error : .warning
        return kept + [Diagnostic(severity, "\(more) more problems in this file", at: .file(file))]
    }
}
