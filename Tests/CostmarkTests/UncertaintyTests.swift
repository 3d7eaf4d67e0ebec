import Diagnostics
import Foundation
import Runtime
import ScenarioSyntax
import Semantics
import Testing

/// Ranges and distributions against closed forms. Tolerances come from the sample count: four
/// standard errors of the statistic for independent draws (Latin hypercube draws do better, so
/// these bounds are generous, never tight enough to flake).
@Suite struct UncertaintyTests {
    func run(_ text: String) -> (ScenarioResult, [String]) {
        let (scenario, errors) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: text, path: "t"))
        let result = Evaluator.run(scenario)
        return (result, (errors + result.diagnostics).map(\.message))
    }

    func samples(_ result: ScenarioResult, _ name: String) throws -> Samples {
        try #require(result.value(of: name)?.samples, "`\(name)` is uncertain")
    }

    /// Four standard errors of the `p` quantile of `n` draws where the density there is `density`.
    func quantileTolerance(_ p: Double, n: Int, density: Double) -> Double {
        4 * (p * (1 - p) / Double(n)).squareRoot() / density
    }

    func normalDensity(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }

    @Test func aRangeOfPositiveAmountsIsLognormalWithItsEndsAsThe5thAnd95thPercentiles() throws {
        let (result, errors) = run("price = $20/month to $50/month")
        #expect(errors.isEmpty)
        let price = try samples(result, "price")
        let month = 30.436875 * 86_400
        let rows = price.percentiles([0.05, 0.5, 0.95])[0].map { $0 * month }
        let sigma = log(50.0 / 20) / (2 * Sampling.z95)
        let median = (20.0 * 50).squareRoot()
        let n = price.count
        #expect(n == 5_000)
        #expect(abs(rows[1] - median) < quantileTolerance(0.5, n: n, density: normalDensity(0) / (median * sigma)))
        #expect(abs(rows[0] - 20) < quantileTolerance(0.05, n: n, density: normalDensity(Sampling.z95) / (20 * sigma)))
        #expect(abs(rows[2] - 50) < quantileTolerance(0.95, n: n, density: normalDensity(Sampling.z95) / (50 * sigma)))
        #expect(abs(median - 31.6228) < 1e-4)
    }

    @Test func aRangeThatCrossesZeroIsNormal() throws {
        let (result, _) = run("change = -10 to 30")
        let change = try samples(result, "change")
        let sd = 40 / (2 * Sampling.z95)
        let tolerance = 4 * sd / Double(change.count).squareRoot()
        #expect(abs(change.means()[0] - 10) < tolerance)
        #expect(abs(change.standardDeviations()[0] - sd) < 4 * sd / (2 * Double(change.count)).squareRoot())
    }

    @Test func sumsOfNormalsAddMeansAndVariances() throws {
        let (result, errors) = run("a = normal(10, 3)\nb = normal(20, 4)\nc = a + b")
        #expect(errors.isEmpty)
        let c = try samples(result, "c")
        let n = Double(c.count)
        #expect(abs(c.means()[0] - 30) < 4 * 5 / n.squareRoot())
        #expect(abs(c.standardDeviations()[0] - 5) < 4 * 5 / (2 * n).squareRoot())
    }

    @Test func productsOfLognormalsAreLognormal() throws {
        let (result, _) = run("a = 2 to 8\nb = 10 to 40\nc = a * b")
        let c = try samples(result, "c")
        let sigmaA = log(4.0) / (2 * Sampling.z95)
        let sigma = (2 * sigmaA * sigmaA).squareRoot()
        let median = 4.0 * 20
        let rows = c.percentiles([0.5, 0.95])[0]
        let p95 = median * exp(Sampling.z95 * sigma)
        #expect(abs(rows[0] - median) < quantileTolerance(0.5, n: c.count, density: normalDensity(0) / (median * sigma)))
        #expect(abs(rows[1] - p95) < quantileTolerance(0.95, n: c.count, density: normalDensity(Sampling.z95) / (p95 * sigma)))
    }

    @Test func probOfALognormalTail() throws {
        let (result, errors) = run("price = $20/month to $50/month\ntail = prob(price > $40/month)")
        #expect(errors.isEmpty)
        let tail = try #require(result.value(of: "tail")?.scalar)
        let sigma = log(2.5) / (2 * Sampling.z95)
        let z = log(40 / 1000.0.squareRoot()) / sigma
        let expected = 0.5 * erfc(z / 2.0.squareRoot())
        #expect(abs(tail - expected) < 4 * (expected * (1 - expected) / 5_000).squareRoot())
    }

    @Test func uniformAndTriangularHaveTheirMeans() throws {
        let (result, errors) = run("u = uniform(2 hours, 6 hours)\nt3 = triangular(1, 2, 6)")
        #expect(errors.isEmpty)
        let u = try samples(result, "u"), t3 = try samples(result, "t3")
        #expect(abs(u.means()[0] - 4 * 3_600) < 4 * (16.0 / 12).squareRoot() * 3_600 / 70)
        #expect(abs(t3.means()[0] - 3) < 0.1)
        #expect(u.numbers.allSatisfy { $0 >= 2 * 3_600 && $0 <= 6 * 3_600 })
    }

    @Test func oneDrawPerInputPerSample() throws {
        let (result, errors) = run("""
            timeline = 0..12 months
            price = $20/month to $50/month
            cost = price * t
            zero = price - price
            """)
        #expect(errors.isEmpty)
        let cost = try samples(result, "cost"), price = try samples(result, "price")
        #expect(cost.steps == 13)
        for sample in [0, 17, 4_999] {
            let path = cost.path(sample)
            #expect(abs(path[12] / path[1] - 12) < 1e-12, "a path keeps its draw")
            #expect(abs(path[1] / price.numbers[sample] - path[2] / price.numbers[sample] / 2) < 1e-6 * path[1] / price.numbers[sample])
        }
        #expect(try samples(result, "zero").numbers.allSatisfy { $0 == 0 })
    }

    @Test func drawsAreDeterministicAndOneInputDoesNotReshuffleAnother() throws {
        let (first, _) = run("a = 1 to 2\nb = 10 to 20")
        let (second, _) = run("a = 1 to 2\nb = 10 to 20")
        let (edited, _) = run("a = 1 to 3\nb = 10 to 20")
        #expect(try samples(first, "b").numbers == samples(second, "b").numbers)
        #expect(try samples(first, "a").numbers == samples(second, "a").numbers)
        #expect(try samples(first, "b").numbers == samples(edited, "b").numbers)
        #expect(try samples(first, "a").numbers != samples(edited, "a").numbers)
    }

    @Test func certainModelsStayScalar() {
        let (result, errors) = run("timeline = 0..3 months\nprice = $20/month\nspend = price * t\nm = median(spend)")
        #expect(errors.isEmpty)
        #expect(result.values.values.allSatisfy { !$0.isUncertain })
        #expect(result.value(of: "m")?.scalar != nil, "median of a certain series is across its steps")
    }

    @Test func statisticsOfAnUncertainSeriesAreStepByStep() throws {
        let (result, errors) = run("""
            timeline = 0..4 months
            growth = 1 to 2
            x = growth * t / 1 month
            m = median(x)
            p = percentile(x, 95%)
            spread = sd(x)
            q = prob(x > 3)
            """)
        #expect(errors.isEmpty)
        let median = try #require(result.value(of: "m")?.series)
        #expect(median.count == 5)
        #expect(abs(median[4] - 4 * 2.0.squareRoot()) < 0.05)
        #expect(try #require(result.value(of: "q")?.series).first == 0)
        #expect(result.value(of: "p")?.series?.count == 5)
        #expect(result.value(of: "spread")?.series?.count == 5)
    }

    @Test func samplesCanBeSetWithinLimits() throws {
        let (result, errors) = run("samples = 20000\nx = 1 to 2")
        #expect(errors.isEmpty)
        #expect(try samples(result, "x").count == 20_000)
        for bad in ["samples = 5", "samples = 1000000", "samples = 1.5k + 0.1", "samples = 2 hours"] {
            let (_, errors) = run(bad + "\nx = 1 to 2")
            #expect(errors.first?.hasPrefix("`samples` is how many Monte Carlo samples") == true, "\(bad)")
        }
    }

    @Test func anUncertainSeriesTooLargeIsALocatedError() {
        let (_, errors) = run("samples = 100000\ntimeline = 0..100 weeks\nx = (1 to 2) * t")
        #expect(errors.first?.contains("more than the 4000000 numbers one value may hold") == true)
    }

    @Test func rangesAreChecked() {
        #expect(run("x = $50 to $20").1 == ["this range runs downwards: `$20` is below `$50`"])
        #expect(run("x = $20 to 5 hours").1.first?.hasPrefix("the ends of a range differ") == true)
        #expect(run("x = 1 to 2 to 3").1.first?.hasPrefix("a range has two ends") == true)
        #expect(run("a = 1 to 3\nx = normal(a, -1)").1 == ["a standard deviation is not negative"])
        #expect(run("a = -3 to 1\nx = normal(5, a)").1 == ["the standard deviation `a` is negative in some samples"])
        #expect(run("x = triangular(1, 5, 2)").1 == ["`triangular` takes low, mode and high in that order"])
        #expect(run("timeline = 0..3 months\nx = [1 to 2, 3]").1.first?.hasPrefix("a value in brackets must be certain") == true)
    }

    @Test func firstOnAnUncertainConditionCountsNeverAsAnOutcome() throws {
        let (result, errors) = run("""
            timeline = 0..10 months
            rate = 5 to 20
            total = rate * t / 1 month
            reached = first(total >= 100)
            chance = prob(reached <= 6 months)
            """)
        #expect(errors.isEmpty)
        let reached = try samples(result, "reached")
        #expect(reached.mayBeNever)
        #expect(reached.numbers.contains(.infinity), "small rates never reach 100 within 10 months")
        let chance = try #require(result.value(of: "chance")?.scalar)
        #expect(chance > 0.05 && chance < 0.95)
        let text = ValueFormatter.format(try #require(result.value(of: "reached")))
        #expect(text.hasSuffix("never)"), "\(text)")
    }

    @Test func solveFindsTheSmallestValueForACertainModel() throws {
        let (result, errors) = run("a = 5\ny = a * 2 + 1\nfound = solve(a, y >= 8, 0..10)")
        #expect(errors.isEmpty)
        let s = try #require(result.value(of: "found")?.scalar)
        // The grid cell is a 16th of the range; 24 halvings leave 10 / 16 / 2^24 ≈ 3.7e-8 of it.
        #expect(abs(s - 3.5) <= 10 / 16 / 16_777_216)
        #expect(result.value(of: "a")?.scalar == 5, "the varied input keeps its own value")
    }

    @Test func solveRefusesNoSolutionAndNonMonotoneConditions() {
        #expect(run("a = 5\ny = a * 2\nfound = solve(a, y >= 100, 0..10)").1
                == ["`y >= 100` does not hold anywhere in 0..10"])
        #expect(run("a = 5\ny = (a - 5) ^ 2\nfound = solve(a, y <= 1, 0..10)").1.first?.contains("is not monotone") == true)
        #expect(run("a = 5\nfound = solve(b, a > 1, 0..10)").1.first?.hasPrefix("`solve` varies a definition") == true)
        #expect(run("a = 5 hours\nfound = solve(a, a > 1 hour, 0..10)").1.first?.hasPrefix("the range `solve` searches") == true)
    }

    @Test func solveOnAnUncertainModelSolvesEachSample() throws {
        let (result, errors) = run("price = 10 to 40\nneed = 100\nunits = 1\nrevenue = units * price\nfound = solve(units, revenue >= need, 0..100)")
        #expect(errors.isEmpty)
        let s = try samples(result, "found"), price = try samples(result, "price")
        for sample in [0, 100, 4_000] {
            #expect(abs(s.numbers[sample] - 100 / price.numbers[sample]) <= 100 / 16 / 16_777_216)
        }
    }

    @Test func prosesShowsTheMedianAndAnInterval() throws {
        let (result, _) = run("price = $20/month to $50/month\ntotal = price * 12 months")
        let total = try #require(result.value(of: "total"))
        #expect(ValueFormatter.format(total) == "$379 (90%: $240–$600)")
        #expect(ValueFormatter.format(try #require(result.value(of: "price")))
                == "$31.6/month (90%: $20–$50/month)")
        #expect(ValueFormatter.format(total, interval: 0.5).hasPrefix("$379 (50%: $"))
    }

    @Test func sensitivityHoldsTheOtherInputsAtTheirMedians() throws {
        let (result, errors) = run("price = $20 to $50\nqty = 10 to 12\nbase = $100\ntotal = price * qty + base")
        #expect(errors.isEmpty)
        guard case .success(let sensitivity) = Sensitivity.of("total", in: result) else {
            Issue.record("no sensitivity")
            return
        }
        let price = try samples(result, "price").percentiles([0.05, 0.5, 0.95])[0]
        let qty = try samples(result, "qty").percentiles([0.05, 0.5, 0.95])[0]
        #expect(sensitivity.swings.map(\.input) == ["price", "qty"], "the wider swing first")
        #expect(abs((sensitivity.baseline.scalar ?? 0) - (price[1] * qty[1] + 100)) < 1e-9)
        #expect(abs(sensitivity.swings[0].outputAtLow - (price[0] * qty[1] + 100)) < 1e-9)
        #expect(abs(sensitivity.swings[1].outputAtHigh - (price[1] * qty[2] + 100)) < 1e-9)
        if case .failure(.certain) = Sensitivity.of("base", in: result) {} else { Issue.record("base is certain") }
    }

    @Test func theNormalQuantileInvertsTheDistributionFunction() {
        for index in 1..<2_000 {
            let p = Double(index) / 2_000
            let z = Sampling.normalQuantile(p)
            // Acklam: relative error in z below 1.15e-9, which moves p by at most about z² · 1.15e-9 · p.
            #expect(abs(Sampling.normalCDF(z) - p) < 5e-8 * min(p, 1 - p), "p = \(p)")
        }
        #expect(abs(Sampling.normalQuantile(0.95) - Sampling.z95) < 1e-8)
        #expect(abs(Sampling.normalQuantile(1e-9) + 5.997807) < 1e-5)
    }

    @Test func percentilesBySelectionMatchASortedCopy() {
        var generator = Sampling.Generator(seed: 7)
        for count in [1, 2, 3, 10, 101, 5_000] {
            let values = (0..<count).map { _ in (generator.unit() - 0.3) * 100 }
            let sorted = values.sorted()
            let shares = [0.95, 0.05, 0.5, 0.25, 0.75, 0.5, 0, 1]
            let selected = SeriesStatistics.percentiles(values, shares)
            for (share, value) in zip(shares, selected) {
                #expect(value == SeriesStatistics.percentile(sorted: sorted, scale: 1, share), "\(count) values, \(share)")
            }
        }
    }

    @Test func wholeNumberOutcomesHaveWholeNumberPercentiles() throws {
        let (result, _) = run("rate = 6 to 20\nn = floor(rate)\npick = if rate < 10 then 1 else 2")
        let n = try samples(result, "n").percentiles([0.05, 0.5, 0.95])[0]
        #expect(n.allSatisfy { $0 == $0.rounded() }, "\(n)")
        #expect(ValueFormatter.format(try #require(result.value(of: "pick"))).hasPrefix("2 (90%: 1–2)"))
    }

    @Test func summariesOfValuesThatSometimesNeverHappen() {
        let model = "timeline = 0..10 months\nrate = 5 to 20\ntotal = rate * t / 1 month\nreached = first(total >= 100)\n"
        #expect(run(model + "m = mean(reached)").1.first?.contains("never happens in") == true)
        let (result, errors) = run(model + "p = percentile(reached, 95%)")
        #expect(errors.isEmpty)
        #expect(result.value(of: "p")?.isNever == true, "the 95th percentile falls among the samples that never reach it")
    }

    @Test func aFailedTimelineIsReportedOnce() {
        #expect(run("timeline = 0..10000 days\na = 1 to 2\nb = a * t / 1 day").1.count == 1)
    }

    @Test func anIntervalFormatIsGivenOnce() {
        let (parsed, errors) = Parser.parseInline(SourceFragment(standalone: "x | interval 50% | interval 80%", path: "t"))
        #expect(parsed == nil)
        #expect(errors.map(\.message) == ["the interval is given twice; keep one `| interval …`"])
    }
}
