import Foundation
import Testing

/// Renders the sample site in headless Chromium (Debian's `chromium`; `make test` installs it).
/// Each page at exactly 390 and 1200 px, light and dark (`BrowserWidthTests.swift`: widths,
/// chart text, contrast, charts and formulas laid out, console errors, screenshots kept in
/// `Tests/Screenshots/`, ignored by git); every page at 375 px for sideways scroll; each chart
/// alone, with no stylesheet.
@Suite(.serialized) struct BrowserTests {
    static let essays = ["posts/optimize-or-buy", "posts/memory-and-concurrency"]

    /// A script expression: the smallest text of the charts on show, in CSS pixels (its font size
    /// in the SVG's units times the scale from those units to the laid-out SVG); 99 when none.
    static let chartTextSize = """
    (function () {
      var smallest = 99;
      Array.prototype.forEach.call(document.querySelectorAll('svg.cm-chart'), function (s) {
        if (s.getBoundingClientRect().width === 0) return;
        Array.prototype.forEach.call(s.querySelectorAll('text'), function (t) {
          smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
        });
      });
      return Math.round(smallest * 10) / 10;
    })()
    """

    /// One headless Chromium run with a fresh profile. It waits off the task pool (see
    /// `offThePool`): a test blocking a pool thread for seconds starves the servers that tests
    /// running alongside talk to, in this same process.
    static func chromium(_ arguments: [String]) async throws -> ProcessRunner.Run {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("costmark-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"]
        return try await offThePool { try ProcessRunner.run("chromium", flags + arguments) }
    }

    /// Console messages Chromium logs at error level, and uncaught script errors.
    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").filter { line in
            line.contains("CONSOLE") && (line.contains("ERROR") || line.contains("Uncaught") || line.contains("Failed to load"))
        }.map(String.init)
    }

    /// Every sample page laid out 375 px wide, as a phone shows it: none may scroll sideways
    /// (long words, URLs, tables, code and charts must fit or scroll inside their own box).
    /// Chromium will not make a window that narrow, so each page sits in a 375 px iframe and
    /// posts its own widths to the wider page around it.
    @Test func noSamplePageScrollsSidewaysOnAPhone() async throws {
        let (report, output) = try Fixtures.build("sample")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded)
        let pages = Self.pages
        var frames = ""
        for (index, page) in pages.enumerated() {
            let folder = page.isEmpty ? output : output.appendingPathComponent(page)
            let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            let report = """
            <script>window.addEventListener('load', function () {
              var e = document.documentElement;
              parent.postMessage(JSON.stringify({page: \(index), scroll: e.scrollWidth, width: e.clientWidth,
                                                 chartText: \(Self.chartTextSize)}), '*');
            });</script>
            """
            try Data(html.replacingOccurrences(of: "</body>", with: report + "</body>").utf8)
                .write(to: folder.appendingPathComponent("phone-probe.html"))
            let source = (page.isEmpty ? "" : page + "/") + "phone-probe.html"
            frames += "<iframe style=\"width:375px;height:700px;border:0\" src=\"\(source)\"></iframe>\n"
        }
        let wrapper = """
        <!doctype html><html><body><pre id="widths"></pre>
        <script>window.addEventListener('message', function (m) {
          document.getElementById('widths').textContent += m.data + '\\n';
        });</script>
        \(frames)</body></html>
        """
        let wrapperFile = output.appendingPathComponent("phone.html")
        try Data(wrapper.utf8).write(to: wrapperFile)
        let run = try await Self.chromium(["--window-size=1200,900", "--virtual-time-budget=10000", "--dump-dom",
                                     wrapperFile.absoluteString])
        #expect(run.status == 0, "chromium failed (this test needs Debian's chromium: `make test-deps`): \(run.stderr.suffix(300))")
        struct Widths: Decodable { var page: Int; var scroll: Int; var width: Int; var chartText: Double }
        let lines = run.stdout.split(separator: "\n").filter { $0.contains("\"scroll\"") }
        let widths = lines.compactMap { line -> Widths? in
            guard let start = line.firstIndex(of: "{"), let end = line.lastIndex(of: "}") else { return nil }
            return try? JSONDecoder().decode(Widths.self, from: Data(line[start...end].utf8))
        }
        #expect(Set(widths.map(\.page)) == Set(pages.indices), "not every page reported its widths: \(lines)")
        for width in widths {
            let name = pages[width.page].isEmpty ? "home" : pages[width.page]
            let message = "\(name) is \(width.scroll) px wide in a \(width.width) px viewport"
            #expect(width.scroll <= width.width, Comment(rawValue: message))
            #expect(width.chartText >= 11, "\(name): chart text is \(width.chartText) px at 375 px")
        }
    }

    /// Each sample chart drawn on its own, as a feed reader or an e-mail shows it: no site
    /// stylesheet, the SVG loaded as an image and painted on a canvas. It must keep its colours
    /// (coloured marks) and draw no filled black shapes (unstyled polylines fill black).
    @Test func chartsKeepTheirLookWithoutTheStylesheet() async throws {
        let (report, output) = try Fixtures.build("sample")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded)
        var charts: [String] = []
        for page in Self.essays + ["reports/weekly-service-report"] {
            let html = try String(contentsOf: output.appendingPathComponent(page).appendingPathComponent("index.html"), encoding: .utf8)
            var rest = html[...]
            // Both layouts, the phone's shown as the stylesheet would show it.
            while let start = rest.range(of: "<svg class=\"cm-chart "), let end = rest[start.lowerBound...].range(of: "</svg>") {
                charts.append(String(rest[start.lowerBound..<end.upperBound]).replacingOccurrences(
                    of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ").replacingOccurrences(of: " display=\"none\"", with: ""))
                rest = rest[end.upperBound...]
            }
        }
        #expect(charts.count >= 4, "the sample essays have charts")
        let list = String(decoding: try JSONEncoder().encode(charts), as: UTF8.self)
        let page = """
        <!doctype html><html><body><pre id="result"></pre><script>
        var charts = \(list), results = [], done = 0;
        charts.forEach(function (svg, index) {
          var image = new Image();
          image.onload = function () {
            var canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
            var context = canvas.getContext('2d');
            context.fillStyle = '#fff'; context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0);
            var pixels = context.getImageData(0, 0, canvas.width, canvas.height).data, coloured = 0, dark = 0;
            for (var i = 0; i < pixels.length; i += 4) {
              var high = Math.max(pixels[i], pixels[i + 1], pixels[i + 2]), low = Math.min(pixels[i], pixels[i + 1], pixels[i + 2]);
              if (high - low >= 80) coloured++;
              if (high < 60) dark++;
            }
            results[index] = {chart: index, coloured: coloured / (pixels.length / 4), dark: dark / (pixels.length / 4)};
            if (++done === charts.length) document.getElementById('result').textContent = JSON.stringify(results);
          };
          image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        });
        </script></body></html>
        """
        let file = output.appendingPathComponent("charts-alone.html")
        try Data(page.utf8).write(to: file)
        let run = try await Self.chromium(["--window-size=800,600", "--virtual-time-budget=10000", "--dump-dom", file.absoluteString])
        #expect(run.status == 0, "chromium failed (this test needs Debian's chromium: `make test-deps`): \(run.stderr.suffix(300))")
        struct Pixels: Decodable { var chart: Int; var coloured: Double; var dark: Double }
        let marker = "<pre id=\"result\">"
        let start = try #require(run.stdout.range(of: marker), "no result")
        let json = run.stdout[start.upperBound...].prefix { $0 != "<" }.replacingOccurrences(of: "&quot;", with: "\"")
        let results = try JSONDecoder().decode([Pixels].self, from: Data(json.utf8))
        #expect(results.count == charts.count)
        for result in results {
            #expect(result.coloured > 0.003, "chart \(result.chart) has almost no colour alone: \(result.coloured)")
            #expect(result.dark < 0.03, "chart \(result.chart) is \(Int(result.dark * 100))% black alone")
        }
    }
}
