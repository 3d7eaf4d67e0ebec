#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A distribution a range or a distribution function draws from, with its parameters worked out
/// once: drawing a sample then costs one quantile, not the logarithms of the range's ends again.
public enum Distribution: Sendable, Equatable {
    case lognormal(mu: Double, sigma: Double)
    case normal(mean: Double, sd: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)

    /// `low to high` as the 5th and 95th percentiles: lognormal when both are positive, else normal.
    public static func between(_ low: Double, _ high: Double) -> Distribution {
        if low > 0, high > 0 {
            return .lognormal(mu: (log(low) + log(high)) / 2, sigma: (log(high) - log(low)) / (2 * Sampling.z95))
        }
        return .normal(mean: (low + high) / 2, sd: (high - low) / (2 * Sampling.z95))
    }

    /// The value below which a share `u` (0…1) of the distribution lies.
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .lognormal(let mu, let sigma): return exp(mu + sigma * Sampling.normalQuantile(u))
        case .normal(let mean, let sd): return mean + sd * Sampling.normalQuantile(u)
        case .uniform(let low, let high): return low + (high - low) * u
        case .triangular(let low, let mode, let high):
            // The two quadratic pieces of the triangular distribution function, inverted.
            let width = high - low
            guard width > 0 else { return low }
            if u < (mode - low) / width { return low + (u * width * (mode - low)).squareRoot() }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        }
    }
}
