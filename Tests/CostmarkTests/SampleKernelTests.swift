import Foundation
import ScenarioSyntax
import Semantics
import Testing
@testable import Runtime

/// The loops that run over columns of samples were rewritten for speed: rounding without a
/// library call per number, comparisons as types, compounding by multiplication, `first` column
/// by column, finiteness checked while writing. Each is held here to what it replaced.
@Suite struct SampleKernelTests {
    /// Numbers where roundings go wrong: zeros of both signs, whole numbers and halves with
    /// floating-point hairs either side, the 2^52 boundary, infinities and NaN, and random ones.
    static let awkwardNumbers: [Double] = {
        var numbers: [Double] = [0, -0.0, 0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1, -1, 2.5, -2.5,
                                 1e-300, -1e-300, 4_503_599_627_370_495.5, 4_503_599_627_370_496, 9.007e15, -9.007e15,
                                 1e300, -1e300, .infinity, -.infinity, .nan, .greatestFiniteMagnitude]
        for whole in [-1_000.0, -3, -1, 0, 1, 2, 7, 1e6, 1e9, 1e12] {
            for hair in [0, 1e-13, 1e-10, 4e-10, 6e-10, 1e-9, 1e-7, 1e-6, 0.25, 0.5] {
                numbers += [whole + hair, whole - hair]
            }
        }
        var generator = Sampling.Generator(seed: 11)
        for scale in [1.0, 10, 1e3, 1e8, 1e14] {
            numbers += (0..<400).map { _ in (generator.unit() - 0.5) * scale }
        }
        return numbers
    }()

    /// What `floor`, `ceil` and `round` computed before: the value to nine decimals of its unit,
    /// then the library's rounding, for every number.
    static func reference(_ value: Double, size: Double, _ round: (Double) -> Double) -> Double {
        let shown = value / size
        let scaled = shown * 1e9
        let cleaned = scaled.isFinite ? scaled.rounded() / 1e9 : shown
        return round(cleaned) * size
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    @Test func columnRoundingMatchesTheLibraryToTheBit() {
        for size in [1, 3_600, 0.001, 2_419_200] {
            let numbers = Self.awkwardNumbers.map { $0 * size }
            let cases: [([Double], (Double) -> Double)] = [
                (RoundedAsShown<RoundingDown>(size: size).apply(to: numbers), { $0.rounded(.down) }),
                (RoundedAsShown<RoundingUp>(size: size).apply(to: numbers), { $0.rounded(.up) }),
                (RoundedAsShown<RoundingHalfAway>(size: size).apply(to: numbers), { $0.rounded() }),
            ]
            for (rule, (column, library)) in cases.enumerated() {
                for (number, rounded) in zip(numbers, column) {
                    let expected = Self.reference(number, size: size, library)
                    #expect(Self.same(rounded, expected),
                            "rule \(rule), size \(size): \(number) gave \(rounded), not \(expected)")
                }
            }
        }
    }

    /// `quick` is used for numbers that are not within a hair of a whole number or a half.
    @Test func quickRoundingsMatchTheLibraryAwayFromJumps() {
        let numbers = Self.awkwardNumbers.filter { x in
            let doubled = abs(x * 2)
            return abs(doubled - doubled.rounded()) > 1e-7 * max(1, abs(x))
        }
        #expect(numbers.count > 1_000)
        for x in numbers {
            #expect(Self.same(RoundingDown.quick(x), x.rounded(.down)), "floor \(x)")
            #expect(Self.same(RoundingUp.quick(x), x.rounded(.up)), "ceil \(x)")
            #expect(Self.same(RoundingHalfAway.quick(x), x.rounded()), "round \(x)")
        }
    }

    /// Equality as the model meant it before comparisons became types: within 1e-12 of the
    /// larger for finite numbers, exact otherwise.
    static func approximatelyEqual(_ a: Double, _ b: Double) -> Bool {
        guard a.isFinite, b.isFinite else { return a == b }
        return a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
    }

    @Test func comparisonsMatchPlainComparisonWithApproximateEquality() {
        let tests: [(BinaryOperator, (Double, Double) -> Bool)] = [
            (.equal, { Self.approximatelyEqual($0, $1) }),
            (.notEqual, { !Self.approximatelyEqual($0, $1) }),
            (.less, { $0 < $1 && !Self.approximatelyEqual($0, $1) }),
            (.lessEqual, { $0 <= $1 || Self.approximatelyEqual($0, $1) }),
            (.greater, { $0 > $1 && !Self.approximatelyEqual($0, $1) }),
            (.greaterEqual, { $0 >= $1 || Self.approximatelyEqual($0, $1) }),
            (.and, { $0 != 0 && $1 != 0 }),
            (.or, { $0 != 0 || $1 != 0 }),
        ]
        let numbers = Self.awkwardNumbers.filter { !$0.isNaN }
        let others = numbers.flatMap { [$0, $0 * (1 + 1e-13), $0 * (1 - 1e-11), $0 + 1] }
        let left = Value.series(numbers.flatMap { x in Array(repeating: x, count: 4) }, .dimensionless)
        let right = Value.series(others, .dimensionless)
        for (op, expected) in tests {
            let results = Value.compare(op, left, right).series ?? []
            for (index, result) in results.enumerated() {
                let (a, b) = (numbers[index / 4], others[index])
                #expect(result == (expected(a, b) ? 1 : 0), "\(op): \(a) against \(b)")
            }
        }
    }

    @Test func compoundingAlongATimelineAgreesWithPowers() throws {
        let text = """
        unit month = 4 weeks
        timeline = 0..24 months
        samples = 1000
        growth = 1%/week to 9%/week
        load = compound(growth, t)
        """
        let fragment = SourceFragment(standalone: text, path: "t")
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        #expect(errors.isEmpty)
        let result = Evaluator.run(scenario)
        let growth = try #require(result.value(of: "growth")?.samples)
        let load = try #require(result.value(of: "load")?.samples)
        #expect(load.steps == 25 && load.count == 1_000)
        for sample in stride(from: 0, to: 1_000, by: 37) {
            let weekly = growth.numbers[sample] * 604_800   // per second to per week
            for step in 0..<25 {
                let exact = pow(1 + weekly, Double(step) * 4)
                let drawn = load.numbers[step * 1_000 + sample]
                #expect(abs(drawn - exact) <= 1e-13 * exact, "sample \(sample), month \(step)")
            }
        }
    }

    @Test func overflowInAColumnIsStillReported() {
        let text = """
        samples = 200
        big = 1e150 to 1e160
        square = big * big
        """
        let fragment = SourceFragment(standalone: text, path: "t")
        let (scenario, _) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        let messages = Evaluator.run(scenario).diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("`big * big` is too large to compute with") }, "\(messages)")
    }

    /// Every uncertain value a scenario keeps was checked once, so reading it (a name in the
    /// model, an inline value, a chart) does not scan its column again.
    @Test func keptColumnsAreMarkedChecked() throws {
        let text = """
        timeline = 0..12 weeks
        samples = 500
        growth = 1%/week to 9%/week
        load = floor(compound(growth, t) * 10)
        total = cumsum(load)
        late = first(total > 400)
        """
        let fragment = SourceFragment(standalone: text, path: "t")
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        #expect(errors.isEmpty)
        let result = Evaluator.run(scenario)
        #expect(result.diagnostics.isEmpty)
        for name in ["growth", "load", "total", "late"] {
            #expect(try #require(result.value(of: name)?.samples).checkedFinite, "`\(name)`")
        }
    }

    @Test func samplesEqualityIgnoresWhetherFinitenessWasChecked() {
        var checked = Samples(count: 2, steps: nil, numbers: [1, 2])
        checked.checkedFinite = true
        let unchecked = Samples(count: 2, steps: nil, numbers: [1, 2])
        #expect(checked == unchecked && checked.hashValue == unchecked.hashValue)
        checked.numbers = [1, .infinity]
        #expect(!checked.checkedFinite, "new numbers are not yet checked")
    }
}
