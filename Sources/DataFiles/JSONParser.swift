import Diagnostics

/// A small JSON parser that keeps each value's byte offset, so an error in a data file can point
/// at its line and column (Foundation's parser gives neither for values). Nesting is bounded by
/// `DataLimits.jsonDepth`, so no input can exhaust the stack.
struct JSONParser {
    indirect enum Value {
        case object([(key: String, keyOffset: Int, value: Node)])
        case array([Node])
        case string(String)
        case number(ArraySlice<UInt8>)
        case bool(Bool)
        case null
    }

    struct Node {
        var value: Value
        var offset: Int
        var end: Int
    }

    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: [UInt8]
    var position = 0
    var depth = 0

    static func parse(_ bytes: [UInt8]) -> Result<Node, Failure> {
        var parser = JSONParser(bytes: bytes)
        do {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
            let node = try parser.value()
            parser.skipSpace()
            guard parser.position == bytes.count else { throw Failure(message: "unexpected text after the JSON value", offset: parser.position) }
            return .success(node)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: parser.position))
        }
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func value() throws -> Node {
        skipSpace()
        guard position < bytes.count else { throw Failure(message: "expected a JSON value, found the end of the file", offset: position) }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"): return try nested { try $0.object(start) }
        case UInt8(ascii: "["): return try nested { try $0.array(start) }
        case UInt8(ascii: "\""): return Node(value: .string(try string()), offset: start, end: position)
        case UInt8(ascii: "t"): try word("true"); return Node(value: .bool(true), offset: start, end: position)
        case UInt8(ascii: "f"): try word("false"); return Node(value: .bool(false), offset: start, end: position)
        case UInt8(ascii: "n"): try word("null"); return Node(value: .null, offset: start, end: position)
        case UInt8(ascii: "-"), 0x30...0x39:
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                     UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                    continue
                default: break
                }
                break
            }
            return Node(value: .number(bytes[start..<position]), offset: start, end: position)
        default:
            throw Failure(message: "expected a JSON value", offset: position)
        }
    }

    mutating func nested(_ body: (inout JSONParser) throws -> Node) throws -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth <= DataLimits.jsonDepth else {
            throw Failure(message: "arrays and objects nest more than \(DataLimits.jsonDepth) levels deep", offset: position)
        }
        return try body(&self)
    }

    mutating func word(_ text: String) throws {
        let expected = Array(text.utf8)
        guard bytes[position...].starts(with: expected) else { throw Failure(message: "expected a JSON value", offset: position) }
        position += expected.count
    }

    mutating func object(_ start: Int) throws -> Node {
        position += 1
        var members: [(key: String, keyOffset: Int, value: Node)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return Node(value: .object(members), offset: start, end: position)
        }
        while true {
            skipSpace()
            let keyOffset = position
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw Failure(message: "expected a key in quotes", offset: position)
            }
            let key = try string()
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw Failure(message: "expected `:` after the key", offset: position)
            }
            position += 1
            members.append((key, keyOffset, try value()))
            skipSpace()
            guard position < bytes.count else { throw Failure(message: "the object is never closed", offset: start) }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; break }
            throw Failure(message: "expected `,` or `}` in the object", offset: position)
        }
        return Node(value: .object(members), offset: start, end: position)
    }

    mutating func array(_ start: Int) throws -> Node {
        position += 1
        var items: [Node] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return Node(value: .array(items), offset: start, end: position)
        }
        while true {
            items.append(try value())
            if items.count > DataLimits.rows {
                throw Failure(message: "the array has more than \(DataLimits.rows) items, the limit for a data file", offset: start)
            }
            skipSpace()
            guard position < bytes.count else { throw Failure(message: "the array is never closed", offset: start) }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; break }
            throw Failure(message: "expected `,` or `]` in the array", offset: position)
        }
        return Node(value: .array(items), offset: start, end: position)
    }

    mutating func string() throws -> String {
        let start = position
        position += 1
        // Most strings hold no escape: decoded from the bytes in one piece.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: content, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): content.append(0x0A)
                case UInt8(ascii: "t"): content.append(0x09)
                case UInt8(ascii: "r"): content.append(0x0D)
                case UInt8(ascii: "b"): content.append(0x08)
                case UInt8(ascii: "f"): content.append(0x0C)
                case UInt8(ascii: "u"): content += try unicodeEscape()
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): content.append(escaped)
                default: throw Failure(message: "unknown escape in a string", offset: position - 2)
                }
            case 0x00..<0x20: throw Failure(message: "a control character inside a string", offset: position - 1)
            default: content.append(byte)
            }
        }
        throw Failure(message: "the string is never closed", offset: start)
    }

    mutating func unicodeEscape() throws -> [UInt8] {
        func hex() throws -> UInt32 {
            guard position + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw Failure(message: "expected four hexadecimal digits after `\\u`", offset: position)
            }
            position += 4
            return value
        }
        var code = try hex()
        if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: Array("\\u".utf8)) {
            position += 2
            let low = try hex()
            code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }
}
