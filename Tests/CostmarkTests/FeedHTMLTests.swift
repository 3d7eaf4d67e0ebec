import Testing
@testable import Site

/// Feed entries' addresses made absolute, on bytes. The old search tested every space as
/// `Character`s; a chart's paths hold hundreds, which made feeds of uncertain essays slow.
@Suite struct FeedHTMLTests {
    let page = "https://example.org/blog/posts/a/"

    @Test func relativeAddressesBecomeAbsoluteAndOthersStay() {
        let html = ##"<p><a href="../b/">b</a> <img src="chart.png" alt="é"> <a href="#top">t</a> "##
            + ##"<a href="https://example.com/x">x</a> <a href="">empty</a></p>"##
        let expected = ##"<p><a href="https://example.org/blog/posts/b/">b</a> "##
            + ##"<img src="https://example.org/blog/posts/a/chart.png" alt="é"> "##
            + ##"<a href="https://example.org/blog/posts/a/#top">t</a> "##
            + ##"<a href="https://example.com/x">x</a> <a href="">empty</a></p>"##
        #expect(FeedHTML.absolutize(html, pageURL: page) == expected)
    }

    @Test func spacesAndLookalikesAreNotAttributes() {
        let path = (0..<500).map { "\($0) \($0 * 2)" }.joined(separator: " L")
        let html = ##"<svg><path d="M"## + path + ##""/></svg><p>xhref="a" data-src="b" href ="c"</p>"##
        #expect(FeedHTML.absolutize(html, pageURL: page) == html)
    }

    @Test func anUnterminatedValueStopsTheRewrite() {
        let html = ##"<a href="x">x</a><a href="y"##
        let expected = ##"<a href="https://example.org/blog/posts/a/x">x</a><a href="y"##
        #expect(FeedHTML.absolutize(html, pageURL: page) == expected)
    }

    @Test func thePhoneLayoutOfEachChartIsLeftOut() {
        let chart = "<svg class=\"cm-chart cm-chart-wide\">w</svg>\n"
            + "<svg class=\"cm-chart cm-chart-narrow\" hidden>n</svg>\n"
        let html = "<p>a</p>" + chart + "<p>b</p>" + chart
        let wide = "<svg class=\"cm-chart cm-chart-wide\">w</svg>\n"
        #expect(FeedHTML.withoutPhoneLayouts(html) == "<p>a</p>" + wide + "<p>b</p>" + wide)
        #expect(FeedHTML.withoutPhoneLayouts("<p>none</p>") == "<p>none</p>")
        let unclosed = "<svg class=\"cm-chart cm-chart-narrow\">n"
        #expect(FeedHTML.withoutPhoneLayouts(unclosed) == unclosed)
    }
}
