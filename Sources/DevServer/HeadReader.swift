import FlyingSocks

/// Reads one request head off a connection, checking the limits as bytes arrive. Each byte is
/// looked at once, so a head costs time in proportion to its length, and an oversized one is
/// refused after at most the limit plus one read, without waiting for the rest of it.
enum HeadReader {
    enum Outcome: Sendable {
        /// A head, and the bytes read after it (the start of a pipelined request).
        case head(RequestHead, rest: [UInt8])
        /// The client closed the connection between requests.
        case closed
    }

    /// - Parameter carry: bytes already read past the previous head, used before reading more.
    static func read(from socket: AsyncSocket, after carry: [UInt8], limits: ConnectionLimits) async throws -> Outcome {
        var buffer = carry
        var scanned = 0
        var requestLineEnd: Int?
        var lineStart = 0
        while true {
            while let end = buffer[scanned...].firstIndex(of: HeadParser.lineFeed) {
                if let requestLineEnd {
                    let line = buffer[lineStart..<end]
                    if line.isEmpty || line == [HeadParser.carriageReturn] {
                        try check(end - requestLineEnd > limits.headerBytes, else: .headersTooLarge)
                        let head = try HeadParser.parse(buffer[...end])
                        return .head(head, rest: Array(buffer[(end + 1)...]))
                    }
                } else {
                    // Counted from the start of the buffer, so blank lines sent first count too.
                    try check(end + 1 > limits.requestLine, else: .requestLineTooLong)
                    requestLineEnd = end
                }
                lineStart = end + 1
                scanned = end + 1
            }
            scanned = buffer.count
            if let requestLineEnd {
                try check(buffer.count - requestLineEnd - 1 > limits.headerBytes, else: .headersTooLarge)
            } else {
                try check(buffer.count > limits.requestLine, else: .requestLineTooLong)
            }
            do {
                buffer += try await socket.read(atMost: 4096)
            } catch SocketError.disconnected {
                let onlyLineEnds = buffer.allSatisfy { $0 == HeadParser.carriageReturn || $0 == HeadParser.lineFeed }
                if onlyLineEnds { return .closed }
                throw HeadProblem.malformed("the connection closed in the middle of a request")
            }
        }
    }

    private static func check(_ exceeded: Bool, else problem: HeadProblem) throws(HeadProblem) {
        if exceeded { throw problem }
    }
}
