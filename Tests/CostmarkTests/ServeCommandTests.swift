import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `costmark serve` as a user runs it: the messages and exit statuses for addresses it cannot
/// use, the warning for one other machines can reach, and how fast a signal stops it.
@Suite(.serialized) struct ServeCommandTests {
    static let site = "-- Content/a.md --\n---\ntitle: A\n---\nHello.\n"

    /// A port some other program listens on, held until `close` is called with its descriptor.
    static func occupiedPort() throws -> (file: Int32, port: UInt16) {
        let file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(file, pointer, length) == 0 && listen(file, 1) == 0 && getsockname(file, pointer, &length) == 0
            }
        }
        try #require(bound)
        return (file, UInt16(bigEndian: address.sin_port))
    }

    /// Bounded by the time limit: a server that waited for a timeout instead would hang it.
    @Test(.timeLimit(.minutes(1))) func aBusyPortIsReportedAtOnce() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let (file, port) = try Self.occupiedPort()
        defer { close(file) }
        let run = try CommandLineTests.costmark(["serve", "--port", "\(port)"], in: site.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: address 127.0.0.1:\(port) is already in use\n"), "\(run.stderr)")
        #expect(run.stderr.contains("--port"))
        #expect(!run.stderr.contains("SocketError"))
        #expect(!site.exists("index.html"), "nothing is built for a server that cannot start")
    }

    @Test func anInvalidHostIsACommandLineError() throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        for host in ["999.1.1.1", "example.invalid", "::1::2"] {
            let run = try CommandLineTests.costmark(["serve", "--host", host, "--port", "0"], in: site.root)
            #expect(run.status == 2)
            #expect(run.stderr.contains("--host '\(host)' is not an IP address"), "\(run.stderr)")
            #expect(!run.stderr.contains("inet_pton"))
        }
    }

    /// On every interface it warns; SIGTERM and SIGINT stop it even with clients connected, and the
    /// build's record is on disk afterwards. This runs the release binary (`make site` builds it):
    /// the optimizer once released the signal sources, so only the release build ignored signals.
    @Test(arguments: [SIGTERM, SIGINT])
    func aNetworkHostIsWarnedAboutAndASignalStopsIt(signal: Int32) async throws {
        let site = try InlineSite(Self.site)
        defer { site.cleanUp() }
        let log = site.root.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["serve", "--host", "0.0.0.0", "--port", "0"]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var text = ""
        #expect(try await ServeTests.eventually {
            text = try String(contentsOf: log, encoding: .utf8)
            return text.contains("Serving")
        })
        #expect(text.contains("warning: serving on every network interface"), "\(text)")
        let port = try #require(text.firstMatch(of: /0\.0\.0\.0:(\d+)\//).flatMap { UInt16($0.1) })

        // Clients sending huge request lines (which kept every thread busy for minutes before the
        // reader was linear, and a signal handler on the shared pool waited for them), clients in
        // the middle of a request, and an open reload stream whose first answer shows the server
        // is serving them.
        let huge = try (0..<3).map { _ in try RawHTTPClient(port: port) }
        for client in huge { client.send("GET /" + String(repeating: "a", count: 280_000)) }
        let clients = try (0..<2).map { _ in try RawHTTPClient(port: port) }
        for client in clients { client.send("GET / HTTP/1.1\r\nHost: localhost:\(port)\r\nX-Partial: ") }
        nonisolated(unsafe) let events = try RawHTTPClient(port: port)
        events.send("GET /__costmark/events HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
        let head = try await offThePool { events.readSome() }
        #expect(head.hasPrefix("HTTP/1.1 200"), "the event stream answered: \(head)")

        kill(process.processIdentifier, signal)
        // A bound, not a speed target: a server that ignores the signal would otherwise hang the suite.
        let stopped = try await ServeTests.eventually { !process.isRunning }
        #expect(stopped, "signal \(signal) was ignored; the server had to be killed")
        guard stopped else { return }
        #expect(process.terminationStatus == 0)
        #expect(site.exists("manifest", in: ".costmark"), "the last build's record reached the disk")
        withExtendedLifetime((huge, clients, events)) {}
    }
}
