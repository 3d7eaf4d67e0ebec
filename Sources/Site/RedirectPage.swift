import Content
import Markup

/// The page left at an old address (`aliases:`): it sends browsers on at once, tells search
/// engines the essay's real address (canonical) and asks them not to index the old one.
enum RedirectPage {
    /// - Parameters:
    ///   - file: the alias's output file (`old/path/index.html`).
    static func html(file: String, to target: Route, title: String, settings: SiteSettings) -> String {
        let depth = file.split(separator: "/").count - 1
        let root = depth == 0 ? "./" : String(repeating: "../", count: depth)
        let relative = HTMLEscaping.escape(root + target.href)
        let absolute = HTMLEscaping.escape(settings.baseURL + target.href)
        let escapedTitle = HTMLEscaping.escape(title)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLEscaping.escape(settings.language))">
        <head>
        <meta charset="utf-8">
        <title>\(escapedTitle)</title>
        <link rel="canonical" href="\(absolute)">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(relative)">
        </head>
        <body>
        <p>This page has moved to <a href="\(relative)">\(escapedTitle)</a>.</p>
        </body>
        </html>

        """
    }
}
