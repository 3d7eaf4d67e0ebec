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
    public func described(within contentFolder: String? = nil) -> String { "\(name) (\(place(within: contentFolder)))" }

    /// `models/infra.scenario:2`: relative to `contentFolder` (as messages name it) when the file
    /// is in it, so a page never shows where the site was built; else after a `Content/`.
    public func place(within contentFolder: String? = nil) -> String {
        var file = location.file
        if let folder = contentFolder, file.hasPrefix(folder + "/") {
            file = String(file.dropFirst(folder.count + 1))
        } else if let range = file.range(of: "Content/") {
            file = String(file[range.upperBound...])
        }
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
