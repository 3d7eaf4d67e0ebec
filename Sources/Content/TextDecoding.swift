import Diagnostics
import Foundation

/// Reads a file as UTF-8 text. A file that cannot be read, or is not valid UTF-8, becomes a
/// located diagnostic instead of a crash or a silently mangled page.
public enum TextDecoding {
    public static func read(path: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error("cannot read file", at: .file(displayPath)))
        }
        return decode(data, displayPath: displayPath)
    }

    public static func decode(_ data: Data, displayPath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = [UInt8](data)
        // A byte-order mark is legal UTF-8 but not content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(SourceFile(path: displayPath, text: text))
        }
        let bad = firstInvalidOffset(bytes)
        // Locate the bad byte using the valid prefix, which decodes cleanly.
        let lineStart = bytes[..<bad].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[..<bad].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let prefix = String(decoding: bytes[lineStart..<bad], as: UTF8.self)
        let lineEnd = bytes[bad...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let location = SourceLocation(file: displayPath, line: line, column: prefix.count + 1, lineText: lineText)
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        return .failure(.error("file is not valid UTF-8 (byte 0x\(hex) at offset \(bad))", at: location,
                               notes: [.init("save the file as UTF-8")]))
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            var scratch = Array(bytes[index..<index + length])
            if String(validating: scratch, as: UTF8.self) == nil { return index }
            scratch.removeAll()
            index += length
        }
        return bytes.count
    }
}
