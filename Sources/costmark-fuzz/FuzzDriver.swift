import FuzzTargets
import Foundation

// Two builds of one executable:
//
// - `make fuzz` builds it with `-sanitize=fuzzer -DCOSTMARK_LIBFUZZER`: libFuzzer drives the
//   target named by `COSTMARK_FUZZ_TARGET`, and every libFuzzer flag works
//   (`-max_total_time=60 -timeout=2 -dict=scripts/fuzz/scenario.dict CORPUS SEEDS`).
// - A normal build (`swift build --product costmark-fuzz`) replays files through a target, to
//   reproduce a crash with a Swift backtrace, or runs the Swift mutation fuzzer.

#if COSTMARK_LIBFUZZER

/// libFuzzer's entry point when the program has its own `main` (SwiftPM links an executable
/// through `<module>_main`, so libFuzzer's `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

nonisolated(unsafe) var selectedTarget = FuzzTarget.scenario

@_cdecl("costmark_fuzz_main")
func costmarkFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let name = ProcessInfo.processInfo.environment["COSTMARK_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("""
        Set COSTMARK_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
        \(FuzzTarget.allCases.map { "  \($0.rawValue): \($0.inputFormat)" }.joined(separator: "\n"))

        """.utf8))
        return 2
    }
    selectedTarget = target
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        selectedTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}

#else

@main
enum FuzzDriver {
    static let usage = """
    usage: costmark-fuzz TARGET FILE|FOLDER…      replay inputs, printing each one's time
           costmark-fuzz TARGET --mutate N [options] SEEDS…
                                                 the Swift mutation fuzzer, N inputs from the seed files
      --seed S             generator seed (default 1); the same seed gives the same inputs
      --dict FILE          tokens in libFuzzer's dictionary format
      --keep PATH          where the input being run is kept (default costmark-fuzz-current)
      --timeout SECONDS    an input running longer is a hang: exit 70 (default 10)
      --rss-limit-mb MB    more resident memory is a failure: exit 71 (default 1024)
      --max-len BYTES      longest input (default 65536)
      --max-repeat N       most copies or bracket levels one mutation adds (default 2000)
    This build has no libFuzzer; `make fuzz` builds the one that has.
    targets:
    \(FuzzTarget.allCases.map { "  \($0.rawValue): \($0.inputFormat)" }.joined(separator: "\n"))
    """

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print(usage)
            exit(2)
        }
        arguments.removeFirst()
        var options: [String: String] = [:]
        var paths: [String] = []
        while !arguments.isEmpty {
            let argument = arguments.removeFirst()
            if argument.hasPrefix("--"), !arguments.isEmpty {
                options[String(argument.dropFirst(2))] = arguments.removeFirst()
            } else {
                paths.append(argument)
            }
        }
        let files = paths.flatMap(expand)
        if let count = options["mutate"].flatMap(Int.init) {
            mutate(target, count: count, seeds: files, options: options)
        } else {
            replay(target, files)
        }
    }

    static func replay(_ target: FuzzTarget, _ files: [String]) {
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            // Named before it runs: after a crash, the last name printed is the input.
            FileHandle.standardOutput.write(Data("\(file): ".utf8))
            let began = Date()
            target.run(Array(data))
            FileHandle.standardOutput.write(Data(String(format: "%.3f s\n", Date().timeIntervalSince(began)).utf8))
        }
    }

    static func mutate(_ target: FuzzTarget, count: Int, seeds: [String], options: [String: String]) {
        let tokens = options["dict"].flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map(FuzzDictionary.parse) ?? []
        var fuzzer = MutationFuzzer(seeds: seeds.compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }, tokens: tokens,
                                    seed: options["seed"].flatMap(UInt64.init) ?? 1,
                                    maximumLength: options["max-len"].flatMap(Int.init) ?? 65_536,
                                    maximumRepeat: options["max-repeat"].flatMap(Int.init) ?? 2_000)
        let keep = options["keep"] ?? "costmark-fuzz-current"
        let watchdog = Watchdog(timeout: options["timeout"].flatMap(Double.init) ?? 10,
                                rssLimit: (options["rss-limit-mb"].flatMap(Int.init) ?? 1_024) << 20, keep: keep)
        var slowest = (number: 0, seconds: 0.0, bytes: 0)
        let start = Date()
        for number in 0..<count {
            let input = fuzzer.next()
            // Kept on disk while it runs: after a crash or a hang, this is the input.
            _ = FileManager.default.createFile(atPath: keep, contents: Data(input))
            watchdog.begin(number)
            let began = Date()
            target.run(input)
            let seconds = Date().timeIntervalSince(began)
            watchdog.end()
            if seconds > slowest.seconds { slowest = (number, seconds, input.count) }
        }
        try? FileManager.default.removeItem(atPath: keep)
        print(String(format: "%@: %d inputs in %.2f s, no crash, no hang; slowest: input %d (%d bytes) %.3f s, peak memory %d MB",
                     target.rawValue, count, Date().timeIntervalSince(start), slowest.number, slowest.bytes, slowest.seconds,
                     Watchdog.residentBytes() >> 20))
    }

    /// A file, or the files in a folder, sorted.
    static func expand(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }
}

/// libFuzzer's `-timeout` and `-rss_limit_mb` for the Swift fuzzer: a thread that ends the
/// process, naming the input, when one runs too long or memory grows past the limit.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (number: Int, start: Date)?

    init(timeout: Double, rssLimit: Int, keep: String) {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                guard let (number, start) = lock.withLock({ current }) else { continue }
                let problem: (String, Int32)?
                if Date().timeIntervalSince(start) > timeout {
                    problem = ("hang: input \(number) ran over \(timeout) s", 70)
                } else if Watchdog.residentBytes() > rssLimit {
                    problem = ("out of memory: input \(number) took over \(rssLimit >> 20) MB", 71)
                } else {
                    problem = nil
                }
                if let (message, status) = problem {
                    FileHandle.standardError.write(Data("costmark-fuzz: \(message); the input is in \(keep)\n".utf8))
                    _exit(status)
                }
            }
        }
    }

    func begin(_ number: Int) { lock.withLock { current = (number, Date()) } }
    func end() { lock.withLock { current = nil } }

    /// Resident memory, from `/proc/self/statm` (0 where there is none).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}

#endif
