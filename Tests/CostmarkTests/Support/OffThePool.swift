import Foundation

/// Runs blocking work (curl, a raw socket read) on a thread of its own. Swift tasks share a
/// pool of one thread per core; a test that blocks them starves the server it is talking to,
/// which runs in the same process.
func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue(label: "costmark.tests.blocking").async {
            continuation.resume(with: Result { try body() })
        }
    }
}
