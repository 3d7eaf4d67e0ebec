/// The shortcode scanner's walk over an essay's bytes.
extension ShortcodeScanner {
    struct Scanning {
        let bytes: [UInt8]
        var position = 0
        var calls: [ShortcodeCall] = []
        var literals: [Int: String] = [:]
        var problems: [Problem] = []
        var columnShifts: [(line: Int, column: Int, delta: Int)] = []
        /// How deep in paired shortcodes the walk is: columns are kept for the outer text only.
        var depth = 0
        /// The last place found, so that places on one long line are counted from there.
        var placeMemo = (offset: 0, line: 1, column: 1)
        /// Byte ranges of fenced code blocks.
        let codeRanges: [Range<Int>]
        /// Offset of each line's first byte.
        let lineStarts: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
            lineStarts = starts
            codeRanges = Scanning.fences(bytes, lineStarts: starts)
        }

        /// One tag as read: `{{< name args >}}`, `{{% /name %}}`, `{{< name />}}`.
        struct Tag {
            var start: Int, end: Int
            var isMarkdown: Bool
            var isClosing: Bool
            var isSelfClosing: Bool
            var name: String
            var arguments: [(name: String?, value: String)]
        }

        /// The text with every shortcode up to `until` (a closing tag's name) replaced.
        mutating func run(depth: Int, until closing: String?) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "{"), position + 2 < bytes.count,
                      bytes[position + 1] == UInt8(ascii: "{"),
                      bytes[position + 2] == UInt8(ascii: "<") || bytes[position + 2] == UInt8(ascii: "%") else {
                    out.append(bytes[position])
                    position += 1
                    continue
                }
                if let literal = escaped() {
                    let index = calls.count + literals.count
                    literals[index] = literal.text
                    emit(literal.text.utf8.count > 0 ? placeholder(index) : "", covering: literal.range, into: &out,
                         asText: inCode(literal.range.lowerBound) ? literal.text : nil)
                    continue
                }
                guard let tag = readTag() else {
                    out.append(bytes[position])
                    position += 1
                    continue
                }
                if tag.isClosing {
                    if tag.name == closing {
                        position = tag.end
                        return String(decoding: out, as: UTF8.self)
                    }
                    report("`\(tag.name)` closes a shortcode that is not open here", tag.start, tag.end)
                    position = tag.end
                    continue
                }
                handle(tag, depth: depth, into: &out)
            }
            if let closing { problems.append(unclosed(closing)) }
            return String(decoding: out, as: UTF8.self)
        }

        private var unclosedAt: [String: Int] = [:]

        private mutating func unclosed(_ name: String) -> Problem {
            let start = unclosedAt[name] ?? 0
            let (line, column) = place(start)
            return Problem(message: "`{{< \(name) >}}` is never closed with `{{< /\(name) >}}`", line: line,
                           column: column, length: name.count + 6)
        }

        /// A tag that opens a shortcode: its inner part (for a paired one) read, then the whole
        /// replaced by a placeholder, or rewritten in the Markdown for `ref`, `relref` and `highlight`.
        private mutating func handle(_ tag: Tag, depth: Int, into out: inout [UInt8]) {
            guard calls.count < ShortcodeScanner.maximumCalls else {
                report("more than \(ShortcodeScanner.maximumCalls) shortcodes in one essay", tag.start, tag.end)
                position = bytes.count
                return
            }
            var inner: String?
            var end = tag.end
            position = tag.end
            if !tag.isSelfClosing, hasClosingTag(for: tag.name, from: tag.end) {
                guard depth < ShortcodeScanner.maximumDepth else {
                    report("shortcodes nest deeper than \(ShortcodeScanner.maximumDepth)", tag.start, tag.end)
                    position = bytes.count
                    return
                }
                unclosedAt[tag.name] = tag.start
                // Nested shortcodes inside are replaced too; `run` stops after the closing tag.
                self.depth += 1
                inner = run(depth: depth + 1, until: tag.name)
                self.depth -= 1
                end = position
            }
            var call = ShortcodeCall(name: tag.name, isMarkdown: tag.isMarkdown, line: 0, column: 0,
                                     length: tag.end - tag.start, inCode: inCode(tag.start))
            (call.line, call.column) = place(tag.start)
            for argument in tag.arguments {
                if let name = argument.name { call.named.append((name, argument.value)) } else {
                    call.positional.append(argument.value)
                }
            }
            call.inner = inner
            if let rewritten = sourceRewrite(call, endsLine: end >= bytes.count || bytes[end] == 0x0A) {
                emit(rewritten, covering: tag.start..<end, into: &out, asText: nil)
                return
            }
            let index = calls.count + literals.count
            calls.append(call)
            emit(placeholder(index), covering: tag.start..<end, into: &out, asText: nil)
        }

        /// `ref "a.md"` → `a.md`; `highlight go` → a fence. Nil for every other shortcode.
        private func sourceRewrite(_ call: ShortcodeCall, endsLine: Bool) -> String? {
            switch call.name {
            case "ref", "relref":
                guard var target = call.argument("path", position: 0) else { return nil }
                let fragment = target.firstIndex(of: "#").map { String(target[$0...]) } ?? ""
                target = String(target.prefix { $0 != "#" })
                if !target.isEmpty, !target.contains(".") { target += ".md" }
                return target + fragment
            case "highlight":
                guard let inner = call.inner, !call.inCode else { return nil }
                let language = call.argument("lang", position: 0) ?? ""
                var body = inner
                if body.hasPrefix("\n") { body.removeFirst() }
                if !body.hasSuffix("\n") { body += "\n" }
                // A fence longer than any run of backticks inside.
                let fence = String(repeating: "`", count: Swift.max(3, Scanning.longestBacktickRun(body) + 1))
                // The fence's own line breaks only where the tags did not stand on lines of their own,
                // so the lines after it keep their numbers.
                return (call.column == 1 ? "" : "\n") + fence + language + "\n" + body + fence + (endsLine ? "" : "\n")
            default:
                return nil
            }
        }

        static func longestBacktickRun(_ text: String) -> Int {
            var longest = 0, run = 0
            for byte in text.utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longest = Swift.max(longest, run)
            }
            return longest
        }

        /// Writes `text` for the bytes `range`, then the newlines the range held (so line numbers stay).
        private mutating func emit(_ text: String, covering range: Range<Int>, into out: inout [UInt8], asText: String?) {
            let emitted = asText ?? text
            let (startLine, startColumn) = place(range.lowerBound)
            let outStart = startColumn - currentShift(onLine: startLine)
            out.append(contentsOf: emitted.utf8)
            let written = emitted.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let newlines = Swift.max(0, bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - written)
            // Lines are kept whenever the text is shorter in lines than what it replaced.
            out.append(contentsOf: repeatElement(0x0A, count: newlines))
            guard depth == 0 else { return }
            let (endLine, endColumn) = place(range.upperBound)
            let outColumn: Int
            if newlines > 0 {
                outColumn = 1
            } else if let lastBreak = emitted.lastIndex(of: "\n") {
                outColumn = emitted[emitted.index(after: lastBreak)...].count + 1
            } else {
                outColumn = outStart + emitted.count
            }
            if endColumn != outColumn || currentShift(onLine: endLine) != 0 {
                columnShifts.append((endLine, outColumn, endColumn - outColumn))
            }
        }

        /// The shift in force at the end of what has been written on `line` so far.
        private func currentShift(onLine line: Int) -> Int {
            guard let last = columnShifts.last, last.line == line else { return 0 }
            return last.delta
        }

        mutating func report(_ message: String, _ start: Int, _ end: Int) {
            let (line, column) = place(start)
            problems.append(Problem(message: message, line: line, column: column,
                                    length: String(decoding: bytes[start..<Swift.min(end, bytes.count)], as: UTF8.self).count))
        }

        /// 1-based line and column (in characters) of a byte offset.
        mutating func place(_ offset: Int) -> (Int, Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            // Counted on from the last place when it is on this line and before it (a long line
            // with many shortcodes is then read once).
            var from = lineStarts[low], column = 1
            if placeMemo.line == low + 1, placeMemo.offset <= offset, placeMemo.offset >= from {
                (from, column) = (placeMemo.offset, placeMemo.column)
            }
            // Characters are counted as UTF-8 lead bytes (continuation bytes are 0b10xxxxxx).
            for index in from..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            placeMemo = (offset, low + 1, column)
            return (low + 1, column)
        }

        func inCode(_ offset: Int) -> Bool { codeRanges.contains { $0.contains(offset) } }
    
        /// `{{</* figure src="x" */>}}`: the shortcode as text, and the bytes it covers.
        mutating func escaped() -> (text: String, range: Range<Int>)? {
            let start = position
            var index = position + 3
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") else {
                return nil
            }
            let markdown = bytes[start + 2] == UInt8(ascii: "%")
            let ending = Array((markdown ? "*/%}}" : "*/>}}").utf8)
            var end = index + 2
            while end + ending.count <= bytes.count {
                if bytes[end] == 0x0A, end > index, lineBreaks(start, end) > 20 { break }
                if bytes[end..<end + ending.count].elementsEqual(ending) {
                    let inner = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                    position = end + ending.count
                    return ((markdown ? "{{%" : "{{<") + inner + (markdown ? "%}}" : ">}}"), start..<position)
                }
                end += 1
            }
            return nil
        }

        private func lineBreaks(_ start: Int, _ end: Int) -> Int { bytes[start..<end].filter { $0 == 0x0A }.count }

        /// The tag at `position`, or nil when the text there is not one (it is then left as text).
        func readTag() -> Tag? {
            let start = position
            let markdown = bytes[start + 2] == UInt8(ascii: "%")
            let closer = markdown ? UInt8(ascii: "%") : UInt8(ascii: ">")
            var index = start + 3
            func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A { index += 1 } }
            skipSpaces()
            var closing = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { closing = true; index += 1; skipSpaces() }
            let nameStart = index
            while index < bytes.count, Scanning.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            var arguments: [(name: String?, value: String)] = []
            while true {
                skipSpaces()
                guard index < bytes.count else { return nil }
                if bytes[index] == UInt8(ascii: "/"), index + 3 < bytes.count, bytes[index + 1] == closer,
                   bytes[index + 2] == UInt8(ascii: "}"), bytes[index + 3] == UInt8(ascii: "}") {
                    return Tag(start: start, end: index + 4, isMarkdown: markdown, isClosing: closing, isSelfClosing: true,
                               name: name, arguments: arguments)
                }
                if bytes[index] == closer, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "}"),
                   bytes[index + 2] == UInt8(ascii: "}") {
                    return Tag(start: start, end: index + 3, isMarkdown: markdown, isClosing: closing, isSelfClosing: false,
                               name: name, arguments: arguments)
                }
                guard arguments.count < 64, let (argument, next) = readArgument(at: index, closer: closer) else { return nil }
                arguments.append(argument)
                index = next
            }
        }

        /// `key="value"`, `key=value`, `"value"`, `` `raw` ``, or a bare word.
        func readArgument(at start: Int, closer: UInt8) -> ((name: String?, value: String), Int)? {
            var index = start
            var name: String?
            let wordStart = index
            while index < bytes.count, Scanning.isNameByte(bytes[index]) { index += 1 }
            if index > wordStart, index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                name = String(decoding: bytes[wordStart..<index], as: UTF8.self)
                index += 1
            } else {
                index = wordStart
            }
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\""), let (value, next) = quoted(from: index + 1) { return ((name, value), next) }
            if quote == UInt8(ascii: "`") {
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "`") { end += 1 }
                guard end < bytes.count else { return nil }
                return ((name, String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), end + 1)
            }
            var end = index
            while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0A,
                  !(bytes[end] == closer && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "}")),
                  !(bytes[end] == UInt8(ascii: "/") && end + 1 < bytes.count && bytes[end + 1] == closer) {
                end += 1
            }
            guard end > index else { return nil }
            return ((name, String(decoding: bytes[index..<end], as: UTF8.self)), end)
        }

        /// A double-quoted value from after its opening quote: `\"` and `\\` are escapes.
        func quoted(from start: Int) -> (String, Int)? {
            var value: [UInt8] = []
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): return (String(decoding: value, as: UTF8.self), index + 1)
                case UInt8(ascii: "\\") where index + 1 < bytes.count:
                    value.append(bytes[index + 1])
                    index += 2
                case 0x0A: return nil
                default:
                    value.append(bytes[index])
                    index += 1
                }
            }
            return nil
        }

        static func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return true
            default:
                return byte >= 0x80
            }
        }

        /// True when `{{< /name >}}` (or `{{% /name %}}`) follows before the text ends: the
        /// shortcode at hand is then paired (Hugo knows it from the template; costmark from the text).
        func hasClosingTag(for name: String, from start: Int) -> Bool {
            let needles = ["{{< /" + name, "{{</" + name, "{{% /" + name, "{{%/" + name].map { Array($0.utf8) }
            var index = start
            while index + 4 < bytes.count {
                if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
                    for needle in needles where index + needle.count <= bytes.count
                        && bytes[index..<index + needle.count].elementsEqual(needle) {
                        let after = index + needle.count
                        if after >= bytes.count || !Scanning.isNameByte(bytes[after]) { return true }
                    }
                }
                index += 1
            }
            return false
        }

        /// Byte ranges of fenced code blocks (``` or ~~~, three or more, up to three spaces in).
        static func fences(_ bytes: [UInt8], lineStarts: [Int]) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var open: (start: Int, marker: UInt8, count: Int)?
            for (number, start) in lineStarts.enumerated() {
                let end = number + 1 < lineStarts.count ? lineStarts[number + 1] : bytes.count
                var index = start
                while index < end, index - start < 4, bytes[index] == 0x20 { index += 1 }
                guard index < end, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { continue }
                let marker = bytes[index]
                var count = 0
                while index < end, bytes[index] == marker { count += 1; index += 1 }
                guard count >= 3 else { continue }
                if let current = open {
                    if marker == current.marker, count >= current.count {
                        ranges.append(current.start..<end)
                        open = nil
                    }
                } else {
                    open = (start, marker, count)
                }
            }
            if let current = open { ranges.append(current.start..<bytes.count) }
            return ranges
        }
    }
}
