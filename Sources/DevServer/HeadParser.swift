import Foundation

/// Parses a request head from its bytes in one pass over them. Strict where leniency would let
/// a request mean different things to different readers: single spaces in the request line, no
/// space before a header's colon, no folded lines, no control characters.
enum HeadParser {
    static let lineFeed: UInt8 = 10, carriageReturn: UInt8 = 13, space: UInt8 = 32, tab: UInt8 = 9, colon: UInt8 = 58

    /// - Parameter bytes: the head, up to and including the blank line that ends it.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(HeadProblem) -> RequestHead {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: lineFeed) {
            var line = bytes[start..<end]
            if line.last == carriageReturn { line = line.dropLast() }
            // Blank lines before the request line are allowed and skipped (RFC 9112 §2.2).
            if !(lines.isEmpty && line.isEmpty) { lines.append(line) }
            start = end + 1
        }
        guard lines.last?.isEmpty == true else { throw .malformed("the head does not end with a blank line") }
        lines.removeLast()
        guard let first = lines.first else { throw .malformed("no request line") }
        var head = try requestLine(first)
        head.fields = try lines.dropFirst().map(field)
        return head
    }

    static func requestLine(_ line: ArraySlice<UInt8>) throws(HeadProblem) -> RequestHead {
        let parts = line.split(separator: space, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw .malformed("the request line is not 'METHOD target HTTP/1.1'")
        }
        guard parts[0].allSatisfy(isTokenByte) else { throw .malformed("the method is not a token") }
        guard parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw .malformed("the target has a space, a control character or a byte outside ASCII")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw .malformed("no HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .unsupportedVersion(version) }
        return RequestHead(method: String(decoding: parts[0], as: UTF8.self),
                           target: String(decoding: parts[1], as: UTF8.self), version: version, fields: [])
    }

    static func field(_ line: ArraySlice<UInt8>) throws(HeadProblem) -> RequestHead.Field {
        guard let colon = line.firstIndex(of: colon) else { throw .malformed("a header line has no colon") }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw .malformed("a header name is empty or has a space or a character not allowed in it")
        }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == space || byte == tab { value = value.dropFirst() }
        while let byte = value.last, byte == space || byte == tab { value = value.dropLast() }
        guard value.allSatisfy({ $0 == tab || ($0 >= 32 && $0 != 127) }) else {
            throw .malformed("a header value has a control character")
        }
        return RequestHead.Field(name: String(decoding: name, as: UTF8.self).lowercased(),
                                 value: String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 `tchar`: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
