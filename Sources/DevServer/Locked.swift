import Foundation

/// A value set once and taken once from different threads: the listener a server stops, the
/// task a listener cancels. A lock rather than an actor, so `stop()` can stay synchronous.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ value: Value) {
        lock.withLock { self.value = value }
    }

    func take() -> Value? {
        lock.withLock { defer { value = nil }; return value }
    }
}
