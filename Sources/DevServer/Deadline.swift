/// Thrown by `withDeadline` when the time runs out first.
struct DeadlinePassed: Error {}

/// Runs `operation`, cancelling it and throwing `DeadlinePassed` if it takes longer than
/// `seconds`. Socket reads and writes wait in FlyingSocks' pool, which ends a wait when its
/// task is cancelled, so a silent client cannot hold a connection past the deadline.
func withDeadline<Value: Sendable>(seconds: Double,
                                   _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1e9))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
        return value
    }
}
