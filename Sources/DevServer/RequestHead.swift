/// A request's first line and header fields: everything before the body, which this server
/// never reads (it answers GET and HEAD only).
struct RequestHead: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        /// Lowercased: header names are case-insensitive.
        var name: String
        var value: String
    }

    var method: String
    var target: String
    var version: String
    var fields: [Field]

    var isHTTP10: Bool { version == "HTTP/1.0" }

    /// The values of every field called `name` (lowercase).
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// HTTP/1.1 keeps a connection open unless the client says `close`; HTTP/1.0 closes it
    /// unless the client says `keep-alive`.
    var keepsAlive: Bool {
        let tokens = values("connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return isHTTP10 ? tokens.contains("keep-alive") : !tokens.contains("close")
    }

    /// Whether the client announced a body (which would have to be read to find the next request).
    var hasBody: Bool {
        !values("transfer-encoding").isEmpty || values("content-length").contains { $0 != "0" }
    }
}

/// Why a request head was refused, with the status that says so.
enum HeadProblem: Error, Equatable {
    case malformed(String)
    case requestLineTooLong
    case headersTooLarge
    case unsupportedVersion(String)

    var status: Int {
        switch self {
        case .malformed: 400
        case .requestLineTooLong: 414
        case .headersTooLarge: 431
        case .unsupportedVersion: 505
        }
    }

    var message: String {
        switch self {
        case .malformed(let reason): "bad request: \(reason)"
        case .requestLineTooLong: "the request line is too long"
        case .headersTooLarge: "the request's header fields are too large"
        case .unsupportedVersion(let version): "unsupported protocol version \(version)"
        }
    }
}
