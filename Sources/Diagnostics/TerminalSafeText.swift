/// Text from essays and data files made safe to print in a terminal or a CI log: control
/// characters (a CSV cell `\e]0;PWNED\a` would retitle the terminal of whoever runs the build),
/// bidirectional overrides and private-use characters are shown escaped as `\u{1B}`, so a
/// message shows exactly which bytes are there and none of them acts.
public enum TerminalSafeText {
    /// `text` with every character that could act on a terminal, or would be invisible, escaped.
    /// Tabs are kept when `keepTabs` is set (a source line expands them itself).
    public static func escaped(_ text: String, keepTabs: Bool = false) -> String {
        guard needsEscaping(text, keepTabs: keepTabs) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepTabs: keepTabs) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether one character would be escaped by `escaped`.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepTabs: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: return !keepTabs
        case 0x00...0x1F, 0x7F...0x9F: return true                 // C0 and C1 controls, DEL
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true   // bidirectional controls
        case 0xE000...0xF8FF: return true                           // private use (costmark's placeholders)
        default: return false
        }
    }

    /// A scan of the bytes: plain ASCII text (nearly every message) is returned as it is.
    private static func needsEscaping(_ text: String, keepTabs: Bool) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 { if byte != 0x09 || !keepTabs { return true } }
            if byte >= 0x7F { return true }
        }
        return false
    }
}
