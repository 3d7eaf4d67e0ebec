import ScenarioSyntax
import Semantics

/// Counts the sample numbers one evaluation computes, so that no model, however its ranges,
/// series, sweeps and goal seeks multiply, runs for more than about a second: past
/// `UncertaintyLimits.numbersComputed` it stops with an error at the node that crossed it.
/// One evaluation runs on one thread; the count is never shared between threads.
final class SampleWork: @unchecked Sendable {
    private var computed = 0

    func add(_ count: Int, at span: SourceSpan) throws {
        computed += count
        guard computed > UncertaintyLimits.numbersComputed else { return }
        throw Evaluator.Failure(message: "this model computes more than \(UncertaintyLimits.numbersComputed) sample numbers "
                                + "(samples × steps × definitions, times each trial of a goal seek)", span: span,
                                notes: [.init("lower `samples =`, shorten the timeline, or narrow what `solve` searches")])
    }
}
