import Dispatch
import Foundation
import Markdown

/// The Markdown layer's own scanners on one large paragraph (5 MB of prose with a few `{{ }}`
/// values, links and emphasis), in MB/s: what a long essay costs before and after libcmark.
/// Run by `make bench` in a release build; prints one line per scanner, then
/// `slowest scanner: N MB/s`, which the bench summary holds to its target.
///
///     markdown-bench [MEGABYTES] [RUNS]   (defaults 5 and 5)
@main
enum MarkdownBenchmark {
    static func main() {
        let arguments = CommandLine.arguments
        let megabytes = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        let text = paragraph(bytes: megabytes * 1_000_000)
        let (scanned, references) = InlineScanner.scan(text)
        let document = MarkdownDocument(text)
        let html = document.render(blocks: [:]) { _ in "1" }.html
        let scanners: [(String, Int, () -> Int)] = [
            ("InlineScanner.scan ({{ }} to placeholders)", text.utf8.count, { InlineScanner.scan(text).1.count }),
            ("InlineScanner.substitute (placeholders back)", scanned.utf8.count, {
                InlineScanner.substitute(scanned) { references[$0].original }.utf8.count
            }),
            ("ByteText.contains (<!--more--> search)", text.utf8.count, {
                ByteText.contains("<!--more-->", in: text) ? 1 : 0
            }),
            ("summary of the first paragraph", text.utf8.count, { document.summarySource().text.utf8.count }),
        ]
        print("markdown-bench: one \(megabytes) MB paragraph, \(references.count) values, median of \(runs) runs")
        var slowest = Double.infinity
        for (name, bytes, body) in scanners {
            let rate = Double(bytes) / 1e6 / median(runs, body)
            slowest = min(slowest, rate)
            print("  " + padded(name) + String(format: " %9.0f MB/s", rate))
        }
        let parse = Double(text.utf8.count) / 1e6 / median(runs) { MarkdownDocument(text).fencedBlocks.count }
        let render = Double(text.utf8.count) / 1e6 / median(runs) {
            document.render(blocks: [:]) { _ in "1" }.html.utf8.count
        }
        print("  " + padded("whole parse") + String(format: " %9.0f MB/s   (libcmark and the GFM layer)", parse))
        print("  " + padded("whole render") + String(format: " %9.0f MB/s   (HTML, anchors, word count)", render))
        print(String(format: "  rendered %d bytes of HTML", html.utf8.count))
        print(String(format: "slowest scanner: %.0f MB/s", slowest))
    }

    static func padded(_ name: String) -> String {
        name + String(repeating: " ", count: max(0, 48 - name.count))
    }

    /// Seconds, the median of `runs` calls; the result is kept so the call is not optimized away.
    static func median(_ runs: Int, _ body: () -> Int) -> Double {
        var times: [Double] = []
        var sink = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        if sink == Int.min { print(sink) }
        return times.sorted()[times.count / 2]
    }

    /// Words, a value every 20,000 words, a link and some emphasis now and then; no line breaks.
    static func paragraph(bytes: Int) -> String {
        let words = ["the", "cost", "of", "one", "more", "machine", "is", "lower", "than", "an", "afternoon",
                     "spent", "on", "work", "when", "traffic", "grows", "slowly", "café", "naïve"]
        var text = "One paragraph:"
        var count = 0
        text.reserveCapacity(bytes + 64)
        while text.utf8.count < bytes {
            count += 1
            if count % 20_000 == 0 { text += " {{ total }}" }
            else if count % 997 == 0 { text += " [a link](https://example.com/\(count))" }
            else if count % 331 == 0 { text += " *stressed*" }
            else { text += " " + words[(count * 7) % words.count] }
        }
        return text + "\n"
    }
}
