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
    usage: costmark-fuzz TARGET FILE|FOLDER…          replay inputs, printing each one's time
           costmark-fuzz TARGET --mutate N [--seed S] [--dict FILE] SEEDS…
                                                     run the Swift mutation fuzzer for N inputs
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
        var mutations: Int?
        var seed: UInt64 = 1
        var tokens: [[UInt8]] = []
        var paths: [String] = []
        while !arguments.isEmpty {
            let argument = arguments.removeFirst()
            switch argument {
            case "--mutate": mutations = arguments.isEmpty ? nil : Int(arguments.removeFirst())
            case "--seed": seed = arguments.isEmpty ? 1 : UInt64(arguments.removeFirst()) ?? 1
            case "--dict":
                if !arguments.isEmpty, let text = try? String(contentsOfFile: arguments.removeFirst(), encoding: .utf8) {
                    tokens = FuzzDictionary.parse(text)
                }
            default: paths.append(argument)
            }
        }
        let files = paths.flatMap(expand)
        if let mutations {
            var fuzzer = MutationFuzzer(seeds: files.compactMap { FileManager.default.contents(atPath: $0).map(Array.init) },
                                        tokens: tokens, seed: seed)
            let start = Date()
            for number in 0..<mutations {
                let input = fuzzer.next()
                // Kept on disk while it runs: after a crash, this is the input.
                _ = FileManager.default.createFile(atPath: "costmark-fuzz-current.\(target.rawValue)", contents: Data(input))
                let began = Date()
                target.run(input)
                let seconds = Date().timeIntervalSince(began)
                if seconds > 2 { print("input \(number): \(String(format: "%.2f", seconds)) s (slow), \(input.count) bytes") }
            }
            try? FileManager.default.removeItem(atPath: "costmark-fuzz-current.\(target.rawValue)")
            print("\(mutations) inputs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, no crash")
            return
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            // Named before it runs: after a crash, the last name printed is the input.
            FileHandle.standardOutput.write(Data("\(file): ".utf8))
            let began = Date()
            target.run(Array(data))
            FileHandle.standardOutput.write(Data(String(format: "%.3f s\n", Date().timeIntervalSince(began)).utf8))
        }
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

#endif
