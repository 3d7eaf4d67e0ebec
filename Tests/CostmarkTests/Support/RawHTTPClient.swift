import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client for requests curl will not send (oversized, malformed, trickled in) and
/// for seeing when the server closes a connection. Blocking calls, each bounded by `timeout`.
final class RawHTTPClient {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let file: Int32

    init(host: String = "127.0.0.1", port: UInt16, timeout: Double = 10) throws {
        let ip6 = host.contains(":")
        file = socket(ip6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard file >= 0 else { throw Failure(description: "socket: \(errno)") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(file, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(file, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected: Int32
        if ip6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(file, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(file, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard connected == 0 else {
            Glibc.close(file)
            throw Failure(description: "connect: \(errno)")
        }
    }

    deinit { Glibc.close(file) }

    /// Sends what it can; a server that has answered and closed may stop reading part-way.
    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// Everything the server sends until it closes the connection (`closed`), or until
    /// nothing arrives within the timeout.
    func readToEnd() -> (text: String, closed: Bool) {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(file, &chunk, chunk.count, 0)
            if count > 0 { data += chunk[..<count]; continue }
            return (String(decoding: data, as: UTF8.self), count == 0 || errno == ECONNRESET)
        }
    }

    /// The first bytes the server sends (an event stream's head), or "" when nothing arrives within
    /// the timeout: a test waits on the server's first event rather than sleeping.
    func readSome() -> String {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(file, &chunk, chunk.count, 0)
        return count > 0 ? String(decoding: chunk[..<count], as: UTF8.self) : ""
    }

    /// The status code of the first answer in `text`, or 0.
    static func status(_ text: String) -> Int {
        let parts = text.split(separator: " ", maxSplits: 2)
        return parts.count > 1 && parts[0].hasPrefix("HTTP/") ? Int(parts[1]) ?? 0 : 0
    }
}

extension RawHTTPClient {
    struct Exchange: Sendable {
        var text: String
        var closed: Bool
        var seconds: Double
        var status: Int { RawHTTPClient.status(text) }
    }

    /// Connects, sends `request`, and reads until the server closes or goes quiet for `timeout`,
    /// off the task pool (see `offThePool`).
    static func exchange(_ request: String, port: UInt16, host: String = "127.0.0.1",
                         timeout: Double = 10) async throws -> Exchange {
        try await offThePool {
            let start = Date()
            let client = try RawHTTPClient(host: host, port: port, timeout: timeout)
            client.send(request)
            let (text, closed) = client.readToEnd()
            return Exchange(text: text, closed: closed, seconds: Date().timeIntervalSince(start))
        }
    }
}
