/// Why `serve` could not start listening. Each is something the user fixes on the command line
/// (another `--host` or `--port`), so the command exits with status 2, as for other misuse.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    /// `--host` is not an IP address.
    case invalidHost(String)
    /// Another program (or another `costmark serve`) listens on the address.
    case addressInUse(String)
    /// The system refused the address for another reason, e.g. a port below 1024 or an
    /// address this machine does not have.
    case cannotListen(String, reason: String)

    public var description: String {
        switch self {
        case .invalidHost(let host):
            "error: --host '\(host)' is not an IP address\n"
                + "note: use an address such as 127.0.0.1, ::1 or 0.0.0.0, or localhost"
        case .addressInUse(let authority):
            "error: address \(authority) is already in use\n"
                + "note: stop the program using it, or pick another port with --port (--port 0 picks a free one)"
        case .cannotListen(let authority, let reason):
            "error: cannot listen on \(authority): \(reason)\nnote: pick another address with --host or --port"
        }
    }
}
