import Dispatch
import Foundation
import FuzzTargets
import Testing

/// The fuzz corpus as tests. Every input that once crashed or hung a target
/// (`Tests/FuzzCorpus/regressions/<target>/`) and every seed is replayed in-process, then each
/// target gets a short mutation run with a fixed seed, so CI sees the same inputs every time.
/// `pending/` holds known crashers whose fix has not landed; they move to `regressions/` with it.
///
/// A crash here takes the test process down: the last lines printed name the input, and the
/// smoke run keeps the input it is on in `$TMPDIR/costmark-fuzz-smoke/<target>`.
@Suite(.serialized) struct FuzzRegressionTests {
    static let corpus = Repository.path("Tests/FuzzCorpus")
    /// libFuzzer calls an input over 2 s a hang (release build). A debug build on a shared
    /// machine runs several times slower, so an input fails here only past this.
    static let limit = 10.0
    /// Inputs per target in the smoke run, sized so all six take well under a minute in a debug build.
    static let smokeRuns: [FuzzTarget: Int] = [.scenario: 600, .inline: 300, .figure: 150, .frontMatter: 600, .template: 60, .page: 60]

    static func files(_ folder: String, _ target: FuzzTarget) -> [String] {
        let path = "\(corpus)/\(folder)/\(target.rawValue)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func describe(_ times: [(String, Double)]) -> String {
        times.sorted { $0.1 > $1.1 }.prefix(3).map { "\(($0.0 as NSString).lastPathComponent) \(String(format: "%.3f", $0.1)) s" }
            .joined(separator: ", ")
    }

    @Test func corpusFoldersNameTargets() {
        for folder in ["seeds", "regressions", "pending"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(Self.corpus)/\(folder)")) ?? []
            for name in names where !name.hasPrefix(".") {
                #expect(FuzzTarget(rawValue: name) != nil, "\(folder)/\(name) is not a fuzz target")
            }
        }
        for target in FuzzTarget.allCases { #expect(!Self.files("seeds", target).isEmpty, "no seeds for \(target.rawValue)") }
    }

    @Test(arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        var times: [(String, Double)] = []
        for path in Self.files("regressions", target) + Self.files("seeds", target) {
            let input = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let elapsed = Self.seconds { target.run(input) }
            times.append((path, elapsed))
            #expect(elapsed < Self.limit, "\(path) took \(elapsed) s")
        }
        print("fuzz replay \(target.rawValue): \(times.count) inputs in \(String(format: "%.2f", times.map(\.1).reduce(0, +))) s; slowest: \(Self.describe(times))")
    }

    @Test(arguments: FuzzTarget.allCases)
    func smoke(_ target: FuzzTarget) throws {
        let seeds = try (Self.files("seeds", target) + Self.files("regressions", target)).map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        let tokens = FuzzDictionary.parse(try String(contentsOfFile: Repository.path("scripts/fuzz/scenario.dict"), encoding: .utf8))
        #expect(tokens.count > 100)
        let seed = UInt64(FuzzTarget.allCases.firstIndex(of: target)!) + 0xC057_3A2C
        var fuzzer = MutationFuzzer(seeds: seeds, tokens: tokens, seed: seed, maximumLength: 32 * 1024, maximumRepeat: Self.smokeDepth)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-fuzz-smoke")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let current = folder.appendingPathComponent(target.rawValue)
        var times: [(String, Double)] = []
        for number in 0..<Self.smokeRuns[target]! {
            let input = fuzzer.next()
            try Data(input).write(to: current)
            let elapsed = Self.seconds { target.run(input) }
            times.append(("input \(number) (\(input.count) bytes)", elapsed))
            #expect(elapsed < Self.limit, "smoke input \(number) of \(target.rawValue) took \(elapsed) s; it is in \(current.path)")
        }
        try? FileManager.default.removeItem(at: current)
        print("fuzz smoke \(target.rawValue): \(times.count) inputs in \(String(format: "%.2f", times.map(\.1).reduce(0, +))) s; slowest: \(Self.describe(times))")
    }

    /// Brackets and repeats in the smoke run stay below the depth that still overflows the stack in
    /// a debug build; `pending/` holds those inputs until the parser is iterative or bounded.
    static let smokeDepth = 2_000

    /// 100,000 one-line definitions: the scenario pipeline should stay close to linear in the
    /// number of lines. Generated here rather than kept as a megabyte file.
    @Test func manyShortScenarioLines() {
        var text = "a0 = 1\n"
        for index in 1..<100_000 { text += "a\(index) = a\(index - 1) + 1\n" }
        let input = Array(text.utf8)
        let elapsed = Self.seconds { FuzzTarget.scenario.run(input) }
        print("fuzz: 100,000 scenario lines in \(String(format: "%.2f", elapsed)) s")
        #expect(elapsed < Self.limit * 3, "100,000 scenario lines took \(elapsed) s")
    }
}
