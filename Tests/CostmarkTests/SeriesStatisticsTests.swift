import DataFiles
import Runtime
import ScenarioSyntax
import Semantics
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic of the series functions against plain reference versions: a full sort for
/// percentiles, the two-pass least-squares fit for growth.
@Suite struct SeriesStatisticsTests {
    static func reference(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        let position = share * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    @Test func percentilesMatchASortedReference() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let shares = [0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 1]
        for size in [1, 2, 3, 4, 5, 7, 8, 16, 31, 100, 1_000, 10_001] {
            for spread in [3, 1_000_000] {     // many duplicates, then few
                let values = (0..<size).map { _ in Double(next(spread)) / 7 }
                for share in shares {
                    #expect(SeriesStatistics.percentile(values, share) == Self.reference(values, share),
                            "size \(size), spread \(spread), share \(share)")
                }
            }
        }
        let sorted = (0..<5_000).map(Double.init), reversed = Array(sorted.reversed())
        let organPipe = (0..<2_500).map(Double.init) + (0..<2_500).reversed().map(Double.init)
        for values in [sorted, reversed, organPipe, Array(repeating: 4.5, count: 3_000)] {
            for share in shares { #expect(SeriesStatistics.percentile(values, share) == Self.reference(values, share)) }
        }
        #expect(SeriesStatistics.percentile([212, 219, 225, 231, 228, 236, 241, 244], 0.9) == 241.9)
    }

    @Test func growthMatchesTheTwoPassFit() {
        for values in [[1_000.0, 1_100, 1_210], [5, 4, 6, 7, 6.5], (1...10_000).map { 40_000 * pow(1.001, Double($0)) + Double($0 % 7) }] {
            let n = Double(values.count)
            let xs = values.indices.map(Double.init), ys = values.map { log($0) }
            let meanX = xs.reduce(0, +) / n, meanY = ys.reduce(0, +) / n
            let covariance = zip(xs, ys).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
            let variance = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
            let expected = exp(covariance / variance) - 1
            #expect(abs(SeriesStatistics.growthPerStep(values) - expected) <= 1e-12 * max(1, abs(expected)))
        }
        #expect(abs(SeriesStatistics.growthPerStep([1_000, 1_100, 1_210]) - 0.1) < 1e-12)
    }

    @Test func percentilesOfSortedScaledValuesAreTheSameDoubles() {
        var state: UInt64 = 9
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 20) / 1e6
        }
        for size in [1, 2, 9, 1_000] {
            let values = (0..<size).map { _ in next() }
            for scale in [1, 0.001, 3_600, 1.08] {
                for share in [0, 0.1, 0.5, 0.9, 0.999, 1] {
                    let direct = SeriesStatistics.percentile(values.map { $0 * scale }, share)
                    let viaSorted = SeriesStatistics.percentile(sorted: values.sorted(), scale: scale, share)
                    #expect(direct.bitPattern == viaSorted.bitPattern, "size \(size), scale \(scale), share \(share)")
                }
            }
        }
    }

    /// A column ranked several times shares one sorted copy from the second ranking on; the
    /// answers are those of ranking a computed series of the same values.
    @Test func rankingAColumnAgainIsRankingItAfresh() throws {
        var rows = ["n,p99 (ms)"]
        for index in 0..<1_001 { rows.append("\(index),\(Double((index * 7_919) % 1_009) / 10 + 180)") }
        let data = InMemoryData(["d.csv": rows.joined(separator: "\n") + "\n"])
        let shares = [50, 90, 95, 99, 90, 10]
        var block = "d = csv(\"d.csv\")\np99 = d.p99\n"
        for (index, share) in shares.enumerated() {
            block += "plain\(index) = percentile(\(index % 2 == 0 ? "p99" : "d.p99"), \(share)%)\n"
            block += "computed\(index) = percentile(p99 + 0 ms, \(share)%)\n"
        }
        block += "middle = median(d.p99)\nmiddle_computed = median(p99 * 1)\n"
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: block, path: "e.md"),
                                                          data: data)
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let result = Evaluator.run(scenario)
        #expect(result.diagnostics.isEmpty)
        for index in shares.indices {
            let plain = try #require(result.value(of: "plain\(index)")?.scalar)
            let computed = try #require(result.value(of: "computed\(index)")?.scalar)
            #expect(plain.bitPattern == computed.bitPattern, "share \(shares[index])%")
        }
        #expect(result.value(of: "middle")?.scalar?.bitPattern == result.value(of: "middle_computed")?.scalar?.bitPattern)
    }
}
