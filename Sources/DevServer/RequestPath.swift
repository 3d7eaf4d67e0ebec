/// The path of a request target as names of folders and a file, decoded strictly. The path is
/// split at its literal slashes before decoding, so `%2F` cannot make a new level; a segment
/// that decodes to something no file can be called (`.`, `..`, a name with `/`, a hidden name)
/// is the caller's to refuse.
enum RequestPath {
    enum Problem: Error, Equatable {
        /// `%` not followed by two hex digits, bytes that are not UTF-8, or a NUL.
        case badEncoding
        /// Not `/…`: an absolute URL (meant for a proxy) or `*`.
        case notAPath
    }

    static func segments(of target: String) throws(Problem) -> [String] {
        let path = target.prefix { $0 != "?" }
        guard path.hasPrefix("/") else { throw .notAPath }
        return try path.utf8.split(separator: UInt8(ascii: "/")).map { raw throws(Problem) in try decode(raw) }
    }

    static func decode(_ raw: Substring.UTF8View.SubSequence) throws(Problem) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index = raw.index(after: index)
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard index < raw.endIndex, let high = hexValue(raw[index]) else { throw .badEncoding }
            index = raw.index(after: index)
            guard index < raw.endIndex, let low = hexValue(raw[index]) else { throw .badEncoding }
            index = raw.index(after: index)
            bytes.append(high << 4 | low)
        }
        // Decoding repairs bad UTF-8 with U+FFFD, so a changed byte sequence means it was not UTF-8.
        let text = String(decoding: bytes, as: UTF8.self)
        guard !bytes.contains(0), text.utf8.elementsEqual(bytes) else { throw .badEncoding }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
