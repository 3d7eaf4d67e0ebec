import Foundation

/// A text file held in memory with its line table, so any stage can turn an offset into a
/// line and column and show the offending line under a message.
public struct SourceFile: Sendable {
    /// The path as the user should see it in messages (relative to the working directory when possible).
    public let path: String
    public let text: String
    private let lines: LineTable

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = LineTable()
    }

    /// UTF-8 offsets at which each line starts. Computed on first use and kept: only diagnostics
    /// need it, most files never produce one, and a file with thousands must not be scanned
    /// once per message.
    private var lineStarts: [Int] { lines.starts(of: text) }

    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line break. Before the line table exists, a line
    /// near the top (front matter, where every essay's keys are located) is found by reading only
    /// up to it, not the whole file.
    public func line(_ number: Int) -> String {
        guard number >= 1 else { return "" }
        let utf8 = text.utf8
        let startOffset: Int, endOffset: Int
        if lines.cachedStarts == nil, let found = Self.lineBounds(number, in: utf8, within: Self.directReach) {
            (startOffset, endOffset) = found
        } else {
            let known = lineStarts
            guard number <= known.count else { return "" }
            startOffset = known[number - 1]
            endOffset = number < known.count ? known[number] : utf8.count
        }
        let start = utf8.index(utf8.startIndex, offsetBy: startOffset)
        let end = utf8.index(utf8.startIndex, offsetBy: endOffset)
        var line = Substring(text[start..<end])
        while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line.removeLast() }
        return String(line)
    }

    /// How far into a file a line is looked for by reading up to it: past this, the line table is
    /// built once and kept, so many messages deep in one file stay linear.
    static let directReach = 4096

    /// The UTF-8 offsets where line `number` starts and ends (after its break), read from the
    /// start; nil when the line is not within the first `limit` bytes.
    private static func lineBounds(_ number: Int, in utf8: String.UTF8View, within limit: Int) -> (Int, Int)? {
        var line = 1, offset = 0, start = 0
        for byte in utf8 {
            offset += 1
            if offset > limit { return nil }
            guard byte == UInt8(ascii: "\n") else { continue }
            if line == number { return (start, offset) }
            line += 1
            start = offset
        }
        return line == number ? (start, offset) : nil
    }

    /// The location of a UTF-8 offset; the column counts characters, as a reader would.
    public func location(ofUTF8Offset offset: Int, length: Int = 1) -> SourceLocation {
        let lineStarts = self.lineStarts
        let clamped = max(0, min(offset, text.utf8.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let target = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text[lineStart..<target].count + 1
        return location(line: low + 1, column: column, length: length)
    }

    /// A location at a 1-based line and column, carrying the line's text for the caret display.
    public func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column, length: length, lineText: self.line(line))
    }
}

/// The line table of one file, computed once, shared by the copies of its `SourceFile`.
public final class LineTable: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: [Int]?

    public init() {}

    /// The table if it was computed already.
    var cachedStarts: [Int]? {
        lock.lock()
        defer { lock.unlock() }
        return cached
    }

    public func starts(of text: String) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        cached = starts
        return starts
    }
}
