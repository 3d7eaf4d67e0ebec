/// Escaping for text placed in XML (feeds, sitemap) and HTML attributes built outside templates.
enum Escaping {
    /// Works on UTF-8 bytes: every byte that needs attention is ASCII, and the sitemap of a
    /// 10,000-essay site escapes every address on every build.
    static func xml(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsAttention) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + bytes.count / 8)
            // Runs of bytes that need nothing are copied whole (feeds escape whole pages).
            var runStart = 0
            for (index, byte) in bytes.enumerated() where needsAttention(byte) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&apos;".utf8)
                default: continue   // control characters other than tab and line breaks: not allowed in XML 1.0
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D)
            : (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27)
    }
}
