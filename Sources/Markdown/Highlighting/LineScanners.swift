/// Languages read line by line: a diff colours whole lines by their first character, and a
/// console session highlights the commands after a `$ ` prompt and leaves their output plain.
enum LineScanners {
    /// Calls `body` with each line's range, newline excluded.
    private static func forEachLine(_ source: [UInt8], _ body: (Range<Int>) -> Void) {
        var start = 0
        while start < source.count {
            var stop = start
            while stop < source.count, source[stop] != 0x0A { stop += 1 }
            body(start..<stop)
            start = stop + 1
        }
    }

    private static func newline(after line: Range<Int>, _ source: [UInt8], _ out: inout HighlightWriter) {
        if line.upperBound < source.count { out.plain(source, line.upperBound..<line.upperBound + 1) }
    }

    private static func starts(_ source: [UInt8], _ line: Range<Int>, with text: String) -> Bool {
        source[line].starts(with: text.utf8)
    }

    static func diff(_ source: [UInt8], into out: inout HighlightWriter) {
        forEachLine(source) { line in
            let kind: TokenClass?
            if ["+++ ", "--- ", "diff ", "index "].contains(where: { starts(source, line, with: $0) }) {
                kind = .meta
            } else if starts(source, line, with: "@@") {
                kind = .function
            } else if starts(source, line, with: "+") || starts(source, line, with: ">") {
                kind = .added
            } else if starts(source, line, with: "-") || starts(source, line, with: "<") {
                kind = .removed
            } else {
                kind = nil
            }
            out.token(kind, source, line)
            newline(after: line, source, &out)
        }
    }

    static func console(_ source: [UInt8], into out: inout HighlightWriter) {
        var continued = false
        forEachLine(source) { line in
            var command: Range<Int>?
            if continued {
                command = line
            } else if line.count >= 2, source[line.lowerBound] == 0x24, source[line.lowerBound + 1] == 0x20 {
                out.token(.prompt, source, line.lowerBound..<line.lowerBound + 1)
                command = line.lowerBound + 1..<line.upperBound
            }
            if let command {
                CodeScanner.write(source, command, spec: LanguageTables.shell, into: &out)
                // A command ending in `\` goes on on the next line.
                continued = !command.isEmpty && source[command.upperBound - 1] == 0x5C
            } else {
                out.plain(source, line)
            }
            newline(after: line, source, &out)
        }
    }
}
