import Foundation
import Testing

/// Every sample page as a phone (390 px) and a desktop (1200 px) lay it out, in light and in
/// dark mode. Chromium will not make a window narrower than 500 px, so each page sits in an
/// iframe exactly that wide (its viewport), and a probe inside posts what it measured to the
/// page around it: the viewport's width (checked to be exact), sideways scroll, the smallest
/// chart text as drawn, which layout of each chart is on show, formulas laid out, and the
/// lowest text contrast. The same run saves a screenshot of the page to
/// `Tests/Screenshots/<page>-<width>-<mode>.png`, for a person to look at.
extension BrowserTests {
    static let pages = essays + ["reports/weekly-service-report", "about", ""]

    /// A script for each page: measures once laid out, and posts the result to the parent.
    static let widthProbe = """
    <script>window.addEventListener('load', function () {
      function rgb(text) { var m = text.match(/[0-9.]+/g) || [0, 0, 0]; return m.slice(0, 3).map(Number); }
      function lum(c) {
        return c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
          .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
      }
      function size(e) { var b = e.getBoundingClientRect(); return [Math.round(b.width), Math.round(b.height)]; }
      var e = document.documentElement, smallest = 99, smallestText = '', worst = 99, worstText = '';
      var shown = Array.prototype.filter.call(document.querySelectorAll('svg.cm-chart'), function (s) {
        return s.getBoundingClientRect().width > 0;
      });
      // Chart text as drawn: its font size in the SVG's units times the scale from those units to
      // CSS pixels of the laid-out SVG (its screen matrix).
      shown.forEach(function (s) {
        s.querySelectorAll('text').forEach(function (t) {
          var px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
          if (px < smallest) { smallest = px; smallestText = t.textContent; }
        });
      });
      var background = lum(rgb(getComputedStyle(document.body).backgroundColor));
      document.querySelectorAll('p, li, td, th, h1, h2, h3, figcaption, a, svg.cm-chart text').forEach(function (t) {
        if (t.getBoundingClientRect().width === 0 || t.closest('pre, code, mark')) return;
        var style = getComputedStyle(t), colour = t.namespaceURI.indexOf('svg') >= 0 ? style.fill : style.color;
        var l = lum(rgb(colour)), ratio = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
        if (ratio >= worst) return;
        worst = ratio;
        worstText = t.tagName + ' ' + colour + ' "' + t.textContent.slice(0, 30) + '"';
      });
      // The widest box outside any box that scrolls on its own, as laid out (a table in a scrolling
      // wrapper may be wider; the wrapper may not), and whether equation tables are stacked (a phone's).
      function insideScroller(t) {
        for (var a = t.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') return true;
        }
        return false;
      }
      var widest = 0, widestWhat = '';
      document.querySelectorAll('body *').forEach(function (t) {
        if (t.closest('svg') && !t.matches('svg') || insideScroller(t)) return;
        var r = t.getBoundingClientRect();
        if (r.width === 0) return;
        if (r.right > widest) { widest = Math.round(r.right); widestWhat = t.tagName + '.' + t.className; }
      });
      var tables = document.querySelectorAll('table.cm-equations');
      var stacked = Array.prototype.filter.call(tables, function (t) { return getComputedStyle(t).display === 'block'; });
      parent.postMessage(JSON.stringify({
        widest: widest, widestWhat: widestWhat, tables: tables.length, stackedTables: stacked.length,
        viewport: innerWidth, client: e.clientWidth, scroll: e.scrollWidth,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        chartText: Math.round(smallest * 10) / 10, chartTextWhat: smallestText,
        figures: document.querySelectorAll('figure.cm-figure svg.cm-chart-wide').length,
        wide: shown.filter(function (s) { return s.classList.contains('cm-chart-wide'); }).length,
        narrow: shown.filter(function (s) { return s.classList.contains('cm-chart-narrow'); }).length,
        svgs: shown.map(size), maths: Array.prototype.map.call(document.querySelectorAll('math'), size),
        contrast: Math.round(worst * 100) / 100, contrastWhat: worstText
      }), '*');
    });</script>
    """

    struct WidthProbe: Decodable {
        var viewport: Int
        var client: Int
        var scroll: Int
        var dark: Bool
        var chartText: Double
        var chartTextWhat: String
        var figures: Int
        var wide: Int
        var narrow: Int
        var svgs: [[Double]]
        var maths: [[Double]]
        var contrast: Double
        var contrastWhat: String
        var widest: Int
        var widestWhat: String
        var tables: Int
        var stackedTables: Int
    }

    static let modes = [("light", [String]()),
                        ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"])]

    @Test(arguments: [390, 1200], ["light", "dark"])
    func samplePagesAtPhoneAndDesktopWidth(_ width: Int, _ mode: String) async throws {
        let (report, output) = try Fixtures.build("sample")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded)
        let folder = Repository.root.appendingPathComponent("Tests/Screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in Self.pages {
            let name = page.isEmpty ? "home" : String(page.split(separator: "/").last!)
            let screenshot = folder.appendingPathComponent("\(name)-\(width)-\(mode).png")
            let (probe, errors) = try await Self.measure(page, in: output, width: width, mode: mode, screenshot: screenshot)
            let at = "\(name) at \(width) px, \(mode)"
            let text = probe.figures == 0 ? "no chart" : "chart text \(probe.chartText) px (\"\(probe.chartTextWhat)\")"
            print("browser: \(at): \(text), contrast \(probe.contrast):1 (\(probe.contrastWhat)), "
                  + "\(probe.scroll) of \(probe.client) px wide")
            #expect(errors.isEmpty, "\(at): console errors: \(errors)")
            #expect(probe.viewport == width, "\(at): the viewport is \(probe.viewport) px")
            #expect(probe.dark == (mode == "dark"), "\(at): prefers-color-scheme is not \(mode)")
            #expect(probe.scroll <= probe.client, "\(at): the page is \(probe.scroll) px wide in \(probe.client) px")
            #expect(probe.contrast >= 4.5, "\(at): \(probe.contrastWhat) has contrast \(probe.contrast):1")
            if Self.essays.contains(page) {
                #expect(probe.figures > 0 && !probe.maths.isEmpty, "\(at): the essay has charts and formulas")
            }
            if probe.figures > 0 {
                #expect(probe.chartText >= 11, "\(at): chart text \"\(probe.chartTextWhat)\" is \(probe.chartText) px")
                // One layout of each chart on show: the phone's below about 600 px.
                #expect((probe.wide, probe.narrow) == (width < 600 ? (0, probe.figures) : (probe.figures, 0)),
                        "\(at): \(probe.wide) wide and \(probe.narrow) narrow layouts of \(probe.figures) charts shown")
            }
            for size in probe.svgs {
                #expect(size[0] > 100 && size[1] > 50, "\(at): an SVG chart has no size: \(size)")
            }
            for size in probe.maths { #expect(size[0] > 0 && size[1] > 0, "\(at): a formula did not lay out: \(size)") }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
            #expect(bytes > 10_000, "\(at): screenshot \(screenshot.lastPathComponent) is missing or empty")
        }
    }

    /// One page in an iframe `width` px wide: the probe's measurements and the console errors;
    /// a screenshot of its first 3,200 px (the window is at least 500 px wide; a phone's page
    /// fills the left 390 of them).
    static func measure(_ page: String, in output: URL, width: Int, mode: String,
                        screenshot: URL) async throws -> (WidthProbe, [String]) {
        let folder = page.isEmpty ? output : output.appendingPathComponent(page)
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        try Data(html.replacingOccurrences(of: "</body>", with: widthProbe + "</body>").utf8)
            .write(to: folder.appendingPathComponent("width-probe.html"))
        let wrapper = """
        <!doctype html><html><body style="margin:0"><pre id="probe" style="position:absolute;left:-9999px"></pre>
        <script>window.addEventListener('message', function (m) {
          document.getElementById('probe').textContent = m.data;
        });</script><iframe style="display:block;width:\(width)px;height:3200px;border:0"
          src="\(page.isEmpty ? "" : page + "/")width-probe.html"></iframe></body></html>
        """
        let wrapperFile = output.appendingPathComponent("width-\(width).html")
        try Data(wrapper.utf8).write(to: wrapperFile)
        try? FileManager.default.removeItem(at: screenshot)
        let flags = modes.first { $0.0 == mode }?.1 ?? []
        let run = try await chromium(flags + ["--window-size=\(max(width, 500)),3200", "--virtual-time-budget=10000",
                                        "--screenshot=\(screenshot.path)", "--dump-dom", wrapperFile.absoluteString])
        #expect(run.status == 0, "chromium failed (is it installed? `make test-deps`): \(run.stderr.suffix(300))")
        let marker = "<pre id=\"probe\" style=\"position:absolute;left:-9999px\">"
        let start = try #require(run.stdout.range(of: marker), "\(page): the probe did not run")
        let json = run.stdout[start.upperBound...].prefix { $0 != "<" }
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{a0}").replacingOccurrences(of: "&amp;", with: "&")
        return (try JSONDecoder().decode(WidthProbe.self, from: Data(json.utf8)), consoleErrors(run.stderr))
    }
}
