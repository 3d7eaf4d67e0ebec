/// A claim in an essay's prose (`{{ total = $960 }}`) and what the check made of it: what a CI
/// job summary lists, passing claims included.
public struct ClaimRecord: Sendable, Hashable {
    /// The essay line it is written on.
    public var line: Int
    /// As written between `{{` and `}}`.
    public var written: String
    /// The value the page shows when it holds; the check's message when it does not.
    public var outcome: String
    public var holds: Bool

    public init(line: Int, written: String, outcome: String, holds: Bool) {
        self.line = line
        self.written = written
        self.outcome = outcome
        self.holds = holds
    }
}
