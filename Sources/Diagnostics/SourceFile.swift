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

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        let lineStarts = self.lineStarts
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let endOffset = number < lineStarts.count ? lineStarts[number] : utf8.count
        let end = utf8.index(utf8.startIndex, offsetBy: endOffset)
        var line = Substring(text[start..<end])
        while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line.removeLast() }
        return String(line)
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
