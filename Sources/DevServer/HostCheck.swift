/// Which `Host:` values a request may carry. A page on another site can point its own name at
/// 127.0.0.1 (DNS rebinding) and then read this server as if it were its own origin; its
/// requests still carry that name in `Host:`, so accepting only this server's own names and
/// loopback names on its port shuts them out. Bound to every interface (`0.0.0.0`, `::`), the
/// user has chosen to be reached under any name, and every name is accepted.
struct HostCheck: Sendable {
    let acceptsAnyName: Bool
    let port: UInt16
    /// Lowercased, IPv6 addresses in brackets.
    let names: Set<String>

    init(address: ServeAddress, port: UInt16) {
        acceptsAnyName = address.isWildcard
        self.port = port
        names = ["localhost", "127.0.0.1", "[::1]", address.urlHost.lowercased()]
    }

    /// Whether a request naming `host` is for this server. No `Host:` at all is allowed only
    /// from HTTP/1.0 clients, which predate the header; HTTP/1.1 requires it.
    func allows(_ host: String?, http10: Bool) -> Bool {
        guard let host else { return http10 }
        if acceptsAnyName { return true }
        guard let (name, port) = Self.split(host.lowercased()) else { return false }
        return names.contains(name) && (port ?? 80) == self.port
    }

    /// `name:port` → (name, port), with brackets kept around IPv6 names; nil when malformed.
    static func split(_ host: String) -> (name: String, port: UInt16?)? {
        var name = Substring(host)
        var rest = Substring("")
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            name = host[...close]
            rest = host[host.index(after: close)...]
        } else if let colon = host.firstIndex(of: ":") {
            name = host[..<colon]
            rest = host[colon...]
        }
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (String(name), nil) }
        guard rest.first == ":", let port = UInt16(rest.dropFirst()), rest.dropFirst().allSatisfy(\.isASCII) else {
            return nil
        }
        return (String(name), port)
    }
}
