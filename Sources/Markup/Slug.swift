/// The one rule that turns text into an address part (tags, and later file names and heading
/// ids): lowercase, letters and digits of every script kept, every run of anything else one
/// hyphen, none at either end. `Capacity Planning` → `capacity-planning`, `Über Größe` →
/// `über-größe`.
public enum Slug {
    public static func make(_ text: String, fallback: String) -> String {
        if let slug = asciiSlug(text, fallback: fallback) { return slug }
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? fallback : slug
    }

    /// The same rule over bytes, for the common all-ASCII text: Character-by-Character lowercasing
    /// costs more than the rest of planning a 10,000-essay site.
    private static func asciiSlug(_ text: String, fallback: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash, !bytes.isEmpty { bytes.append(0x2D) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        return bytes.isEmpty ? fallback : String(decoding: bytes, as: UTF8.self)
    }
}
