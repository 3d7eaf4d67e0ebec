import Runtime

/// A small mutation fuzzer, deterministic for a given seed: the smoke run that `swift test`
/// does on every target, and `costmark-fuzz --mutate` when no libFuzzer build is at hand.
///
/// Each input is a seed file after one to four mutations: bit flips and odd bytes, dictionary
/// tokens, deletions, splices of two seeds, odd numbers (`1e400`, `-0`, `nan`) in place of a
/// number, and the two shapes that find recursion and quadratic work: a slice repeated many
/// times, and a slice wrapped in many brackets (`((…))`, `{{ }}`, `> `, `- `, indentation).
public struct MutationFuzzer {
    public private(set) var random: Sampling.Generator
    let seeds: [[UInt8]]
    let tokens: [[UInt8]]
    let maximumLength: Int
    let maximumRepeat: Int

    static let oddBytes: [UInt8] = Array("(){}[]\n\r\t -^*/|=.,:#$%\"'`\\0123456789e".utf8) + [0, 0x7F, 0xC3, 0xE2, 0xFF]
    static let oddNumbers = ["0", "-0", "1e308", "1e400", "1e-400", "1e20", "9223372036854775807", "4294967296", "nan", "inf",
                             "0.000000000001", "-1", "1_000_000", "1,000,000"].map { Array($0.utf8) }
    static let brackets: [(open: String, close: String)] = [("(", ")"), ("{{ ", " }}"), ("[", "]"), ("{", "}"), ("-", ""),
                                                            ("2 ^ ", ""), ("  ", ""), ("> ", ""), ("- ", ""), ("{{#a}}", "{{/a}}")]

    /// - Parameters:
    ///   - maximumRepeat: the most copies of a slice, or levels of brackets, one mutation adds.
    public init(seeds: [[UInt8]], tokens: [[UInt8]], seed: UInt64, maximumLength: Int = 64 * 1024, maximumRepeat: Int = 2_000) {
        self.random = Sampling.Generator(seed: seed)
        self.seeds = seeds.isEmpty ? [[]] : seeds
        self.tokens = tokens.isEmpty ? [Array(" ".utf8)] : tokens
        self.maximumLength = maximumLength
        self.maximumRepeat = maximumRepeat
    }

    public mutating func next() -> [UInt8] {
        var input = seeds[below(seeds.count)]
        for _ in 0...below(4) { mutate(&input) }
        if input.count > maximumLength { input.removeLast(input.count - maximumLength) }
        return input
    }

    private mutating func below(_ bound: Int) -> Int {
        Int(random.next() % UInt64(max(1, bound)))
    }

    /// A count skewed towards small ones: mostly a few, sometimes hundreds, now and then the maximum.
    private mutating func count() -> Int {
        let scales = [4, 16, 128, maximumRepeat]
        return 1 + below(scales[below(scales.count)])
    }

    private mutating func mutate(_ input: inout [UInt8]) {
        let position = below(input.count + 1)
        switch below(9) {
        case 0 where !input.isEmpty:
            let index = min(position, input.count - 1)
            input[index] ^= 1 << UInt8(below(8))
        case 1:
            input.insert(MutationFuzzer.oddBytes[below(MutationFuzzer.oddBytes.count)], at: position)
        case 2:
            input.insert(contentsOf: tokens[below(tokens.count)], at: position)
        case 3 where !input.isEmpty:
            let start = min(position, input.count - 1)
            input.removeSubrange(start..<min(input.count, start + 1 + below(16)))
        case 4:
            let other = seeds[below(seeds.count)]
            input = Array(input.prefix(position)) + other.suffix(other.count - below(other.count + 1))
        case 5:
            // Replace a number (or insert one) with an odd one.
            let number = MutationFuzzer.oddNumbers[below(MutationFuzzer.oddNumbers.count)]
            guard let digit = input.indices.dropFirst(position).first(where: { input[$0] >= 0x30 && input[$0] <= 0x39 }) else {
                input.insert(contentsOf: number, at: position)
                return
            }
            let end = input[digit...].firstIndex { !($0 >= 0x30 && $0 <= 0x39 || $0 == UInt8(ascii: ".")) } ?? input.count
            input.replaceSubrange(digit..<end, with: number)
        case 6 where !input.isEmpty:
            // A slice, repeated.
            let start = min(position, input.count - 1)
            let slice = input[start..<min(input.count, start + 1 + below(24))]
            let copies = min(count(), maximumLength / max(1, slice.count))
            input.insert(contentsOf: [[UInt8]](repeating: Array(slice), count: copies).joined(), at: start)
        case 7:
            // A slice, wrapped in brackets many levels deep.
            let (open, close) = MutationFuzzer.brackets[below(MutationFuzzer.brackets.count)]
            let end = min(input.count, position + below(16))
            let levels = min(count(), maximumLength / (open.utf8.count + close.utf8.count))
            let inner = Array(input[position..<end])
            let wrapped = [[UInt8]](repeating: Array(open.utf8), count: levels).joined() + inner
                + [[UInt8]](repeating: Array(close.utf8), count: levels).joined()
            input.replaceSubrange(position..<end, with: wrapped)
        default:
            // A whole line of another seed, inserted at a line start.
            let other = seeds[below(seeds.count)]
            let lines = other.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let line = lines[below(lines.count)]
            let at = input[..<position].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            input.insert(contentsOf: line + [UInt8(ascii: "\n")], at: at)
        }
    }
}
