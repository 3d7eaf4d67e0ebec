import Diagnostics
import Semantics

/// Every value of a scenario after evaluation, with the problems found while computing them.
public struct ScenarioResult: Sendable {
    public var scenario: CompiledScenario
    public var values: [String: Value]
    public var diagnostics: [Diagnostic]

    public func value(of name: String) -> Value? { values[name] }
}
