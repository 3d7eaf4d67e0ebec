import BuildRecord
import Diagnostics
import Markdown
import Markup

extension PageLink {
    /// Locates a destination cmark found in the body: the line is moved from the body to the
    /// file, and the column to the destination itself (`[text](here)`) when it is on that line.
    static func locate(_ link: LinkDestination, in file: SourceFile, bodyFirstLine: Int) -> SourceLocation {
        let line = bodyFirstLine + link.line - 1
        var text = file.line(line)
        // Found on bytes; only the prefix before the column is counted in Characters.
        let (column, length) = text.withUTF8 { bytes -> (Int, Int) in
            var offset = Swift.max(0, Swift.min(link.byteColumn - 1, bytes.count))
            var length = 1
            if !link.destination.isEmpty,
               let found = ByteText.firstOffset(of: Array(link.destination.utf8), in: bytes, from: offset) {
                offset = found
                length = link.destination.count
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self).count + 1, length)
        }
        return SourceLocation(file: file.path, line: line, column: column, length: length, lineText: text)
    }
}

/// The ids an HTML page defines, for checking `#fragment` links against it.
enum PageAnchors {
    /// Every `id="…"` in the page, plus the ids the page's headings get. Sorted and unique.
    static func collect(html: String, headings: [(level: Int, text: String)],
                        scheme: HeadingIDScheme = .costmark) -> [String] {
        var ids = Set(headingIDs(headings, scheme: scheme))
        let equals = Array("=\"".utf8), name = Array(" id".utf8)
        var html = html
        // Read in place (the page is not copied): `="` is found with memchr (`=` is rare outside
        // attributes), then checked to follow ` id`.
        html.withUTF8 { bytes in
            var index = 0
            while let hit = ByteText.firstOffset(of: equals, in: bytes, from: index) {
                index = hit + equals.count
                guard hit >= name.count, (0..<name.count).allSatisfy({ bytes[hit - name.count + $0] == name[$0] }) else {
                    continue
                }
                let start = hit + equals.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                ids.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end
            }
        }
        return ids.sorted()
    }

    /// Fallback heading ids, by the shared `Slug.make` rule with `-1`, `-2` for repeats, until
    /// the Markdown stage reports the ids it writes (then use those and drop this function).
    static func headingIDs(_ headings: [(level: Int, text: String)], scheme: HeadingIDScheme = .costmark) -> [String] {
        var seen: [String: Int] = [:]
        return headings.map { heading in
            let base = scheme.id(for: heading.text)
            let count = seen[base, default: 0]
            seen[base] = count + 1
            return count == 0 ? base : "\(base)-\(count)"
        }
    }
}
