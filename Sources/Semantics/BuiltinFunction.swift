/// The functions a scenario can call. The reference with examples is docs/scenario-language.md.
public enum BuiltinFunction: String, Sendable, CaseIterable {
    case floor, ceil, round, min, max, abs, sqrt, exp, ln, log10
    case compound
    case sum, cumsum, mean, at, first
    case median, percentile, last, count, lag
    case fitGrowth = "fit_growth"
    case csv, json, bench, sql
    /// Distributions, statistics across samples, and goal seek (docs/uncertainty.md).
    case normal, uniform, triangular, sd, prob, solve
    case regression, change

    /// A distribution: a call of it makes its definition an uncertain input.
    public var isDistribution: Bool { self == .normal || self == .uniform || self == .triangular }

    /// Functions whose names may also name a value (`change = p99 - lag(p99, 1)`).
    static let freeNames: Set<BuiltinFunction> = [.regression, .change]

    /// How many arguments the function takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .floor, .ceil, .round: return 1...2
        case .min, .max: return 1...16
        case .abs, .sqrt, .exp, .ln, .log10, .sum, .cumsum, .mean, .first: return 1...1
        case .median, .last, .count, .fitGrowth, .sd, .prob: return 1...1
        case .csv: return 1...3
        case .bench: return 1...4
        case .sql: return 1...3
        case .normal, .uniform: return 2...2
        case .triangular, .solve: return 3...3
        case .compound, .at, .percentile, .lag, .regression, .change: return 2...2
        case .json: return 1...4
        }
    }

    public var usage: String {
        switch self {
        case .floor, .ceil, .round: return "\(rawValue)(x) or \(rawValue)(x, unit)"
        case .min, .max: return "\(rawValue)(series) or \(rawValue)(a, b, …)"
        case .percentile: return "percentile(series, 90%)"
        case .lag: return "lag(series, steps)"
        case .csv: return "csv(\"data/file.csv\")"
        case .json: return "json(\"data/file.json\") or json(\"file.json\", \"key.path\")"
        case .bench: return "bench(\"data/results.json\") or bench(\"file\", format: \"gobench\")"
        case .sql: return "sql(\"SELECT … FROM table\") or sql(\"data/file.sqlite\", \"SELECT …\")"
        case .compound: return "compound(rate, duration)"
        case .at: return "at(series, time)"
        case .first: return "first(condition)"
        case .normal: return "normal(mean, sd)"
        case .uniform: return "uniform(low, high)"
        case .triangular: return "triangular(low, mode, high)"
        case .prob: return "prob(condition)"
        case .solve: return "solve(name, condition, low..high)"
        case .regression: return "regression(now.runs[\"name\"], base.runs[\"name\"])"
        case .change: return "change(now.runs[\"name\"], base.runs[\"name\"])"
        default: return "\(rawValue)(x)"
        }
    }
}
