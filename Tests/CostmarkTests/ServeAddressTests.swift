@testable import DevServer
import Foundation
import Testing

/// `serve` redirects folders asked for without their slash.
@Suite struct ServeAddressTests {
    @Test func foldersWithoutTheirSlashAreRedirected() throws {
        let site = try InlineSite("""
        -- Content/posts/x.md --
        ---
        title: X
        ---
        X.
        """)
        defer { site.cleanUp() }
        #expect(site.build().succeeded)
        let responder = SiteResponder(root: site.root.appendingPathComponent("Output"))
        let moved = responder.answer(path: "/posts/x", errorOverlay: nil)
        #expect(moved.status == 301 && moved.location == "/posts/x/")
        #expect(responder.answer(path: "/posts/x/", errorOverlay: nil).status == 200)
        #expect(responder.answer(path: "/style.css", errorOverlay: nil).location == nil)
        #expect(responder.answer(path: "/posts/nope", errorOverlay: nil).status == 404)
    }

}

/// A site whose base_url has a path is served under that path, so its 404 page and stylesheet
/// load. In `ServeTests`, whose servers run one at a time: two servers started at once in one
/// test process were seen to stall each other's requests.
extension ServeTests {
    @Test func aSiteWithABasePathIsServedUnderIt() async throws {
        let site = try InlineSite("""
        -- site.yml --
        base_url: https://example.org/blog/
        -- Content/posts/x.md --
        ---
        title: X
        ---
        X.
        """)
        defer { site.cleanUp() }
        var options = DevServer.Options(build: site.options)
        options.address = try ServeAddress(host: "127.0.0.1", port: 0)
        let server = DevServer(options: options)
        let address = try await server.start()
        let root = "http://\(address.authority)"
        func status(_ path: String) async throws -> String {
            try await ServeTests.curl(["-o", "/dev/null", "-w", "%{http_code}", root + path])
        }
        #expect(try await status("/blog/posts/x/") == "200")
        #expect(try await status("/blog/style.css") == "200")
        #expect(try await status("/blog/posts/x") == "301")
        #expect(try await status("/") == "301")
        #expect(try await status("/posts/x/") == "404")
        let missing = try await ServeTests.curl([root + "/blog/nowhere/"])
        #expect(missing.contains(#"href="/blog/style.css""#), "the 404 page's stylesheet is under the base path")
        #expect(try await ServeTests.curl(["-o", "/dev/null", "-w", "%{http_code}", root + "/blog/style.css"]) == "200")
        server.finishRecording()
    }
}
