/// The Markdown as cmark parsed it, split into lines of bytes once, so the GFM layer can read a
/// block's source again by cmark's line numbers and byte columns (both 1-based).
struct SourceLines {
    let bytes: [UInt8]
    /// Byte range of each line, without its line break.
    private var ranges: [Range<Int>] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ranges.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
    }

    var count: Int { ranges.count }

    /// Line `number` (1-based); empty past the end.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= ranges.count else { return [] }
        return bytes[ranges[number - 1]]
    }

    /// The containers a leaf block sits in, outermost first: what each of its lines starts with.
    enum Container { case quote, item }

    /// The part of line `number` inside `containers`: block quote markers and list indentation
    /// removed. Leading white space is kept only where it cannot matter to the caller (tables
    /// trim their rows). A lazy continuation line (one missing a `>`) is returned as it stands.
    func content(ofLine number: Int, in containers: [Container]) -> ArraySlice<UInt8> {
        var line = self.line(number)
        for container in containers {
            line = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard container == .quote else { continue }
            guard line.first == UInt8(ascii: ">") else { return line }
            line = line.dropFirst()
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") { line = line.dropFirst() }
        }
        return line
    }
}
