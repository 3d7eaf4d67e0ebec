import Diagnostics

/// Turns scenario text into tokens. Works on UTF-8 bytes so spans are byte offsets, which the
/// fragment maps back to the essay's line and column.
public struct Lexer {
    private let bytes: [UInt8]
    private let fragment: SourceFragment
    private var index = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// Unexpected characters past the first few are counted, not each reported: every message
    /// costs a walk to its line, and a binary file pasted into a block has thousands.
    private var unexpectedCount = 0
    static let maximumReported = 20

    public init(_ fragment: SourceFragment) {
        self.fragment = fragment
        self.bytes = Array(fragment.text.utf8)
    }

    public static func tokenize(_ fragment: SourceFragment) -> ([Token], [Diagnostic]) {
        var lexer = Lexer(fragment)
        let tokens = lexer.all()
        return (tokens, lexer.diagnostics)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x30 && byte <= 0x39
    }

    /// Letters (any script), digits and `_` continue a name.
    private static func isNameByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x80 || byte == 0x5F || isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether the text at the cursor begins with `pattern` (compared byte by byte, no allocation).
    private func starts(with pattern: StaticString) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return pattern.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// Multi-byte symbols that end a name: `×`, `·`, `€`, `£` (all begin with 0xC2 or 0xC3 or 0xE2).
    private func atSymbol() -> Bool {
        guard let byte = peek(), byte >= 0xC2 else { return false }
        return starts(with: "×") || starts(with: "·") || starts(with: "€") || starts(with: "£")
    }

    mutating func all() -> [Token] {
        var tokens: [Token] = []
        var afterCurrency = false
        /// Inside `(…)` and `[…]` a comma separates; outside, `14,474,302` groups thousands.
        var bracketDepth = 0
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0D:
                index += 1
                continue
            case UInt8(ascii: "#"):
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\n"):
                index += 1
                tokens.append(Token(.newline, SourceSpan(start, index)))
            case _ where Lexer.isDigit(byte) && atDate():
                tokens.append(date())
            case _ where Lexer.isDigit(byte) || (byte == UInt8(ascii: ".") && Lexer.isDigit(peek(1))):
                tokens.append(number(allowCommaGroups: afterCurrency || bracketDepth == 0))
                // `12.6×` or `12.6x`: a plain factor, as prose writes growth multiples.
                if starts(with: "×") {
                    tokens.append(Token(.times, SourceSpan(index, index + 2)))
                    index += 2
                } else if peek() == UInt8(ascii: "x"), !Lexer.isNameByte(peek(1)) {
                    tokens.append(Token(.times, SourceSpan(index, index + 1)))
                    index += 1
                }
            case _ where starts(with: "€"):
                index += 3
                tokens.append(Token(.currency("€"), SourceSpan(start, index)))
            case _ where starts(with: "£"):
                index += 2
                tokens.append(Token(.currency("£"), SourceSpan(start, index)))
            case _ where starts(with: "×"):
                index += 2
                tokens.append(Token(.star, SourceSpan(start, index)))
            case _ where starts(with: "·"):
                index += 2
                tokens.append(Token(.star, SourceSpan(start, index)))
            case UInt8(ascii: "\""):
                tokens.append(string())
            case _ where starts(with: "≈"):
                index += 3
                tokens.append(Token(.approximately, SourceSpan(start, index)))
            case UInt8(ascii: "$"):
                index += 1
                tokens.append(Token(.currency("$"), SourceSpan(start, index)))
            case _ where Lexer.isNameByte(byte) && !atSymbol():
                while Lexer.isNameByte(peek()) {
                    // Stop before a multi-byte symbol that is an operator, not a letter.
                    if atSymbol() { break }
                    index += 1
                }
                let name = String(decoding: bytes[start..<index], as: UTF8.self)
                tokens.append(Token(.identifier(name), SourceSpan(start, index)))
            default:
                index += 1
                let kind: Token.Kind?
                switch byte {
                case UInt8(ascii: "%"): kind = .percent
                case UInt8(ascii: "+"): kind = .plus
                case UInt8(ascii: "-"): kind = .minus
                case UInt8(ascii: "*"): kind = .star
                case UInt8(ascii: "/"): kind = .slash
                case UInt8(ascii: "^"): kind = .caret
                case UInt8(ascii: "("): kind = .leftParen; bracketDepth += 1
                case UInt8(ascii: ")"): kind = .rightParen; bracketDepth = max(0, bracketDepth - 1)
                case UInt8(ascii: "["): kind = .leftBracket; bracketDepth += 1
                case UInt8(ascii: "]"): kind = .rightBracket; bracketDepth = max(0, bracketDepth - 1)
                case UInt8(ascii: "~"): kind = .approximately
                case UInt8(ascii: ","): kind = .comma
                case UInt8(ascii: ":"): kind = .colon
                case UInt8(ascii: "|"): kind = .pipe
                case UInt8(ascii: "."):
                    if peek() == UInt8(ascii: ".") { index += 1; kind = .dotDot } else { kind = .dot }
                case UInt8(ascii: "="):
                    if peek() == UInt8(ascii: "=") { index += 1; kind = .equalEqual } else { kind = .equals }
                case UInt8(ascii: "!"):
                    if peek() == UInt8(ascii: "=") { index += 1; kind = .notEqual } else { kind = nil }
                case UInt8(ascii: "<"):
                    if peek() == UInt8(ascii: "=") { index += 1; kind = .lessEqual } else { kind = .less }
                case UInt8(ascii: ">"):
                    if peek() == UInt8(ascii: "=") { index += 1; kind = .greaterEqual } else { kind = .greater }
                default: kind = nil
                }
                if let kind {
                    tokens.append(Token(kind, SourceSpan(start, index)))
                } else {
                    // Skip the rest of a multi-byte character so the message names it whole.
                    while let next = peek(), next & 0xC0 == 0x80 { index += 1 }
                    unexpectedCount += 1
                    if unexpectedCount <= Lexer.maximumReported {
                        let text = String(decoding: bytes[start..<index], as: UTF8.self)
                        diagnostics.append(.error("unexpected character `\(text)`", at: fragment.location(SourceSpan(start, index))))
                    }
                }
            }
            afterCurrency = tokens.last.map { if case .currency = $0.kind { return true } else { return false } } ?? false
        }
        tokens.append(Token(.end, SourceSpan(bytes.count, bytes.count)))
        if unexpectedCount > Lexer.maximumReported {
            diagnostics.append(.error("\(unexpectedCount - Lexer.maximumReported) more unexpected characters",
                                      at: fragment.location(SourceSpan(0, 1))))
        }
        return tokens
    }

    /// `2027-03-01` (and not followed by a digit): a date, never a subtraction.
    private func atDate() -> Bool {
        guard index + 10 <= bytes.count, !Lexer.isDigit(peek(10)), !Lexer.isNameByte(peek(10)) else { return false }
        for offset in 0..<10 {
            let isDash = offset == 4 || offset == 7
            if isDash ? bytes[index + offset] != UInt8(ascii: "-") : !Lexer.isDigit(bytes[index + offset]) { return false }
        }
        return true
    }

    private mutating func date() -> Token {
        let start = index
        func value(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[start + $1] - 0x30) } }
        index += 10
        let (year, month, day) = (value(0..<4), value(5..<7), value(8..<10))
        guard (1...12).contains(month), day >= 1, day <= CalendarDays.daysIn(month: month, year: year) else {
            diagnostics.append(.error("not a date on the calendar", at: fragment.location(SourceSpan(start, index))))
            return Token(.date(0), SourceSpan(start, index))
        }
        return Token(.date(CalendarDays.days(year: year, month: month, day: day)), SourceSpan(start, index))
    }

    /// `"text"` on one line; `\"` is a quote inside it.
    private mutating func string() -> Token {
        let start = index
        index += 1
        var content: [UInt8] = []
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            index += 1
            if byte == UInt8(ascii: "\""), content.last != UInt8(ascii: "\\") {
                return Token(.string(String(decoding: content, as: UTF8.self)), SourceSpan(start, index))
            }
            if byte == UInt8(ascii: "\""), content.last == UInt8(ascii: "\\") { content.removeLast() }
            content.append(byte)
        }
        diagnostics.append(.error("a text in quotes is never closed", at: fragment.location(SourceSpan(start, index))))
        return Token(.string(String(decoding: content, as: UTF8.self)), SourceSpan(start, index))
    }

    /// `42`, `3.5`, `1_000`, `1e6`, `100k`, `2.5M`; outside parentheses and brackets (and always
    /// after a currency symbol) also `100,000`.
    private mutating func number(allowCommaGroups: Bool) -> Token {
        let start = index
        var digits = ""
        var decimals = 0
        func takeDigits(counting: Bool) {
            while let byte = peek() {
                if Lexer.isDigit(byte) {
                    digits.append(Character(UnicodeScalar(byte)))
                    if counting { decimals += 1 }
                    index += 1
                } else if byte == UInt8(ascii: "_"), Lexer.isDigit(peek(1)) {
                    index += 1
                } else if !counting, allowCommaGroups, byte == UInt8(ascii: ","),
                          Lexer.isDigit(peek(1)), Lexer.isDigit(peek(2)), Lexer.isDigit(peek(3)), !Lexer.isDigit(peek(4)) {
                    index += 1
                } else {
                    break
                }
            }
        }
        takeDigits(counting: false)
        if peek() == UInt8(ascii: "."), Lexer.isDigit(peek(1)) {
            digits.append(".")
            index += 1
            takeDigits(counting: true)
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var lookahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { lookahead = 2 }
            if Lexer.isDigit(peek(lookahead)) {
                digits.append("e")
                index += 1
                if lookahead == 2 { digits.append(Character(UnicodeScalar(bytes[index]))); index += 1 }
                while Lexer.isDigit(peek()) { digits.append(Character(UnicodeScalar(bytes[index]))); index += 1 }
            }
        }
        var scale = 1.0
        if let suffix = peek(), !Lexer.isNameByte(peek(1)) {
            if suffix == UInt8(ascii: "k") { scale = 1e3; index += 1 }
            else if suffix == UInt8(ascii: "M") { scale = 1e6; index += 1 }
        }
        var value = (Double(digits) ?? 0) * scale
        if !value.isFinite {
            diagnostics.append(.error("this number is too large to compute with (the largest is about 1.8e308)",
                                      at: fragment.location(SourceSpan(start, index))))
            value = 0
        }
        return Token(.number(value, decimals: min(decimals, 15), scale: scale), SourceSpan(start, index))
    }
}
