/// Tokens in libFuzzer's dictionary format, so the Swift mutation fuzzer and libFuzzer share
/// one file (`scripts/fuzz/scenario.dict`).
///
///     # a comment
///     kw_unit="unit"
///     "\x7b\x7b"        (escapes: \\, \" and \xHH)
public enum FuzzDictionary {
    public static func parse(_ text: String) -> [[UInt8]] {
        var tokens: [[UInt8]] = []
        for line in text.split(separator: "\n") {
            let bytes = Array(line.utf8)
            guard let open = bytes.firstIndex(of: UInt8(ascii: "\"")), !bytes.prefix(open).contains(UInt8(ascii: "#")),
                  let close = bytes.lastIndex(of: UInt8(ascii: "\"")), close > open else { continue }
            if let token = unescape(bytes[(open + 1)..<close]), !token.isEmpty { tokens.append(token) }
        }
        return tokens
    }

    private static func unescape(_ quoted: ArraySlice<UInt8>) -> [UInt8]? {
        var token: [UInt8] = []
        var index = quoted.startIndex
        while index < quoted.endIndex {
            let byte = quoted[index]
            guard byte == UInt8(ascii: "\\") else {
                token.append(byte)
                index += 1
                continue
            }
            guard index + 1 < quoted.endIndex else { return nil }
            let next = quoted[index + 1]
            if next == UInt8(ascii: "x") {
                guard index + 3 < quoted.endIndex,
                      let value = UInt8(String(decoding: quoted[(index + 2)...(index + 3)], as: UTF8.self), radix: 16) else { return nil }
                token.append(value)
                index += 4
            } else {
                token.append(next)
                index += 2
            }
        }
        return token
    }
}
