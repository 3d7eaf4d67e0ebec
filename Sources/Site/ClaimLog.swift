import Foundation
import LivePage

/// The claims of every essay rendered in one build, by essay, from the rendering threads: what
/// `check --format github` lists in a job summary.
final class ClaimLog: @unchecked Sendable {
    private let lock = NSLock()
    private var byFile: [String: [ClaimRecord]] = [:]

    func add(_ claims: [ClaimRecord], of file: String) {
        guard !claims.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        byFile[file] = claims
    }

    var all: [String: [ClaimRecord]] {
        lock.lock(); defer { lock.unlock() }
        return byFile
    }
}
