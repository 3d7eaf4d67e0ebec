/// Decides where a link or image in an essay leads. Destinations are read as the author sees
/// the files: relative to the essay's own file in `Content/` (`other.md`, `../guide/x.md#setup`,
/// `chart.png`), and such links are rewritten to the published address, relative to the page,
/// as every link of the site is. A destination that names no content file is read as the
/// browser would, relative to the page's address (`../../images/a.png`), and kept as written.
/// Links with a scheme (`https:`, `mailto:`) or starting with `//` are external and never fetched.
struct LinkResolver: Sendable {
    let addresses: SiteAddresses
    let essays: [EssaySource]

    enum Target: Equatable {
        /// Outside the site, or not a path at all: not checked.
        case external
        /// A fragment of the page itself (`#setup`).
        case samePage(fragment: String)
        /// An essay's page, with the fragment to look for there (nil when the link has none).
        case essay(Int, fragment: String?)
        /// Some other published file or page (a copied file, a list page, a feed).
        case published
        /// A content file left out of this build (a draft, a future essay).
        case unpublished(String)
        /// Nothing in Content/ or the output; the path as resolved.
        case missing
    }

    struct Resolution: Equatable {
        var target: Target
        /// The destination to write instead of the author's, when it changes.
        var rewritten: String?
        /// The file of the content folder the link leads to, when it is one that is copied.
        var copiedFile: String?
    }

    func resolve(_ destination: String, from essay: EssaySource) -> Resolution {
        if destination.isEmpty || LinkResolver.isExternal(destination) { return Resolution(target: .external) }
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncodingIfValid
            path = path[..<hash]
        }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[mark...])
            path = path[..<mark]
        }
        if path.isEmpty {
            return Resolution(target: fragment.map { .samePage(fragment: $0) } ?? .external)
        }
        let decoded = String(path).removingPercentEncodingIfValid
        let suffix = query + (fragment.map { "#" + LinkResolver.encodeFragment($0) } ?? "")
        let root = essay.route.rootPrefix
        let sourceFolder = essay.entry.relativePath.split(separator: "/").dropLast().joined(separator: "/")

        // As a content file: relative to the essay's file, or to Content/ for `/x.md`.
        let contentPath = decoded.hasPrefix("/") ? LinkResolver.normalize(String(decoded.dropFirst()))
            : LinkResolver.normalize(sourceFolder.isEmpty ? decoded : sourceFolder + "/" + decoded)
        if let contentPath {
            if let index = addresses.essays[contentPath] {
                return Resolution(target: .essay(index, fragment: fragment),
                                  rewritten: root + essays[index].route.href + suffix)
            }
            if addresses.unpublished.contains(contentPath) { return Resolution(target: .unpublished(contentPath)) }
            if addresses.files.contains(contentPath) {
                return Resolution(target: .published, rewritten: root + URLPath.encode(contentPath) + suffix,
                                  copiedFile: contentPath)
            }
            var folder = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
            // A folder's `_index.md` stands for the folder's list page.
            if folder == "_index.md" || folder.hasSuffix("/_index.md") {
                folder = folder.split(separator: "/").dropLast().joined(separator: "/")
            }
            if let route = addresses.folders[folder] {
                let target = addresses.essayAtRoute[route.path].map { Target.essay($0, fragment: fragment) }
                    ?? .published
                return Resolution(target: target, rewritten: root + route.href + suffix)
            }
        }
        // As the browser reads it: relative to the page's address, or to the site root for `/x/`.
        guard let outputPath = decoded.hasPrefix("/") ? LinkResolver.normalize(String(decoded.dropFirst()))
                : LinkResolver.normalize(essay.route.path + decoded) else { return Resolution(target: .missing) }
        let folderPath = outputPath.isEmpty || outputPath.hasSuffix("/") ? outputPath : outputPath + "/"
        if let index = addresses.essayAtRoute[folderPath] {
            let rewritten = decoded.hasPrefix("/") ? root + essays[index].route.href + suffix : nil
            return Resolution(target: .essay(index, fragment: fragment), rewritten: rewritten)
        }
        guard addresses.publishes(outputPath) else { return Resolution(target: .missing) }
        // A root-absolute link is made relative, so it works under a base path (`/blog/`) too.
        return Resolution(target: .published,
                          rewritten: decoded.hasPrefix("/") ? root + URLPath.encode(outputPath) + suffix : nil,
                          copiedFile: addresses.files.contains(outputPath) ? outputPath : nil)
    }

    /// An address a page must never publish: `javascript:`, `vbscript:`, `file:`, and `data:` other
    /// than a PNG, GIF, JPEG or WebP image. The rule cmark applies to links and images, so front
    /// matter (`image:` for link previews) cannot publish what the body cannot.
    static func isDangerous(_ destination: String) -> Bool {
        let lowered = destination.drop { $0 == " " || $0 == "\t" }.prefix(16).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) { return true }
        guard lowered.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
    }

    /// `https:`, `mailto:`, `data:` and other schemes, and protocol-relative `//host/`.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Resolves `.` and `..` in a `/`-separated path; nil when it climbs above the root. A
    /// trailing `/` is kept, so folder addresses stay folder addresses.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        let endsInFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
            || path == "." || path == ".."
        return joined.isEmpty ? "" : joined + (endsInFolder ? "/" : "")
    }

    static func encodeFragment(_ fragment: String) -> String { URLPath.encode(fragment) }
}

extension String {
    /// Percent-decoded when the escapes are valid UTF-8, else as written.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
