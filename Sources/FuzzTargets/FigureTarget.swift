import Diagnostics
import Figures

/// Figure blocks: every ```` ```chart ````, ```` ```table ```` and ```` ```sweep ```` block of a
/// Markdown body rendered to HTML (SVG, MathML) against the page's scenarios.
public enum FigureTarget {
    public static func run(_ input: [UInt8]) {
        let page = FuzzPage(input)
        var blocks: [Int: String] = [:]
        var count = 0
        for block in page.document.fencedBlocks {
            let words = block.info.split(separator: " ", omittingEmptySubsequences: true)
            guard let kind = words.first.map(String.init), FigureBlocks.kinds.contains(kind) else { continue }
            count += 1
            let output = FigureBlocks.render(kind: kind, scenario: words.count > 1 ? String(words[1]) : nil, body: block.literal,
                                             file: page.file, firstLine: block.fenceLine + 1, page: page.scenarios, id: "figure-\(count)")
            if let html = output.html { blocks[block.index] = html }
            _ = DiagnosticRenderer().render(output.diagnostics)
        }
        _ = page.document.render(blocks: blocks) { _ in nil }
    }
}
