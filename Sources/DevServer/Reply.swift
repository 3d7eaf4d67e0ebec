import Foundation

/// An answer to one request: a status, header fields, and either a body or the open-ended
/// stream of reload events.
struct Reply: Sendable {
    enum Body: Sendable {
        case data(Data)
        /// Server-sent events, one `reload` per rebuild after generation `after`.
        case reloads(ReloadEvents, after: Int)
    }

    var status: Int
    var fields: [(name: String, value: String)]
    var body: Body
    /// Closes the connection after this answer, e.g. after a malformed request, whose end
    /// cannot be trusted to mark the start of the next one.
    var closesConnection = false

    init(status: Int, fields: [(name: String, value: String)], body: Body, closesConnection: Bool = false) {
        self.status = status
        self.fields = fields
        self.body = body
        self.closesConnection = closesConnection
    }

    /// A short plain-text answer, for errors.
    static func text(_ status: Int, _ message: String, closesConnection: Bool = false) -> Reply {
        Reply(status: status, fields: [("Content-Type", "text/plain; charset=utf-8")],
              body: .data(Data((message + "\n").utf8)), closesConnection: closesConnection)
    }

    /// The status line and header fields. A HEAD answer carries the same fields as a GET one,
    /// `Content-Length` included, and no body; a stream has no length and ends with the connection.
    func encodedHead(keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Unknown")\r\n"
        for (name, value) in fields { text += "\(name): \(value)\r\n" }
        if case .data(let data) = body { text += "Content-Length: \(data.count)\r\n" }
        if !keepAlive { text += "Connection: close\r\n" }
        return Data((text + "\r\n").utf8)
    }

    static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        408: "Request Timeout", 414: "URI Too Long", 431: "Request Header Fields Too Large",
        500: "Internal Server Error", 505: "HTTP Version Not Supported",
    ]
}
