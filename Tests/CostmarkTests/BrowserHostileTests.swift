import Foundation
import Testing

/// Pages of hostile content (`Tests/Fixtures/hostile-layout`): one 68-letter word in a title, a
/// tag, a bare address, a heading, a table cell, a chart title and a scenario's names, and a wide
/// model. Before issue 20 the post was 1,255 px wide at 390 px, its list page 1,039 px and a
/// neighbour whose previous link shows the title 675 px. Every page must fit the phone and the
/// desktop, with the equation tables stacked on the phone.
extension BrowserTests {
    static let hostilePages = ["posts/long-words", "posts/neighbour", "posts/older", "", "tags",
                               "tags/supercalifragilisticexpialidociousnessandantidisestablishmentarianism"]

    @Test(arguments: [390, 1200])
    func hostilePagesFitThePhoneAndTheDesktop(_ width: Int) async throws {
        let (report, output) = try Fixtures.build("hostile-layout")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        let folder = Repository.root.appendingPathComponent("Tests/Screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in Self.hostilePages {
            let name = "hostile-" + (page.isEmpty ? "home" : page.replacingOccurrences(of: "/", with: "-").prefix(40))
            let screenshot = folder.appendingPathComponent("\(name)-\(width).png")
            let (probe, errors) = try await Self.measure(page, in: output, width: width, mode: "light",
                                                         screenshot: screenshot)
            let at = "\(page.isEmpty ? "home" : page) at \(width) px"
            print("browser: hostile \(at): \(probe.scroll) of \(probe.client) px wide")
            #expect(errors.isEmpty, "\(at): console errors: \(errors)")
            #expect(probe.viewport == width, "\(at): the viewport is \(probe.viewport) px")
            #expect(probe.scroll <= probe.client, "\(at): the page is \(probe.scroll) px wide in \(probe.client) px")
            #expect(probe.widest <= probe.client, "\(at): \(probe.widestWhat) is \(probe.widest) px wide")
            if width < 600 { #expect(probe.stackedTables == probe.tables, "\(at): equation tables not stacked") }
        }
    }
}
