import Diagnostics
import Foundation
import Site
import Testing

/// Symbolic links in the content folder: followed inside it, skipped (with a warning) when
/// they lead anywhere else, and never published as links.
@Suite struct ContentLinksTests {
    func link(_ path: String, to target: String, in site: InlineSite) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path,
                                                   withDestinationPath: target)
    }

    func isLink(_ path: String, in site: InlineSite) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent(path).path)
        return attributes?[.type] as? FileAttributeType == .typeSymbolicLink
    }

    @Test func linksLeavingTheContentFolderAreSkipped() throws {
        let site = try InlineSite("""
        -- Content/a.md --
        ---
        title: A
        ---
        Hello.
        -- Elsewhere/secret.txt --
        not for publishing
        -- Elsewhere/inner/more.txt --
        nor this
        """)
        defer { site.cleanUp() }
        let elsewhere = site.root.appendingPathComponent("Elsewhere").path
        try link("Content/secrets", to: elsewhere, in: site)
        try link("Content/secret.txt", to: elsewhere + "/secret.txt", in: site)
        try link("Content/sneaky.txt", to: "../Elsewhere/secret.txt", in: site)
        let report = site.build()
        #expect(report.succeeded)
        #expect(!site.exists("secrets") && !site.exists("secrets/secret.txt") && !site.exists("secret.txt"))
        #expect(!site.exists("sneaky.txt"))
        let warnings = report.diagnostics.filter { $0.severity == .warning }.map { DiagnosticRenderer().render($0) }
        let content = site.options.contentDirectory
        #expect(warnings.contains("\(content)/secrets: warning: symbolic link leads outside \(content)/ (to \(elsewhere)); skipped\n"))
        #expect(warnings.contains { $0.hasPrefix("\(content)/secret.txt: warning: symbolic link leads outside") })
        #expect(warnings.contains { $0.hasPrefix("\(content)/sneaky.txt: warning: symbolic link leads outside") })
    }

    @Test func linksInsideTheContentFolderArePublishedAsFiles() throws {
        let site = try InlineSite("""
        -- Content/posts/a.md --
        ---
        title: A
        ---
        Hello.
        -- Content/posts/chart.csv --
        x,y
        """)
        defer { site.cleanUp() }
        try link("Content/data.csv", to: "posts/chart.csv", in: site)
        try link("Content/archive", to: site.root.appendingPathComponent("Content/posts").path, in: site)
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(try site.output("data.csv") == "x,y\n")
        #expect(!isLink("Output/data.csv", in: site), "a followed link is copied as a regular file")
        #expect(try site.output("archive/chart.csv") == "x,y\n")
        #expect(!isLink("Output/archive/chart.csv", in: site))
        #expect(try site.output("archive/a/index.html").contains("Hello."))
    }

    @Test func loopsDanglingAndHiddenTargetsAreSkipped() throws {
        let site = try InlineSite("""
        -- Content/posts/a.md --
        ---
        title: A
        ---
        Hello.
        -- Content/.private/key.txt --
        hidden
        """)
        defer { site.cleanUp() }
        try link("Content/posts/up", to: "..", in: site)
        try link("Content/posts/here", to: ".", in: site)
        try link("Content/ring-a", to: "ring-b", in: site)
        try link("Content/ring-b", to: "ring-a", in: site)
        try link("Content/gone.txt", to: "missing.txt", in: site)
        try link("Content/key.txt", to: ".private/key.txt", in: site)
        let report = site.build()
        #expect(report.succeeded)
        let messages = report.diagnostics.map(\.message)
        #expect(messages.filter { $0.hasPrefix("symbolic link loops back to") }.count == 2)
        #expect(messages.contains("symbolic link loops (to ring-b); skipped"))
        #expect(messages.contains("symbolic link leads nowhere (to missing.txt); skipped"))
        #expect(messages.contains { $0.hasPrefix("symbolic link leads to a hidden file") })
        #expect(!site.exists("key.txt") && !site.exists("gone.txt") && !site.exists("posts/up"))
        #expect(site.exists("posts/a/index.html"))
    }

    /// Folder links that branch at every level are not a loop, but would open 2^n paths: a
    /// folder is published through one link only, and the others are skipped with a warning.
    @Test func branchingFolderLinksPublishEachFolderOnce() throws {
        let site = try InlineSite("-- Content/d30/x.md --\n---\ntitle: x\n---\nx\n")
        defer { site.cleanUp() }
        for level in 0..<30 {
            try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/d\(level)"),
                                                    withIntermediateDirectories: true)
            for name in ["a", "b"] { try link("Content/d\(level)/\(name)", to: "../d\(level + 1)", in: site) }
        }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        #expect(report.diagnostics.contains { $0.message.hasPrefix("symbolic link leads to a folder already published") })
        #expect(report.essayCount <= 31 * 2)
    }
}
