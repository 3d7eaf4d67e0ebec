#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text searches done on UTF-8 bytes. The standard library's `replacing(_:with:)` and
/// `ranges(of:)` compare `Character`s and cost milliseconds on a page of HTML; the GFM layer
/// only ever looks for fixed ASCII or private-use sequences, for which bytes are exact.
public enum ByteText {
    /// Byte offsets where `needle` starts in `bytes`, left to right, not overlapping.
    public static func offsets(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        var index = 0
        while let found = firstOffset(of: needle, in: bytes, from: index) {
            result.append(found)
            index = found + needle.count
        }
        return result
    }

    /// The first byte offset at or after `start` where `needle` starts in `bytes`.
    public static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>,
                                   from start: Int) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            // memchr finds the candidates; most text has none.
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// An edit of text: the bytes at `offset..<offset + length` replaced by `text`.
    public typealias Edit = (offset: Int, length: Int, text: String)

    /// `text` with every occurrence of `target` replaced; `text` itself when there is none.
    public static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let needle = Array(target.utf8)
        return edited(text) { bytes in offsets(of: needle, in: bytes).map { ($0, needle.count, replacement) } }
    }

    /// `text` with the edits `find` returns for its bytes (in order); `text` itself when none.
    public static func edited(_ text: String, _ find: (UnsafeBufferPointer<UInt8>) -> [Edit]) -> String {
        var contiguous = text
        let spliced = contiguous.withUTF8 { bytes -> String? in
            let edits = find(bytes)
            return edits.isEmpty ? nil : splice(bytes, at: edits)
        }
        return spliced ?? text
    }

    /// The bytes with each `(offset, length)` range replaced by its text; ranges in order.
    public static func splice(_ bytes: UnsafeBufferPointer<UInt8>, at edits: [Edit]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32 * edits.count)
        var copied = 0
        for edit in edits {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<edit.offset]))
            output.append(contentsOf: edit.text.utf8)
            copied = edit.offset + edit.length
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` holds `target`.
    public static func contains(_ target: String, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstOffset(of: Array(target.utf8), in: $0, from: 0) != nil }
    }
}
