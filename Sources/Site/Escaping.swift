/// Escaping for text placed in XML (feeds, sitemap) and HTML attributes built outside templates.
enum Escaping {
    /// Works on UTF-8 bytes: every byte that needs attention is ASCII, and the sitemap of a
    /// 10,000-essay site escapes every address on every build.
    static func xml(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsAttention) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D)
            : (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27)
    }
}
