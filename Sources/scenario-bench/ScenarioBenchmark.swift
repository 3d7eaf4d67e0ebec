import Diagnostics
import Dispatch
import Foundation
import Runtime
import ScenarioSyntax
import Semantics

/// Times the cost engine alone: parse + check + evaluate of the optimization essay's model, and
/// of a model on a 10,000-step timeline. Run with `swift run -c release scenario-bench`
/// (`make bench` does). Prints medians of repeated batches.
@main
enum ScenarioBenchmark {
    static let optimizationModel = """
    unit machine
    unit month = 4 weeks
    timeline = 0..12 months
    salary = $100,000/year
    working_days = 250 days/year
    day_length = 8 hours/day
    hourly = salary / (working_days * day_length)
    work = 4 hours * hourly
    price = $20/month/machine
    growth = 5%/week
    monthly_growth = (compound(growth, 1 month) - 1) as %
    doubling = ceil(ln(2) / ln(1 + growth * 1 week)) * 1 week
    year_load = compound(growth, 52 weeks)
    machines = floor(compound(growth, t)) * 1 machine
    spend = machines * price * 1 month
    cumulative = cumsum(spend)
    total = sum(spend)
    breakeven = first(cumulative >= work)
    """

    /// The same model with the source post's own ranges, at 10,000 samples.
    static var uncertainModel: String {
        optimizationModel
            .replacingOccurrences(of: "price = $20/month/machine",
                                  with: "price = $20/month/machine to $50/month/machine")
            .replacingOccurrences(of: "growth = 5%/week", with: "growth = 5%/week to 7%/week\nsamples = 10000")
    }

    static let longModel = """
    timeline = 0..9999 days
    growth = 0.1%/day
    load = compound(growth, t)
    cost = $3/day * load * 1 day
    running = cumsum(cost)
    total = sum(cost)
    over = first(running > $10k)
    """

    static func measure(_ label: String, iterations: Int, batches: Int = 15, _ body: () -> Void) {
        var perCall: [Double] = []
        for _ in 0..<batches {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterations { body() }
            perCall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations) / 1000)
        }
        perCall.sort()
        let median = perCall[perCall.count / 2]
        print("\(label): median \(String(format: "%.1f", median)) µs per run (min \(String(format: "%.1f", perCall[0])), max \(String(format: "%.1f", perCall[perCall.count - 1])); \(batches) batches of \(iterations))")
    }

    static func main() {
        let fragment = SourceFragment(standalone: optimizationModel, path: "optimization")
        let (compiled, errors) = ScenarioCompiler.compile(name: "main", fragment: fragment)
        precondition(errors.isEmpty, "\(errors)")
        let check = Evaluator.run(compiled)
        precondition(ValueFormatter.format(check.value(of: "total")!) == "$960")

        measure("optimization model, parse + check + evaluate", iterations: 2_000) {
            let (scenario, _) = ScenarioCompiler.compile(name: "main", fragment: fragment)
            _ = Evaluator.run(scenario)
        }
        measure("optimization model, evaluate only", iterations: 5_000) {
            _ = Evaluator.run(compiled)
        }
        // `CERTAIN_ONLY=1`: just the certain figures above, for profiling the scalar path alone.
        if ProcessInfo.processInfo.environment["CERTAIN_ONLY"] == "1" { return }
        let uncertain = SourceFragment(standalone: uncertainModel, path: "uncertain")
        let (uncertainCompiled, uncertainErrors) = ScenarioCompiler.compile(name: "main", fragment: uncertain)
        precondition(uncertainErrors.isEmpty && uncertainCompiled.sampleCount == 10_000, "\(uncertainErrors)")
        let uncertainCheck = Evaluator.run(uncertainCompiled)
        precondition(uncertainCheck.diagnostics.isEmpty && uncertainCheck.value(of: "total")?.samples != nil)
        print("uncertain optimization model: total \(ValueFormatter.format(uncertainCheck.value(of: "total")!)), "
              + "break-even \(ValueFormatter.format(uncertainCheck.value(of: "breakeven")!))")
        let batches = ProcessInfo.processInfo.environment["RANGES_ONLY"] == "1" ? 101 : 11
        measure("optimization model with two ranges, 10,000 samples, evaluate only", iterations: 5, batches: batches) {
            _ = Evaluator.run(uncertainCompiled)
        }
        // `RANGES_ONLY=1`: stop after the uncertain model's evaluation, for profiling it alone.
        if ProcessInfo.processInfo.environment["RANGES_ONLY"] == "1" { return }
        let cumulative = uncertainCheck.value(of: "cumulative")!.samples!
        measure("five percentiles of each of 13 steps × 10,000 samples (a fan's band)", iterations: 20, batches: 11) {
            _ = cumulative.percentiles([0.05, 0.25, 0.5, 0.75, 0.95])
        }
        measure("the same by sorting each step (for comparison)", iterations: 20, batches: 11) {
            for step in 0..<13 { _ = Array(cumulative.column(step)).sorted() }
        }
        measure("one percentile (median) of each step by selection", iterations: 20, batches: 11) {
            _ = cumulative.percentiles([0.5])
        }
        let solving = SourceFragment(standalone: uncertainModel
                                         + "\nneeded = solve(growth, breakeven <= 3 months, 0%/week..30%/week)",
                                     path: "solving")
        let (solvingCompiled, solvingErrors) = ScenarioCompiler.compile(name: "main", fragment: solving)
        precondition(solvingErrors.isEmpty, "\(solvingErrors)")
        measure("the same with solve(growth, …) per sample, evaluate only", iterations: 1, batches: 5) {
            _ = Evaluator.run(solvingCompiled)
        }
        let long = SourceFragment(standalone: longModel, path: "long")
        let (longCompiled, longErrors) = ScenarioCompiler.compile(name: "main", fragment: long)
        precondition(longErrors.isEmpty, "\(longErrors)")
        measure("10,000-step timeline, parse + check + evaluate", iterations: 50) {
            let (scenario, _) = ScenarioCompiler.compile(name: "main", fragment: long)
            _ = Evaluator.run(scenario)
        }
        measure("10,000-step timeline, evaluate only", iterations: 50) {
            _ = Evaluator.run(longCompiled)
        }
    }
}
