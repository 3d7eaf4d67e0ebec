import Dispatch
import Foundation
import FuzzTargets
import Testing

/// The fuzz corpus as tests. Every input that once crashed or hung a target
/// (`Tests/FuzzCorpus/regressions/<target>/`) and every seed is replayed in-process, then each
/// target gets a short mutation run with a fixed seed, so CI sees the same inputs every time.
/// `pending/` holds known crashers whose fix has not landed; they move to `regressions/` with it.
///
/// A crash while replaying takes the test process down (the replay is in-process, as the brief
/// for a regression is "this input runs"); the smoke run is a child process and keeps the input
/// it is on in `$TMPDIR/costmark-fuzz-smoke/<target>`.
@Suite(.serialized) struct FuzzRegressionTests {
    static let corpus = Repository.path("Tests/FuzzCorpus")
    /// libFuzzer calls an input over 2 s a hang (release build). A debug build on a shared
    /// machine runs several times slower, so an input fails here only past this.
    static let limit = 10.0
    /// Inputs per target in the smoke run, sized so all six take well under a minute in a debug build.
    static let smokeRuns: [FuzzTarget: Int] = [.scenario: 1_000, .inline: 400, .figure: 400, .frontMatter: 1_500, .template: 400, .page: 400]

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

    /// The smoke run: the Swift mutation fuzzer, `smokeRuns[target]` inputs from a fixed seed,
    /// in a child process (`costmark-fuzz --mutate`, built by `make test`), so that a crash fails
    /// this test with the input and its stack instead of ending the whole test run, and a hang
    /// is cut off by the child's own watchdog.
    @Test(arguments: FuzzTarget.allCases)
    func smoke(_ target: FuzzTarget) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.driver), "run `swift build` (make test does) before the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-fuzz-smoke")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keep = folder.appendingPathComponent(target.rawValue).path
        let seed = 0xC057_3A2C + FuzzTarget.allCases.firstIndex(of: target)!
        let run = try ProcessRunner.run(Self.driver, [
            target.rawValue, "--mutate", "\(Self.smokeRuns[target]!)", "--seed", "\(seed)", "--keep", keep,
            "--dict", Repository.path("scripts/fuzz/scenario.dict"), "--timeout", "\(Self.limit)", "--rss-limit-mb", "1024",
            "--max-len", "32768", "--max-repeat", "\(Self.smokeDepth)",
            "\(Self.corpus)/seeds/\(target.rawValue)", "\(Self.corpus)/regressions/\(target.rawValue)",
        ])
        guard run.status == 0 else {
            Issue.record(Comment(rawValue: """
            the smoke run of `\(target.rawValue)` (seed \(seed)) failed with status \(run.status):
            \(Self.summary(ofCrash: run.stderr))
            The input is in \(keep); replay it with `.build/debug/costmark-fuzz \(target.rawValue) \(keep)` \
            and keep it in Tests/FuzzCorpus/pending/\(target.rawValue)/ until it is fixed.
            """))
            return
        }
        print("fuzz smoke " + run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let driver = Repository.path(".build/debug/costmark-fuzz")

    /// The lines of a crash report worth reading: the message and the first frames with a source location.
    static func summary(ofCrash stderr: String) -> String {
        let lines = stderr.split(separator: "\n").map(String.init)
        let messages = lines.filter { $0.contains("Fatal error") || $0.contains("Program crashed") || $0.hasPrefix("costmark-fuzz:") }
        let frames = lines.filter { $0.contains(" at /") && !$0.contains("/FuzzTargets/") && !$0.contains("/costmark-fuzz/") }
            .prefix(4).map { "  " + $0.trimmingCharacters(in: .whitespaces) }
        return (messages.prefix(2) + frames).joined(separator: "\n")
    }

    /// Brackets and repeats in the smoke run: as deep as the known stack overflows (1,000 levels).
    static let smokeDepth = 2_000

    /// 100,000 one-line definitions are refused by the block's size limit at once, and a chain of
    /// definitions at the statement limit is ordered and checked without quadratic work.
    @Test func manyShortScenarioLines() {
        var text = "a0 = 1\n"
        for index in 1..<100_000 { text += "a\(index) = a\(index - 1) + 1\n" }
        let elapsed = Self.seconds { FuzzTarget.scenario.run(Array(text.utf8)) }
        print("fuzz: 100,000 scenario lines in \(String(format: "%.2f", elapsed)) s")
        #expect(elapsed < Self.limit, "100,000 scenario lines took \(elapsed) s")
        var chain = "a0 = 1\n"
        for index in 1..<5_000 { chain += "a\(index) = a\(index - 1) + 1\n" }
        let chainElapsed = Self.seconds { FuzzTarget.scenario.run(Array(chain.utf8)) }
        print("fuzz: a chain of 5,000 definitions in \(String(format: "%.2f", chainElapsed)) s")
        #expect(chainElapsed < Self.limit, "5,000 chained definitions took \(chainElapsed) s")
    }
}
