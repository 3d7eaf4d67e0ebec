import Content
import Diagnostics
import LivePage
import Foundation
import Markdown

extension SitePlan {
    /// The messages of an essay's body, for an essay whose front matter failed: it will not be
    /// published, but its author should learn every error of the file in one run, not meet the
    /// body's only after fixing a date. The body is checked exactly as its page would render it.
    /// - Parameter file: the essay as read so far (perhaps only its start): it is read whole here.
    static func bodyDiagnostics(of entry: ContentEntry, file: SourceFile, settings: SiteSettings) -> [Diagnostic] {
        var whole = file
        if whole.text.utf8.count < entry.stamp.size {
            switch TextDecoding.readEssay(path: entry.absolutePath, displayPath: file.path) {
            case .success(let read): whole = read
            case .failure(let diagnostic): return [diagnostic]
            }
        }
        guard let (_, markdown, bodyFirstLine) = FrontMatterParser.split(whole.text) else { return [] }
        let options = MarkdownOptions(smartPunctuation: true, allowRawHTML: settings.unsafeHTML,
                                      headingIDs: settings.headingIDScheme)
        let shortcodes = ShortcodeScanner.scan(String(markdown))
        let document = MarkdownDocument(shortcodes.text, options: options)
        let root = String(entry.absolutePath.dropLast(entry.relativePath.count))
        let display = String(file.path.dropLast(entry.relativePath.count + 1))
        let catalog = DataCatalog(contentRoot: root, contentDisplay: display, diagnostics: nil)
        let folder = (entry.relativePath as NSString).deletingLastPathComponent
        let live = LivePage(document: document, file: whole, bodyFirstLine: bodyFirstLine,
                            data: EssayData(catalog: catalog, folder: folder))
        return shortcodes.relocated(live.diagnostics, file: whole, bodyFirstLine: bodyFirstLine)
    }
}
