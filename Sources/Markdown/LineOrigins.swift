/// Where the lines cmark parsed came from. Usually the essay body itself; when the GFM layer
/// parses a second time, table cells and footnote continuations are appended after the body,
/// and each appended line remembers its line in the body and how far its columns moved.
struct LineOrigins: Sendable {
    /// Lines up to this one are the body's own.
    var sourceLineCount: Int = .max
    /// For each appended line: the body line it came from (0 for lines the layer made up) and
    /// the byte columns to add.
    var appended: [(line: Int, columnShift: Int)] = []

    static let identity = LineOrigins()

    /// The body line and byte column for a line and column of the parsed text.
    func original(line: Int, column: Int) -> (line: Int, column: Int) {
        guard line > sourceLineCount else { return (line, column) }
        let index = line - sourceLineCount - 1
        guard index < appended.count, appended[index].line > 0 else { return (line, column) }
        return (appended[index].line, max(1, column + appended[index].columnShift))
    }
}
