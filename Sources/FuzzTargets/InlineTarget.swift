import Markdown

/// Values in prose: every `{{ expression [= claim] [| format] }}` of a Markdown body evaluated
/// against the page's scenarios, then the body rendered with the values in place.
public enum InlineTarget {
    public static func run(_ input: [UInt8]) {
        let page = FuzzPage(input)
        let texts = page.inlineValues()
        let body = page.document.render(blocks: [:]) { texts[$0] }
        _ = InlineScanner.substitute(body.firstParagraph) { texts[$0] ?? "" }
    }
}
