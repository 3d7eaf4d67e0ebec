/// Collects highlighted HTML as UTF-8 bytes. Every byte of the source passes through `plain` or
/// `token`, which escape it, so no author text can reach the page as markup.
struct HighlightWriter {
    private(set) var bytes: [UInt8] = []
    private static let closing = Array("</span>".utf8)

    init(capacity: Int) {
        bytes.reserveCapacity(capacity + capacity / 2 + 64)
    }

    mutating func plain(_ source: [UInt8], _ range: Range<Int>) {
        for index in range { escape(source[index]) }
    }

    mutating func token(_ kind: TokenClass?, _ source: [UInt8], _ range: Range<Int>) {
        guard let kind, !range.isEmpty else { return plain(source, range) }
        bytes.append(contentsOf: TokenClass.openingTags[Int(kind.rawValue)])
        plain(source, range)
        bytes.append(contentsOf: HighlightWriter.closing)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])            // &amp;
        case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                  // &lt;
        case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                  // &gt;
        case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])      // &quot;
        default: bytes.append(byte)
        }
    }
}
