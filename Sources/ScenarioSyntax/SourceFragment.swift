import Diagnostics

/// A piece of an essay that is parsed on its own (a scenario block, an inline `{{ }}`), with
/// what is needed to turn its offsets back into the essay's own line and column.
public struct SourceFragment: Sendable {
    public let text: String
    public let file: SourceFile
    /// The essay line and column where `text` starts.
    public let startLine: Int
    public let startColumn: Int
    /// The column at which later lines of `text` start (a fenced block's indentation + 1).
    public let continuationColumn: Int

    private let lines = LineTable()
    /// The fragments whose statements were joined into this one's (models it imports, other
    /// blocks of the page it reads), flat: a span from `segmentSize * (i + 1)` on lies in
    /// `joined[i]`, so every message about a joined statement points into its own file.
    public private(set) var joined: [SourceFragment] = []
    public static let segmentSize = 1 << 32

    public init(text: String, file: SourceFile, startLine: Int, startColumn: Int, continuationColumn: Int = 1) {
        self.text = text
        self.file = file
        self.startLine = startLine
        self.startColumn = startColumn
        self.continuationColumn = continuationColumn
    }

    /// A standalone text (tests, `explain`): the fragment is the whole file.
    public init(standalone text: String, path: String) {
        self.init(text: text, file: SourceFile(path: path, text: text), startLine: 1, startColumn: 1)
    }

    /// This fragment with `others` joined (see `joined`); their segments follow any it has.
    public func joining(_ others: [SourceFragment]) -> SourceFragment {
        var copy = self
        copy.joined += others
        return copy
    }

    /// This fragment without the ones joined to it.
    public var alone: SourceFragment {
        var copy = self
        copy.joined = []
        return copy
    }

    /// The fragment a span lies in, and the span within it.
    public func segment(of span: SourceSpan) -> (fragment: SourceFragment, span: SourceSpan) {
        let index = span.start / SourceFragment.segmentSize
        guard index > 0, index <= joined.count else { return (self, span) }
        let base = index * SourceFragment.segmentSize
        return (joined[index - 1], SourceSpan(span.start - base, span.end - base))
    }

    /// The file a span lies in (an imported model's, for its statements).
    public func file(of span: SourceSpan) -> SourceFile { segment(of: span).fragment.file }

    /// The essay location of a byte span: a binary search in the fragment's line table (built once),
    /// then a walk along one line only, so thousands of messages cost no more than their lines.
    public func location(_ span: SourceSpan) -> SourceLocation {
        if span.start >= SourceFragment.segmentSize {
            let (fragment, inner) = segment(of: span)
            return fragment.location(inner)
        }
        let utf8 = text.utf8
        let clamped = max(0, min(span.start, utf8.count))
        let starts = lines.starts(of: text)
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let line = low
        let startIndex = utf8.index(utf8.startIndex, offsetBy: starts[line])
        let target = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text[startIndex..<target].count
        let end = utf8.index(utf8.startIndex, offsetBy: min(utf8.count, max(clamped, span.end)))
        let length = max(1, min(text[target..<end].count, 4096))
        let fileColumn = (line == 0 ? startColumn : continuationColumn) + column
        return file.location(line: startLine + line, column: fileColumn, length: length)
    }
}

/// A byte range in a fragment's text.
public struct SourceSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }
}
