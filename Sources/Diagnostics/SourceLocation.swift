/// Where a diagnostic points: a file, a 1-based line and column (in characters), and how many
/// characters to underline. It carries the line's text so messages can be printed long after
/// the file itself has been released.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var length: Int
    public var lineText: String?

    public init(file: String, line: Int, column: Int, length: Int = 1, lineText: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.lineText = lineText
    }

    /// A location naming only a file, for problems that concern the file as a whole.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 0, column: 0)
    }

    /// Whether this points at a line; file-level locations print without a caret.
    public var hasPosition: Bool { line > 0 }
}
