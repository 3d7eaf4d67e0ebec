import Diagnostics
import Semantics

/// Every value of a scenario after evaluation, with the problems found while computing them.
public struct ScenarioResult: Sendable {
    public var scenario: CompiledScenario
    public var values: [String: Value]
    public var diagnostics: [Diagnostic]
    /// The page's Monte Carlo budget, which figures that evaluate the model again draw on.
    public var work = SampleWork()

    public init(scenario: CompiledScenario, values: [String: Value], diagnostics: [Diagnostic],
                work: SampleWork = SampleWork()) {
        self.scenario = scenario
        self.values = values
        self.diagnostics = diagnostics
        self.work = work
    }

    public func value(of name: String) -> Value? { values[name] }
}
