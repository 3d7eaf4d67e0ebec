import Theme

/// Templates: the input holds one or more template files, loaded over the built-in theme the way
/// a site's `Templates/` folder is, then every template of the set rendered once against a fixed
/// context shaped like the one the site passes.
///
/// Format: a line `-- footer.mustache --` starts a file; text before the first such line is
/// `page.mustache`. Names are letters, digits, `-`, `_` and at most one `/`; other sections are skipped.
public enum TemplateTarget {
    public static func run(_ input: [UInt8]) {
        let folder = ScratchFolder()
        defer { folder.remove() }
        for (name, text) in files(in: input) { folder.write("Templates/" + name, text) }
        let (set, _) = TemplateSet.load(directory: folder.path + "/Templates", displayDirectory: "Templates")
        guard let set else { return }
        let context = TemplateTarget.context()
        for name in set.sources.keys.sorted() { _ = try? set.render(name, context: context) }
        _ = set.dependencies(of: TemplateSet.required)
    }

    /// The sections of an input, by file name.
    static func files(in input: [UInt8]) -> [(String, ArraySlice<UInt8>)] {
        var files: [(String, ArraySlice<UInt8>)] = []
        var name = "page.mustache"
        var start = 0
        var lineStart = 0
        func close(at end: Int) {
            if let name = validName(name), !files.contains(where: { $0.0 == name }) { files.append((name, input[start..<end])) }
        }
        while lineStart < input.count {
            let lineEnd = input[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? input.count
            let line = input[lineStart..<lineEnd]
            if line.count > 6, line.starts(with: "-- ".utf8), line.reversed().starts(with: " --".utf8.reversed()) {
                close(at: lineStart)
                name = String(decoding: line.dropFirst(3).dropLast(3), as: UTF8.self)
                start = min(lineEnd + 1, input.count)
            }
            lineStart = lineEnd + 1
        }
        close(at: input.count)
        return files
    }

    /// A safe relative path ending in `.mustache`, or nil.
    static func validName(_ name: String) -> String? {
        guard name.hasSuffix(".mustache"), name.count <= 60 else { return nil }
        let parts = name.dropLast(".mustache".count).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }) else { return nil }
        return name
    }

    /// What templates see, with every key the built-in theme uses.
    static func context() -> [String: Any] {
        let date: [String: Any] = ["iso": "2026-03-14", "rfc3339": "2026-03-14T00:00:00Z", "readable": "14 March 2026", "year": 2026]
        let tag: [String: Any] = ["name": "economics", "href": "../tags/economics/", "count": 2]
        let essay: [String: Any] = [
            "title": "An afternoon or a machine?", "titleHTML": "An afternoon <em>or</em> a machine?", "href": "../posts/a/",
            "summary": "Tuning costs once.", "summaryHTML": "<p>Tuning costs once.</p>", "readingTime": 3, "date": date,
            "tags": [tag], "hasTags": true,
        ]
        let site: [String: Any] = ["title": "costmark", "author": "The team", "language": "en", "description": "Costs, computed.",
                                   "baseURL": "https://example.com/"]
        return [
            "site": site, "root": "../../", "title": "A page", "description": "About costs.", "href": "posts/a/",
            "page": ["title": "An afternoon", "href": "./", "url": "https://example.com/posts/a/", "content": "<p>Body</p>",
                     "readingTime": 3, "words": 600, "summary": "Tuning costs once.", "meta": ["series": "costs", "order": 2],
                     "tags": [tag], "hasTags": true, "draft": false, "date": date, "updated": date, "author": "The team"] as [String: Any],
            "newer": ["title": "Newer", "href": "../b/"], "older": ["title": "Older", "href": "../c/"], "hasNeighbours": true,
            "essays": [essay, essay], "hasEssays": true, "tags": [tag, tag], "hasTags": true, "heading": "Essays", "intro": "All of them.",
            "pagination": ["current": 2, "total": 3, "newer": "../", "older": "../3/"] as [String: Any],
            "html": "<p>fragment</p>", "name": "economics", "count": 2,
        ]
    }
}
