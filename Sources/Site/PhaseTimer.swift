import Dispatch
import Foundation

/// Prints how long each stage of a build took when `COSTMARK_TIMINGS` is set, for finding
/// where a rebuild's time goes without a profiler.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["COSTMARK_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    /// Put before each line: a stage's own steps are indented under it.
    private let indent: String

    init(indent: String = "") { self.indent = indent }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "%@%8.1f ms  %@\n", indent, Double(now - last) / 1e6, phase).utf8))
        last = now
    }

    /// A line of its own, about the phase just marked.
    func note(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
