/// How many Monte Carlo samples a scenario draws, and how many numbers its uncertain values may
/// hold: an essay controls both, so both are bounded, with a located error past the bound.
public enum UncertaintyLimits {
    /// Samples drawn when a scenario does not say `samples = N`.
    public static let defaultSamples = 5_000
    /// Fewer make percentiles meaningless; more than the maximum only cost time.
    public static let minimumSamples = 100
    public static let maximumSamples = 100_000
    /// Numbers one uncertain series may hold (samples × steps): 32 MB.
    public static let numbersPerValue = 4_000_000
    /// Numbers all the uncertain values of one page's scenarios may hold at once: 256 MB.
    public static let numbersPerPage = 32_000_000
    /// Sample numbers one page may compute in all, counting every intermediate value, every trial
    /// of a goal seek and every variant a figure evaluates: about a second of work. A page past
    /// it is an error, not a hang.
    public static let numbersComputed = 100_000_000
}
