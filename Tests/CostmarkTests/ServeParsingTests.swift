@testable import DevServer
import Testing

/// The pieces of `serve` that judge a request without a socket: the head parser, the path
/// decoder, the `Host:` check and the `--host` parser.
@Suite struct ServeParsingTests {
    static func parse(_ text: String) throws(HeadProblem) -> RequestHead {
        try HeadParser.parse(ArraySlice(Array(text.utf8)))
    }

    @Test func headsParse() throws {
        let head = try Self.parse(
            "GET /a/?q=1 HTTP/1.1\r\nHost: localhost:8000\r\nX-Spaced:  value \t\r\nConnection: close\r\n\r\n")
        #expect(head.method == "GET" && head.target == "/a/?q=1" && head.version == "HTTP/1.1")
        #expect(head.value("host") == "localhost:8000")
        #expect(head.value("x-spaced") == "value")
        #expect(!head.keepsAlive)
        #expect(try Self.parse("\r\nGET / HTTP/1.0\n\n").isHTTP10, "a blank line first and bare line feeds are allowed")
        #expect(try !Self.parse("GET / HTTP/1.0\r\n\r\n").keepsAlive)
        #expect(try Self.parse("GET / HTTP/1.1\r\nContent-Length: 3\r\n\r\n").hasBody)
    }

    @Test func malformedHeadsAreRefused() {
        let cases: [(String, Int)] = [
            ("GET  / HTTP/1.1\r\n\r\n", 400), ("GET / HTTP/1.1 x\r\n\r\n", 400), ("GET /a b HTTP/1.1\r\n\r\n", 400),
            ("G(T / HTTP/1.1\r\n\r\n", 400), ("GET / HTTP/2.0\r\n\r\n", 505), ("GET / FTP/1.0\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400), ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400), ("GET / HTTP/1.1\r\nX: a\u{1}b\r\n\r\n", 400),
            ("GET /\u{e9} HTTP/1.1\r\n\r\n", 400),
        ]
        for (text, status) in cases {
            #expect(throws: HeadProblem.self, "\(text.debugDescription)") { try Self.parse(text) }
            do { _ = try Self.parse(text) } catch { #expect(error.status == status, "\(text.debugDescription)") }
        }
    }

    @Test func pathsDecodeStrictly() throws {
        #expect(try RequestPath.segments(of: "/") == [])
        #expect(try RequestPath.segments(of: "/posts//a%20b/?x=%zz") == ["posts", "a b"])
        #expect(try RequestPath.segments(of: "/%C3%A9t%C3%A9/") == ["été"])
        #expect(try RequestPath.segments(of: "/..%2f..%2fetc") == ["../../etc"],
                "an encoded slash stays in its segment")
        for bad in ["/%ff", "/%zz", "/%", "/%4", "/a%00", "/%c0%ae"] {
            #expect(throws: RequestPath.Problem.badEncoding, "\(bad)") { try RequestPath.segments(of: bad) }
        }
        #expect(throws: RequestPath.Problem.notAPath) { try RequestPath.segments(of: "http://evil.example/") }
        #expect(throws: RequestPath.Problem.notAPath) { try RequestPath.segments(of: "*") }
    }

    @Test func hostNamesAreChecked() throws {
        let local = HostCheck(address: try ServeAddress(host: "127.0.0.1", port: 8000), port: 8000)
        #expect(local.allows("localhost:8000", http10: false) && local.allows("[::1]:8000", http10: false))
        #expect(!local.allows("localhost:8001", http10: false) && !local.allows("evil.example:8000", http10: false))
        #expect(!local.allows(nil, http10: false) && local.allows(nil, http10: true))
        #expect(!local.allows("[::1:8000", http10: false) && !local.allows(":8000", http10: false))
        let web = HostCheck(address: try ServeAddress(host: "::1", port: 80), port: 80)
        #expect(web.allows("localhost", http10: false), "no port means 80")
        let lan = HostCheck(address: try ServeAddress(host: "192.168.1.20", port: 8000), port: 8000)
        #expect(lan.allows("192.168.1.20:8000", http10: false) && !lan.allows("laptop.local:8000", http10: false))
        #expect(HostCheck(address: try ServeAddress(host: "::", port: 1), port: 1).allows("any.name", http10: false))
    }

    @Test func hostsParse() throws {
        #expect(try ServeAddress(host: "::1", port: 8000).authority == "[::1]:8000")
        #expect(try ServeAddress(host: "[0:0::1]", port: 1).ip == "::1")
        #expect(try ServeAddress(host: "localhost", port: 1).ip == "127.0.0.1")
        #expect(try ServeAddress(host: "127.0.0.1", port: 1).exposureWarning == nil)
        #expect(try ServeAddress(host: "::1", port: 1).exposureWarning == nil)
        #expect(try ServeAddress(host: "0.0.0.0", port: 1).exposureWarning?.hasPrefix("warning: ") == true)
        #expect(try ServeAddress(host: "192.168.1.20", port: 1).exposureWarning?.contains("192.168.1.20") == true)
        for bad in ["999.1.1.1", "example.com", "", "::1%lo0x", "1.2.3"] {
            #expect(throws: ServeError.invalidHost(bad)) { try ServeAddress(host: bad, port: 8000) }
        }
    }
}
