import ScenarioSyntax
import Semantics

/// The Monte Carlo work of one page: the sample numbers its evaluations compute (every
/// intermediate value, every goal-seek trial, every variant a sweep or chart evaluates) and the
/// numbers its scenarios' uncertain values hold. Past `UncertaintyLimits.numbersComputed` or
/// `numbersPerPage` evaluation stops with an error at the node or definition that crossed
/// the line, so no page, however its ranges, series, figures and goal seeks multiply, runs for
/// long or holds much memory. A page is evaluated on one thread; the counts are never shared
/// between threads.
public final class SampleWork: @unchecked Sendable {
    private var computed = 0
    private(set) var held = 0

    public init() {}

    func add(_ count: Int, at span: SourceSpan) throws {
        computed += count
        guard computed > UncertaintyLimits.numbersComputed else { return }
        throw Evaluator.Failure(message: "this page computes more than \(UncertaintyLimits.numbersComputed) "
                                + "sample numbers (samples × steps × definitions, times each goal-seek trial "
                                + "and each variant a figure evaluates)", span: span,
                                notes: [.init("lower `samples =`, shorten the timeline, "
                                              + "or try fewer values in figures")])
    }

    /// Counts numbers kept by a scenario of the page; false once the page holds too many.
    func hold(_ count: Int) -> Bool {
        held += count
        return held <= UncertaintyLimits.numbersPerPage
    }
}
