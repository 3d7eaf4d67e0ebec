import Diagnostics
import ScenarioSyntax
import Semantics

/// The inputs a number depends on: the definitions it reaches that read no other definition
/// (typed values, like `hourly = $100/hour`), each with the file and line that set it, so a
/// reader can tell which assumption, in which shared model, to question.
public struct ValueInput: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation

    public init(name: String, location: SourceLocation) {
        self.name = name; self.location = location
    }

    /// `hourly (models/infra.scenario:2)`, the path relative to the content folder when it is below one.
    public var described: String { "\(name) (\(place))" }

    /// `models/infra.scenario:2`.
    public var place: String {
        var file = location.file
        if let range = file.range(of: "Content/") { file = String(file[range.upperBound...]) }
        return "\(file):\(location.line)"
    }
}

extension CompiledScenario {
    /// Where a definition imported from a model (or another block) was written; nil for the block's own.
    public func origin(of name: String) -> SourceLocation? {
        guard let definition = definition(named: name), definition.nameSpan.start >= SourceFragment.segmentSize else { return nil }
        return fragment.location(definition.nameSpan)
    }
}
