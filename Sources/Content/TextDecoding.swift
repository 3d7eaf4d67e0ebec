import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file as UTF-8 text. A file that cannot be read, or is not valid UTF-8, becomes a
/// located diagnostic instead of a crash or a silently mangled page.
public enum TextDecoding {
    public static func read(path: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        switch readBytes(path) {
        case .success(let bytes): return decode(bytes, displayPath: displayPath)
        case .failure(let error): return .failure(readFailure(error, displayPath: displayPath))
        }
    }

    /// An essay, refused without reading past the limit when it is larger than an essay may be.
    public static func readEssay(path: String, displayPath: String) -> Result<SourceFile, Diagnostic> {
        switch readBytes(path, limit: ContentLimits.essayBytes) {
        case .success(let bytes): return decode(bytes, displayPath: displayPath)
        case .failure(let error) where error.code == .EFBIG: return .failure(ContentLimits.essayTooLarge(displayPath))
        case .failure(let error): return .failure(readFailure(error, displayPath: displayPath))
        }
    }

    static func readFailure(_ error: POSIXError, displayPath: String) -> Diagnostic {
        .error("cannot read file: \(String(cString: strerror(error.code.rawValue)))", at: .file(displayPath))
    }

    /// The start of a file, cut after its last complete line: enough for front matter without
    /// reading and validating a long body. Returns nil when the file is shorter than `limit`
    /// (the caller then reads it whole) or cannot be read.
    public static func readPrefix(path: String, displayPath: String, limit: Int) -> SourceFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, limit - filled) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return nil }
            filled += count
        }
        guard let lastNewline = buffer.lastIndex(of: UInt8(ascii: "\n")),
              let text = String(validating: buffer[...lastNewline], as: UTF8.self) else { return nil }
        return SourceFile(path: displayPath, text: text)
    }

    /// The whole file through POSIX calls; Foundation's reader costs more than the read for small files.
    /// - Parameter limit: the most bytes wanted; a larger file (or one that grows past it while
    ///   being read) fails with `EFBIG` after reading at most one chunk past the limit.
    public static func readBytes(_ path: String, limit: Int = .max) -> Result<[UInt8], POSIXError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        defer { close(descriptor) }
        var info = stat()
        var bytes = [UInt8]()
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            if info.st_size > limit { return .failure(POSIXError(.EFBIG)) }
            bytes.reserveCapacity(Int(info.st_size))
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .failure(POSIXError(.EFBIG)) }
        }
        return .success(bytes)
    }

    public static func decode(_ data: Data, displayPath: String) -> Result<SourceFile, Diagnostic> {
        decode([UInt8](data), displayPath: displayPath)
    }

    public static func decode(_ input: [UInt8], displayPath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = input
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
