/// A 64-bit hash of everything a cached file is made from. Deterministic across runs and
/// machines (unlike `Hasher`), so it can name files on disk.
///
/// Eight bytes at a time, each word folded in with a 64×64→128-bit multiply whose halves are
/// xored (the mixing step of wyhash): a rebuild fingerprints every essay's neighbours and
/// every list page, and a clean build every essay's bytes, so a byte-at-a-time hash showed up
/// in profiles. Not a cryptographic hash; the inputs are the author's own files.
public struct Fingerprint: Sendable {
    public private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    public init() {}

    private static let wordFactor: UInt64 = 0xA076_1D64_78BD_642F
    private static let endFactor: UInt64 = 0xE703_7ED1_A0B4_28DB

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    public mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        var state = value
        while offset + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state = Fingerprint.mix(state ^ word, Fingerprint.wordFactor) &+ 0x9E37_79B9_7F4A_7C15
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        // The length closes each piece, so ("ab", "c") and ("a", "bc") differ.
        value = Fingerprint.mix(state ^ tail, Fingerprint.endFactor ^ UInt64(buffer.count))
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: Int) { add(String(number)) }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
