@testable import DevServer
import Foundation
import Testing

/// What `costmark serve` does with hostile or broken clients: oversized and trickled requests,
/// foreign `Host:` names, badly encoded paths, paths that try to leave the output folder; and
/// that HEAD answers like GET and IPv6 works. Each test starts its own server on a free port.
@Suite(.serialized) struct ServeHardeningTests {
    /// A one-essay site served on a free loopback port (or `host`), with `limits` if given.
    static func serve(host: String = "127.0.0.1", limits: ConnectionLimits = ConnectionLimits())
        async throws -> (site: InlineSite, server: DevServer, address: ServeAddress) {
        let site = try InlineSite("-- Content/a.md --\n---\ntitle: A\n---\nHello.\n-- secret.txt --\nnot for the web\n")
        var options = DevServer.Options(build: site.options)
        options.address = try ServeAddress(host: host, port: 0)
        options.limits = limits
        let server = DevServer(options: options)
        return (site, server, try await server.start())
    }

    static func status(_ url: String, _ extra: [String] = []) async throws -> String {
        try await ServeTests.curl(["-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", "-g"] + extra + [url])
    }

    /// A 280 KB URL used to cost the old parser minutes of CPU (its time grew with the square
    /// of the length); now the request line stops at 8 KiB and the headers at 32 KiB.
    @Test func oversizedRequestsAreRefusedAtOnce() async throws {
        let (site, server, address) = try await Self.serve()
        defer { server.stop(); site.cleanUp() }
        let url = try await RawHTTPClient.exchange("GET /" + String(repeating: "a", count: 280_000)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: address.port)
        #expect(url.status == 414, "\(url.text.prefix(200))")
        #expect(url.seconds < 30, "the old parser took minutes; only a hang should fail this on a loaded machine")
        let headers = try await RawHTTPClient.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
            + String(repeating: "b", count: 40_000) + "\r\n\r\n", port: address.port)
        #expect(headers.status == 431)
        let long = String(repeating: "c", count: 8_000)
        #expect(try await Self.status(address.url.absoluteString + long) == "404", "just under the cap is read")
    }

    /// With the caps raised, a 2 MB request line and 2 MB of headers still parse in well under a
    /// second: the reader looks at each byte once.
    @Test func requestHeadsAreReadInLinearTime() async throws {
        var limits = ConnectionLimits()
        limits.requestLine = 4 << 20
        limits.headerBytes = 4 << 20
        let (site, server, address) = try await Self.serve(limits: limits)
        defer { server.stop(); site.cleanUp() }
        let big = String(repeating: "d", count: 2_000_000)
        let request = "GET /\(big) HTTP/1.1\r\nHost: 127.0.0.1:\(address.port)\r\nX-Big: \(big)\r\n"
            + "Connection: close\r\n\r\n"
        let answer = try await RawHTTPClient.exchange(request, port: address.port, timeout: 30)
        #expect(answer.status == 404)
        #expect(answer.seconds < 30, "took \(answer.seconds) s")
    }

    /// A connection that says nothing, or trickles a request in, is closed after the header
    /// timeout (408 for the one that started a request); so is a kept-alive connection left idle.
    @Test func silentAndSlowClientsAreCutOff() async throws {
        var limits = ConnectionLimits()
        limits.headerTimeout = 0.5
        let (site, server, address) = try await Self.serve(limits: limits)
        defer { server.stop(); site.cleanUp() }

        let silent = try await RawHTTPClient.exchange("", port: address.port, timeout: 8)
        #expect(silent.closed && silent.seconds < 6, "closed: \(silent.closed) after \(silent.seconds) s")
        #expect(silent.text.isEmpty, "nothing asked, nothing said")

        let port = address.port
        let slow = try await offThePool {
            let start = Date()
            let client = try RawHTTPClient(port: port, timeout: 8)
            client.send("GET / HTTP/1.1\r\n")
            for index in 0..<4 {
                Thread.sleep(forTimeInterval: 0.2)
                client.send("X-Slow-\(index): y\r\n")
            }
            let (text, closed) = client.readToEnd()
            return RawHTTPClient.Exchange(text: text, closed: closed, seconds: Date().timeIntervalSince(start))
        }
        #expect(slow.status == 408, "\(slow.text)")
        #expect(slow.closed && slow.seconds < 6)

        let idle = try await RawHTTPClient.exchange("GET /a/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n",
                                                    port: port, timeout: 8)
        #expect(idle.status == 200 && idle.text.contains("Hello."))
        #expect(idle.closed, "the idle kept-alive connection was closed")
        #expect(!idle.text.contains("408"), "without an unasked-for answer")
    }

    /// DNS rebinding: a page whose name resolves to 127.0.0.1 sends its own name in `Host:`.
    @Test func foreignHostNamesAreRefused() async throws {
        let (site, server, address) = try await Self.serve()
        defer { server.stop(); site.cleanUp() }
        let url = address.url.absoluteString
        let port = address.port
        for name in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)"] {
            #expect(try await Self.status(url, ["-H", "Host: \(name)"]) == "200", "\(name)")
        }
        for name in ["evil.example:\(port)", "evil.example", "localhost:\(port &+ 1)", "localhost", "127.0.0.1:x",
                     "localhost.evil.example:\(port)"] {
            #expect(try await Self.status(url, ["-H", "Host: \(name)"]) == "403", "\(name)")
        }
        let body = try await ServeTests.curl(["-H", "Host: evil.example:\(port)", url])
        #expect(body.contains("answers only to its own address and localhost"))
        let bare = try await RawHTTPClient.exchange("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", port: port)
        #expect(bare.status == 403, "HTTP/1.1 without Host")
    }

    /// Bound to every interface, the user chose to be reached under any name.
    @Test func aServerOnEveryInterfaceAcceptsAnyName() async throws {
        let (site, server, address) = try await Self.serve(host: "0.0.0.0")
        defer { server.stop(); site.cleanUp() }
        #expect(address.exposureWarning?.contains("every network interface") == true)
        let url = "http://127.0.0.1:\(address.port)/"
        #expect(try await Self.status(url, ["-H", "Host: my-laptop.local:\(address.port)"]) == "200")
    }

    @Test func headAnswersWithTheSameHeadersAsGet() async throws {
        let (site, server, address) = try await Self.serve()
        defer { server.stop(); site.cleanUp() }
        let url = address.url.absoluteString + "a/"
        let page = try await ServeTests.curl([url])
        let head = try await ServeTests.curl(["-I", url]).lowercased()
        #expect(head.hasPrefix("http/1.1 200 ok"))
        #expect(head.contains("content-length: \(page.utf8.count)\r\n"), "\(head)")
        #expect(head.contains("content-type: text/html; charset=utf-8\r\n"))
        let raw = try await RawHTTPClient.exchange("HEAD /a/ HTTP/1.1\r\nHost: localhost:\(address.port)\r\n"
            + "Connection: close\r\n\r\n", port: address.port)
        #expect(raw.text.hasSuffix("\r\n\r\n"), "no body after the head: \(raw.text.suffix(80))")
        let missing = try await ServeTests.curl(["-I", address.url.absoluteString + "nowhere/"]).lowercased()
        #expect(missing.hasPrefix("http/1.1 404") && !missing.contains("content-length: 0\r\n"))
    }

    /// Bad percent-encoding is a bad request, not the home page; nothing outside the output
    /// folder is reachable by dot segments, encoded dots or slashes, NUL bytes or symbolic links.
    @Test func pathsAreDecodedStrictlyAndStayInTheOutputFolder() async throws {
        let (site, server, address) = try await Self.serve()
        defer { server.stop(); site.cleanUp() }
        let secret = site.root.appendingPathComponent("secret.txt").path
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Output/escape.txt").path,
                                                   withDestinationPath: secret)
        let base = "http://127.0.0.1:\(address.port)"
        for target in ["/%ff/zzz", "/%zz", "/%", "/a%2", "/%00", "/a%00.html", "/%c0%ae%c0%ae/secret.txt"] {
            #expect(try await Self.status(base + target) == "400", "\(target)")
        }
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
                       "/a/../../secret.txt", "/.%2e/secret.txt", "/escape.txt", "/%2fetc%2fpasswd",
                       "/..\\secret.txt"] {
            let body = try await ServeTests.curl(["--path-as-is", base + target])
            #expect(try await Self.status(base + target) == "404", "\(target)")
            #expect(!body.contains("not for the web"), "\(target)")
        }
        #expect(try await Self.status(base + "/a/?x=%zz") == "200", "the query is not the path")
        #expect(try await Self.status(base + "/%61/") == "200", "%61 is a")
        let absolute = try await RawHTTPClient.exchange(
            "GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1:\(address.port)\r\n\r\n", port: address.port)
        #expect(absolute.status == 400)
    }

    @Test(.enabled(if: ServeHardeningTests.hasIPv6Loopback)) func servesOnIPv6Loopback() async throws {
        let (site, server, address) = try await Self.serve(host: "::1")
        defer { server.stop(); site.cleanUp() }
        #expect(address.url.absoluteString == "http://[::1]:\(address.port)/")
        #expect(try await Self.status(address.url.absoluteString + "a/") == "200")
    }

    static var hasIPv6Loopback: Bool {
        let interfaces = try? String(contentsOfFile: "/proc/net/if_inet6", encoding: .utf8)
        return interfaces?.contains("00000000000000000000000000000001") ?? false
    }
}
