import Diagnostics
import Dispatch
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
