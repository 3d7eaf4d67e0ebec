import Foundation
import Markup

/// Answers requests from the output folder: only files under it, directories as their
/// `index.html`, the theme's 404 page with status 404, and content types by extension. Pages
/// get the live-reload script, and the build-error overlay while a rebuild is failing.
struct SiteResponder: Sendable {
    let root: URL
    /// The path of the site's `base_url` (`/` or `/blog/`): the site is served under it, as it
    /// will be published, so the 404 page's links (rooted there) and its stylesheet load.
    var basePath = "/"

    struct Answer: Sendable {
        var status: Int
        var contentType: String
        var body: Data
        /// Where a redirect (301) sends the browser.
        var location: String?
    }

    /// A folder asked for without its final slash (`/posts/x`) is redirected to `/posts/x/`,
    /// so the page's relative links resolve as they will when published; `/` goes to the base
    /// path when the site has one.
    func redirect(for path: String) -> String? {
        if basePath != "/", path == "/" || path + "/" == basePath { return basePath }
        guard !path.hasSuffix("/"), let relative = sitePath(path) else { return nil }
        let decoded = relative.removingPercentEncoding ?? relative
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else {
            return nil
        }
        var isDirectory: ObjCBool = false
        let url = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return path + "/"
    }

    /// The request path below the base path, or nil when it is outside it.
    func sitePath(_ path: String) -> String? {
        guard basePath != "/" else { return path }
        guard path.hasPrefix(basePath) else { return nil }
        return "/" + path.dropFirst(basePath.count)
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "json": "application/json", "svg": "image/svg+xml", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
        "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff", "md": "text/markdown; charset=utf-8",
    ]

    /// The file a request path names, or nil when it would leave the output folder or does not
    /// exist. Names that no built file has (`.`, `..`, hidden ones, ones with a slash) are refused
    /// before the file system is asked.
    func file(for segments: [String]) -> URL? {
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("/") || $0.hasPrefix(".") }) else {
            return nil
        }
        var url = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        // Symbolic links could point outside; resolve and check.
        let resolved = url.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root.resolvingSymlinksInPath().path + "/") else { return nil }
        return url
    }

    /// The answer for a path as a browser sends it (tests; the router decodes the path first).
    func answer(path: String, errorOverlay: String?) -> Answer {
        let segments = (try? RequestPath.segments(of: path)) ?? ["."]   // "." names no file: 404
        return answer(segments: segments, rawPath: path, errorOverlay: errorOverlay)
    }

    /// - Parameter rawPath: the request's path as sent (without the query), for redirects.
    func answer(segments: [String], rawPath: String, errorOverlay: String?) -> Answer {
        if let location = redirect(for: rawPath) {
            return Answer(status: 301, contentType: "text/plain; charset=utf-8",
                          body: Data("moved to \(location)\n".utf8), location: location)
        }
        var status = 200
        let base = basePath.split(separator: "/").map(String.init)
        var target = segments.starts(with: base) ? file(for: Array(segments.dropFirst(base.count))) : nil
        if target == nil {
            status = 404
            target = root.appendingPathComponent("404.html")
        }
        guard let target, let data = FileManager.default.contents(atPath: target.path) else {
            return Answer(status: 404, contentType: "text/plain; charset=utf-8", body: Data("not found\n".utf8))
        }
        let type = Self.contentTypes[target.pathExtension.lowercased()] ?? "application/octet-stream"
        guard target.pathExtension.lowercased() == "html" else { return Answer(status: status, contentType: type, body: data) }
        let html = String(decoding: data, as: UTF8.self)
        return Answer(status: status, contentType: type, body: Data(Self.inject(into: html, errorOverlay: errorOverlay).utf8))
    }

    /// Adds the reload script (and the error overlay, if any) before `</body>`.
    static func inject(into html: String, errorOverlay: String?) -> String {
        var addition = reloadScript
        if let errorOverlay { addition = overlay(errorOverlay) + addition }
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: range, with: addition + "</body>")
    }

    static let reloadScript = """
    <script>
    (function () {
      var source = new EventSource("/__costmark/events");
      source.addEventListener("reload", function (event) {
        var change = null;
        try { change = JSON.parse(event.data); } catch (error) {}
        var here = decodeURIComponent(location.pathname).replace(/index\\.html$/, "");
        if (!change || !change.pages || change.pages.indexOf(here) >= 0 || document.getElementById("costmark-error")) {
          location.reload();
        }
      });
    })();
    </script>

    """

    /// The build's errors over the page, as the terminal shows them, until they are fixed.
    static func overlay(_ message: String) -> String {
        """
        <div id="costmark-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#fff;padding:2rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace">
        <p style="margin:0 0 1rem;font:600 1.1rem system-ui,sans-serif;color:#ff8a80">The last build failed; this page is from the build before it.</p>
        <pre style="white-space:pre-wrap;margin:0;background:none;color:inherit">\(HTMLEscaping.escape(message))</pre>
        </div>

        """
    }
}
