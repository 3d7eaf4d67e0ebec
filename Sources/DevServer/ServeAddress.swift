import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `serve` listens: an IPv4 or IPv6 address (or `localhost`) and a port. Parsed before
/// anything is built, so a mistyped `--host` is a command-line error rather than a socket error.
public struct ServeAddress: Sendable, Equatable {
    public enum Family: Sendable { case ip4, ip6 }

    /// The address as the system prints it: `127.0.0.1`, `::1`.
    public let ip: String
    public let family: Family
    /// The port asked for; 0 lets the system pick a free one.
    public var port: UInt16

    /// - Parameter host: an IPv4 or IPv6 literal, with or without brackets, or `localhost`.
    public init(host: String, port: UInt16) throws(ServeError) {
        var name = host.trimmingCharacters(in: .whitespaces)
        if name.lowercased() == "localhost" { name = "127.0.0.1" }
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if let ip = Self.normalized(name, family: AF_INET) {
            (self.ip, family) = (ip, .ip4)
        } else if let ip = Self.normalized(name, family: AF_INET6) {
            (self.ip, family) = (ip, .ip6)
        } else {
            throw .invalidHost(host)
        }
        self.port = port
    }

    /// Loopback addresses are reachable only from this machine.
    public var isLoopback: Bool {
        switch family {
        case .ip4: ip.hasPrefix("127.")
        case .ip6: ip == "::1" || ip.hasPrefix("::ffff:127.")
        }
    }

    /// `0.0.0.0` and `::` listen on every interface of the machine.
    public var isWildcard: Bool { ip == "0.0.0.0" || ip == "::" }

    /// The host as it appears in a URL or a `Host:` header: IPv6 addresses go in brackets.
    public var urlHost: String { family == .ip6 ? "[\(ip)]" : ip }

    /// `127.0.0.1:8000`, `[::1]:8000`: how messages name the address.
    public var authority: String { "\(urlHost):\(port)" }

    public var url: URL { URL(string: "http://\(authority)/")! }

    /// What to tell the user when the site can be reached from other machines, or nil when it cannot.
    public var exposureWarning: String? {
        guard !isLoopback else { return nil }
        let scope = isWildcard ? "every network interface" : ip
        return "warning: serving on \(scope): anyone on the network who can reach this machine can read the site "
            + "(including drafts and build errors); use --host 127.0.0.1 to keep it local"
    }

    /// The address in the system's own spelling, or nil when `text` is not an address of `family`.
    private static func normalized(_ text: String, family: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &bytes) == 1 else { return nil }
        var printed = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &printed, socklen_t(printed.count)) != nil else { return nil }
        return String(decoding: printed.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
