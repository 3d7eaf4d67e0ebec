/// HTML escaping over UTF-8 bytes. Mustache's own escaping walks Characters through a
/// dictionary, which dominated list pages; values the theme needs in bulk are escaped here
/// and passed pre-escaped (`titleHTML`, `summaryHTML`). The escaped set matches Mustache's.
/// Text with nothing to escape comes back as it is; runs between escapes are copied whole.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            var copied = first
            for index in first..<bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(contentsOf: "&#39;".utf8)
                }
                copied = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
