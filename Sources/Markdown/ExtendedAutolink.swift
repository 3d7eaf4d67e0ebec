/// GFM's extended autolinks in plain text: `https://…`, `http://…` and `www.…` (linked as
/// `http://www.…`), without angle brackets.
///
/// A link starts at the beginning of the text, after white space, or after `*`, `_`, `~` or
/// `(`; its domain is dot-separated segments of letters, digits, `-` and `_` (none in the last
/// two segments) with at least one dot; it runs to white space or `<`. Then its end is trimmed
/// until stable: trailing `?!.,:*_~` go, a trailing `)` goes while the link has more `)` than
/// `(`, and a trailing `&name;` goes, since it reads as an entity.
enum ExtendedAutolink {
    struct Match: Equatable {
        /// Byte offsets in the scanned text.
        var range: Range<Int>
        var url: String
        var text: String
    }

    /// - Parameters:
    ///   - startsAtBoundary: whether the text's first byte may start a link (what came before
    ///     it in the paragraph was white space or emphasis, say).
    ///   - smart: whether cmark's smart punctuation ran: a URL's `--`, `...` and quotes are then
    ///     written back as the author typed them.
    static func matches(in bytes: [UInt8], startsAtBoundary: Bool, smart: Bool) -> [Match] {
        var result: [Match] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index] | 0x20
            guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w"),
                  index == 0 ? startsAtBoundary : isBoundary(bytes[index - 1]),
                  let match = match(in: bytes, at: index, smart: smart) else {
                index += 1
                continue
            }
            result.append(match)
            index = match.range.upperBound
        }
        return result
    }

    private static func match(in bytes: [UInt8], at start: Int, smart: Bool) -> Match? {
        let domainStart: Int
        if hasPrefix(bytes, at: start, "https://") {
            domainStart = start + 8
        } else if hasPrefix(bytes, at: start, "http://") {
            domainStart = start + 7
        } else if bytes[start...].starts(with: Array("www.".utf8)) {
            domainStart = start
        } else {
            return nil
        }
        var domainEnd = domainStart
        while domainEnd < bytes.count, isDomainByte(bytes[domainEnd]) { domainEnd += 1 }
        var end = domainEnd
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<"), !isMarker(bytes, at: end) {
            end += 1
        }
        end = trimmedEnd(bytes, start: start, end: end, floor: domainStart)
        guard isValidDomain(bytes[domainStart..<min(domainEnd, end)]) else { return nil }
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if smart { text = unsmartened(text) }
        let url = domainStart == start ? "http://" + text : text
        return Match(range: start..<end, url: url, text: text)
    }

    /// Trims the end of a link candidate until none of the trailing rules applies.
    private static func trimmedEnd(_ bytes: [UInt8], start: Int, end: Int, floor: Int) -> Int {
        var end = end
        while end > floor {
            let last = bytes[end - 1]
            if "?!.,:*_~".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opening = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closing = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closing > opening else { break }
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var ampersand = end - 2
                while ampersand > start, isAlphanumeric(bytes[ampersand]) { ampersand -= 1 }
                guard ampersand < end - 2, bytes[ampersand] == UInt8(ascii: "&") else { break }
                end = ampersand
            } else if end - 3 >= floor, bytes[(end - 3)..<end].elementsEqual([0xE2, 0x80, 0xA6]) {
                end -= 3 // "…", which smart punctuation made of "..."
            } else {
                break
            }
        }
        return end
    }

    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        var segments = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if segments.last?.isEmpty == true { segments.removeLast() }
        guard segments.count >= 2, !segments[0].isEmpty else { return false }
        return !segments.suffix(2).contains { $0.contains(UInt8(ascii: "_")) }
    }

    static func isBoundary(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            || byte == UInt8(ascii: "(")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    /// costmark's own private-use markers (U+E000–U+E0FF), such as the `{{ }}` placeholders:
    /// a link must not swallow a live value.
    private static func isMarker(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index] == 0xEE && index + 1 < bytes.count && bytes[index + 1] & 0xFC == 0x80
    }

    private static func hasPrefix(_ bytes: [UInt8], at start: Int, _ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard start + prefix.count <= bytes.count else { return false }
        return zip(bytes[start...], prefix).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// Writes smart punctuation back as the ASCII it was made from.
    private static func unsmartened(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2013}": result += "--"
            case "\u{2014}": result += "---"
            case "\u{2026}": result += "..."
            case "\u{2018}", "\u{2019}": result += "'"
            case "\u{201C}", "\u{201D}": result += "\""
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
