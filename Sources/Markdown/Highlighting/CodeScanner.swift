/// The one scanner behind every table-driven language: walks UTF-8 bytes once, left to right,
/// trying comments, strings, numbers and words in that order, and writes each token as it is
/// recognised. State is limited to what a few constructs need (the start of a line, the word
/// after `func`, the shell's command position, CSS brace depth); a construct the tables do not
/// describe comes out as plain, escaped text, never as an error.
struct CodeScanner {
    let spec: LanguageSpec
    let source: [UInt8]
    let end: Int
    var index: Int
    var out: HighlightWriter
    /// Only white space so far on this line.
    private var atLineStart = true
    /// Set by `func`/`class`: the class of the next word.
    private var pendingDefinition: TokenClass?
    /// Shell: the next word names a command.
    private var expectCommand = true
    /// CSS: inside a rule's braces.
    private var braceDepth = 0
    /// The last byte that was not white space, for CSS properties and shell comments.
    private var previousSignificant: UInt8 = 0x0A

    /// Highlights `range` of `source` and appends it to `out`.
    static func write(_ source: [UInt8], _ range: Range<Int>, spec: LanguageSpec, into out: inout HighlightWriter) {
        var scanner = CodeScanner(spec: spec, source: source, end: range.upperBound, index: range.lowerBound, out: out)
        out = HighlightWriter(capacity: 0)  // hand the buffer over instead of copying it
        scanner.run()
        out = scanner.out
    }

    private mutating func run() {
        while index < end {
            let byte = source[index]
            if byte == 0x0A {
                out.plain(source, index..<index + 1)
                index += 1
                atLineStart = true
                expectCommand = true
                previousSignificant = 0x0A
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                out.plain(source, index..<index + 1)
                index += 1
                continue
            }
            let lineStart = atLineStart
            atLineStart = false
            let start = index
            if lineStart, lineStartConstruct() {
            } else if comment() || string() || number() || word(lineStart: lineStart) || prefixed() || attribute() {
            } else {
                punctuation(byte)
            }
            if index > start { previousSignificant = source[index - 1] }
        }
    }

    // MARK: - Bytes

    @inline(__always) private func byte(at offset: Int) -> UInt8? {
        offset < end ? source[offset] : nil
    }

    @inline(__always) private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= end else { return false }
        for (position, expected) in pattern.enumerated() where source[offset + position] != expected { return false }
        return true
    }

    @inline(__always) static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x30 && byte <= 0x39
    }

    @inline(__always) static func isLetter(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    private func isWordByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return CodeScanner.isLetter(byte) || CodeScanner.isDigit(byte) || spec.wordBytes.contains(byte)
    }

    /// The first byte at or after `offset` that is not a space or tab.
    private func nextSignificant(from offset: Int) -> (byte: UInt8?, offset: Int) {
        var position = offset
        while let next = byte(at: position), next == 0x20 || next == 0x09 { position += 1 }
        return (byte(at: position), position)
    }

    private mutating func emit(_ kind: TokenClass?, upTo stop: Int) {
        out.token(kind, source, index..<stop)
        index = stop
    }

    private func endOfLine(from offset: Int) -> Int {
        var position = offset
        while position < end, source[position] != 0x0A { position += 1 }
        return position
    }

    // MARK: - Comments

    private mutating func comment() -> Bool {
        for rule in spec.blockComments where matches(rule.open, at: index) {
            var position = index + rule.open.count
            var depth = 1
            while position < end {
                if matches(rule.close, at: position) {
                    position += rule.close.count
                    depth -= 1
                    if depth == 0 { break }
                } else if rule.nests, matches(rule.open, at: position) {
                    position += rule.open.count
                    depth += 1
                } else {
                    position += 1
                }
            }
            emit(.comment, upTo: min(position, end))
            return true
        }
        for opener in spec.lineComments where matches(opener, at: index) {
            if spec.commentsNeedSpaceBefore, previousSignificant != 0x0A,
               ![0x20, 0x09, 0x3B].contains(source[index - 1]) {
                continue
            }
            emit(.comment, upTo: endOfLine(from: index))
            return true
        }
        return false
    }

    // MARK: - Strings

    private mutating func string() -> Bool {
        if let prefixes = spec.hashRawStringPrefixes, hashRawString(prefixes) { return true }
        guard let end = stringEnd(at: index) else { return false }
        emit(isKey(after: end) ? .attribute : .string, upTo: end)
        return true
    }

    /// Where a string opening at `offset` ends, or nil if no string opens there.
    private func stringEnd(at offset: Int) -> Int? {
        for rule in spec.strings where matches(rule.open, at: offset) {
            var position = offset + rule.open.count
            if rule.characterOnly {
                // `'x'`, `'\n'`, `'\u{1F600}'`; anything longer is a lifetime or a label.
                if byte(at: position) == rule.escape {
                    position += 2
                    while position < end, position - offset < 12, source[position] != rule.close[0],
                          source[position] != 0x0A { position += 1 }
                } else if let lead = byte(at: position), lead != rule.close[0], lead != 0x0A {
                    position += lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                }
                guard matches(rule.close, at: position) else { continue }
                return position + rule.close.count
            }
            while position < end {
                if let escape = rule.escape, source[position] == escape {
                    position += 2
                } else if matches(rule.close, at: position) {
                    return position + rule.close.count
                } else if source[position] == 0x0A, !rule.multiline {
                    return position
                } else {
                    position += 1
                }
            }
            return end
        }
        return nil
    }

    /// JSON's `"name":` is a key, not a value.
    private func isKey(after offset: Int) -> Bool {
        spec.features.contains(.stringKeys) && nextSignificant(from: offset).byte == 0x3A
    }

    /// Rust `r#"…"#`, `br"…"` and Swift `#"…"#`, `#"""…"""#`: the closing quote must be followed
    /// by as many `#` as the opening one was preceded by.
    private mutating func hashRawString(_ prefixes: [[UInt8]]) -> Bool {
        for prefix in prefixes where matches(prefix, at: index) {
            if !prefix.isEmpty, index > 0, isWordByte(source[index - 1]) { continue }
            var position = index + prefix.count
            var hashes = 0
            while byte(at: position) == 0x23 { hashes += 1; position += 1 }
            guard byte(at: position) == 0x22, !(prefix.isEmpty && hashes == 0) else { continue }
            let triple = matches([0x22, 0x22, 0x22], at: position)
            position += triple ? 3 : 1
            let close = (triple ? [0x22, 0x22, 0x22] : [0x22]) + [UInt8](repeating: 0x23, count: hashes)
            while position < end, !matches(close, at: position) { position += 1 }
            emit(.string, upTo: min(position + close.count, end))
            return true
        }
        return false
    }

    // MARK: - Numbers

    private mutating func number() -> Bool {
        let first = source[index]
        guard CodeScanner.isDigit(first) || (first == 0x2E && CodeScanner.isDigit(byte(at: index + 1))) else {
            return false
        }
        var position = index
        if first == 0x30, let radix = byte(at: index + 1), [0x78, 0x58, 0x62, 0x42, 0x6F, 0x4F].contains(radix) {
            position += 2
            while CodeScanner.isLetter(byte(at: position)) || CodeScanner.isDigit(byte(at: position)) { position += 1 }
            emit(.number, upTo: position)
            return true
        }
        while let next = byte(at: position), CodeScanner.isDigit(next) || next == 0x5F { position += 1 }
        if byte(at: position) == 0x2E, CodeScanner.isDigit(byte(at: position + 1)) {
            position += 1
            while let next = byte(at: position), CodeScanner.isDigit(next) || next == 0x5F { position += 1 }
        }
        if let e = byte(at: position), e | 0x20 == 0x65 {
            let sign = byte(at: position + 1) == 0x2B || byte(at: position + 1) == 0x2D ? 1 : 0
            if CodeScanner.isDigit(byte(at: position + 1 + sign)) {
                position += 1 + sign
                while CodeScanner.isDigit(byte(at: position)) { position += 1 }
            }
        }
        // Suffixes: `1.5f`, `10u32`, `100L`, CSS's `2rem` and `50%`.
        while let next = byte(at: position), CodeScanner.isLetter(next) || CodeScanner.isDigit(next) { position += 1 }
        if spec.features.contains(.css), byte(at: position) == 0x25 { position += 1 }
        emit(.number, upTo: position)
        return true
    }

    // MARK: - Words

    private func isWordStart(_ offset: Int) -> Bool {
        let first = source[offset]
        if CodeScanner.isLetter(first) { return true }
        guard spec.wordStartBytes.contains(first), let next = byte(at: offset + 1) else { return false }
        return CodeScanner.isLetter(next) || next == first || (spec.features.contains(.shell) && isWordByte(next))
    }

    private func wordEnd(from offset: Int) -> Int {
        var position = offset + 1
        while isWordByte(byte(at: position)) { position += 1 }
        return position
    }

    private mutating func word(lineStart: Bool) -> Bool {
        guard isWordStart(index) else { return false }
        let stop = wordEnd(from: index)
        let text = String(decoding: source[index..<stop], as: UTF8.self)
        let key = spec.caseInsensitive ? text.lowercased() : text
        // `r"…"`, `f'…'`: the prefix belongs to the string.
        if spec.stringPrefixes.contains(key), let end = stringEnd(at: stop) {
            emit(.string, upTo: end)
            return true
        }
        if spec.features.contains(.shell) {
            emit(shellWord(key, stop: stop), upTo: stop)
            return true
        }
        var kind = classify(key, stop: stop, lineStart: lineStart)
        var tokenEnd = stop
        if kind == nil, spec.features.contains(.bangMacros), byte(at: stop) == 0x21, byte(at: stop + 1) != 0x3D {
            kind = .function
            tokenEnd += 1
        }
        emit(kind, upTo: tokenEnd)
        return true
    }

    private mutating func classify(_ key: String, stop: Int, lineStart: Bool) -> TokenClass? {
        if let pending = pendingDefinition {
            pendingDefinition = nil
            if !spec.keywords.contains(key) { return pending }
        }
        if spec.keywords.contains(key), lineStart || !spec.features.contains(.keywordsAtLineStart) {
            if spec.functionDefiners.contains(key) { pendingDefinition = .function }
            if spec.typeDefiners.contains(key) { pendingDefinition = .type }
            return .keyword
        }
        if spec.types.contains(key) { return .type }
        if spec.builtins.contains(key) { return .builtin }
        if spec.features.contains(.css) { return cssWord(stop: stop) }
        if spec.capitalizedAreTypes, let first = key.utf8.first, first >= 0x41, first <= 0x5A { return .type }
        if spec.callsAreFunctions, byte(at: stop) == 0x28 { return .function }
        return nil
    }

    /// Outside braces a word is a selector; inside, a property when it starts a declaration.
    private func cssWord(stop: Int) -> TokenClass? {
        if source[index] == 0x2D, byte(at: index + 1) == 0x2D { return .variable }
        if braceDepth == 0 { return .tag }
        let startsDeclaration = [0x7B, 0x3B, 0x0A].contains(previousSignificant)  // `{`, `;`, a line end
        if startsDeclaration, nextSignificant(from: stop).byte == 0x3A { return .attribute }
        return byte(at: stop) == 0x28 ? .function : nil
    }

    /// The command word of a shell line is a function (a builtin if it is one); `-f` and
    /// `--force` are attributes; `NAME=value` before a command is a variable.
    private mutating func shellWord(_ key: String, stop: Int) -> TokenClass? {
        if source[index] == 0x2D { return .attribute }
        if spec.keywords.contains(key) {
            expectCommand = !["for", "case", "function", "select", "in"].contains(key)
            return .keyword
        }
        guard expectCommand else { return nil }
        if byte(at: stop) == 0x3D { return .variable }
        expectCommand = false
        return spec.builtins.contains(key) ? .builtin : .function
    }

    /// `@Attribute`, `#if`, `$variable`, `${variable}`, `&anchor`.
    private mutating func prefixed() -> Bool {
        let first = source[index]
        if spec.features.contains(.css), first == 0x23 || first == 0x2E, CodeScanner.isLetter(byte(at: index + 1))
            || (braceDepth > 0 && first == 0x23 && CodeScanner.isDigit(byte(at: index + 1))) {
            // `#fff` inside a rule is a colour; `#main` and `.note` outside are selectors.
            emit(braceDepth > 0 && first == 0x23 ? .number : .attribute, upTo: wordEnd(from: index + 1))
            return true
        }
        if spec.features.contains(.symbols), first == 0x3A, CodeScanner.isLetter(byte(at: index + 1)),
           previousSignificant != 0x3A, index == 0 || !isWordByte(source[index - 1]) {
            emit(.string, upTo: wordEnd(from: index + 1))
            return true
        }
        for rule in spec.prefixedWords where rule.prefix == first {
            if first == 0x24, byte(at: index + 1) == 0x7B {
                // `${name}` and `${name:-default}` as one variable.
                var position = index + 2
                while position < end, source[position] != 0x7D, source[position] != 0x0A { position += 1 }
                emit(rule.kind, upTo: min(position + 1, end))
                return true
            }
            if first == 0x24, let next = byte(at: index + 1),
               CodeScanner.isDigit(next) || "@?#*!$-".utf8.contains(next) {
                emit(rule.kind, upTo: index + 2)
                return true
            }
            var start = index + 1
            if byte(at: start) == first { start += 1 }  // Ruby `@@class_variable`
            guard start < end, CodeScanner.isLetter(source[start]) else { continue }
            emit(rule.kind, upTo: wordEnd(from: start))
            return true
        }
        return false
    }

    /// Rust `#[derive(Debug)]`, `#![allow(x)]`: the whole bracket is metadata.
    private mutating func attribute() -> Bool {
        guard spec.features.contains(.bracketAttributes), source[index] == 0x23 else { return false }
        var position = index + 1
        if byte(at: position) == 0x21 { position += 1 }
        guard byte(at: position) == 0x5B else { return false }
        var depth = 0
        while position < end {
            if source[position] == 0x5B { depth += 1 }
            if source[position] == 0x5D { depth -= 1; if depth == 0 { position += 1; break } }
            if source[position] == 0x0A { break }
            position += 1
        }
        emit(.meta, upTo: position)
        return true
    }

    private mutating func punctuation(_ byte: UInt8) {
        switch byte {
        case 0x7B: braceDepth += 1
        case 0x7D: braceDepth = max(0, braceDepth - 1)
        case 0x7C, 0x3B, 0x26, 0x28, 0x60: expectCommand = true   // | ; & ( `
        default: expectCommand = false                             // `[ -f x ]`: `[` is the command
        }
        // Copy a run of bytes no rule can start, up to the next that could.
        var stop = index + 1
        while stop < end, source[stop] >= 0x80, source[stop] & 0xC0 == 0x80 { stop += 1 }
        emit(nil, upTo: stop)
    }

    // MARK: - Line starts

    /// Constructs recognised only as the first thing on a line.
    private mutating func lineStartConstruct() -> Bool {
        let features = spec.features
        if features.contains(.preprocessor), source[index] == 0x23, CodeScanner.isLetter(byte(at: index + 1)) {
            let directiveEnd = wordEnd(from: index + 1)
            emit(.meta, upTo: directiveEnd)
            // `#include <stdio.h>`: the header name reads as a string.
            let next = nextSignificant(from: index)
            if next.byte == 0x3C, let close = source[next.offset..<endOfLine(from: next.offset)].firstIndex(of: 0x3E) {
                out.plain(source, index..<next.offset)
                index = next.offset
                emit(.string, upTo: close + 1)
            }
            return true
        }
        if features.contains(.yamlKeys) { return yamlKey() }
        if features.contains(.tomlKeys) { return tomlLine() }
        return false
    }

    /// `key:` and `- key:` at the start of a YAML line; `---` and `...` document markers.
    private mutating func yamlKey() -> Bool {
        if matches(Array("---".utf8), at: index) || matches(Array("...".utf8), at: index) {
            emit(.meta, upTo: index + 3)
            return true
        }
        var start = index
        while byte(at: start) == 0x2D, byte(at: start + 1) == 0x20 { start += 2 }
        let first = byte(at: start)
        guard let first, first != 0x23, first != 0x7B, first != 0x5B, first != 0x0A else {
            return start > index && emitPlain(upTo: start)
        }
        var position = start
        while position < end, source[position] != 0x0A {
            if source[position] == 0x23, position > start, source[position - 1] == 0x20 { break }
            if source[position] == 0x3A, position + 1 == end || [0x20, 0x0A, 0x0D].contains(source[position + 1]) {
                var keyEnd = position
                while keyEnd > start, source[keyEnd - 1] == 0x20 { keyEnd -= 1 }
                out.plain(source, index..<start)
                index = start
                emit(.attribute, upTo: keyEnd)
                return true
            }
            position += 1
        }
        return start > index && emitPlain(upTo: start)
    }

    private mutating func emitPlain(upTo stop: Int) -> Bool {
        emit(nil, upTo: stop)
        return true
    }

    /// `[table]`, `[[array.of.tables]]` and `key =` at the start of a TOML line.
    private mutating func tomlLine() -> Bool {
        if source[index] == 0x5B {
            emit(.type, upTo: endOfLine(from: index))
            return true
        }
        var position = index
        while let next = byte(at: position), isWordByte(next) || next == 0x2E || next == 0x22 || next == 0x27 {
            position += 1
        }
        guard position > index, nextSignificant(from: position).byte == 0x3D else { return false }
        emit(.attribute, upTo: position)
        return true
    }
}
