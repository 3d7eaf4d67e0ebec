/// How much a client may send before its request is answered, and how long it may take. The
/// caps bound what one connection costs the server; the timeouts close connections that open
/// and then say nothing (or trickle a request in), which would otherwise be held for ever.
struct ConnectionLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`) with its line end; longer ones get 414.
    var requestLine = 8 * 1024
    /// The header lines after it, up to and including the blank line; more gets 431.
    var headerBytes = 32 * 1024
    /// Time allowed for a whole request head to arrive, counted from the connection opening or
    /// from the previous answer on a kept-alive connection; then the connection closes, with a
    /// 408 if a request had begun.
    var headerTimeout = 20.0
    /// Time allowed for one write to the client (a page, or one reload event) to go through.
    var writeTimeout = 30.0
    /// After refusing a request, how long and how much of the rest of it is read and dropped
    /// before closing, so the client sees the answer rather than a connection reset.
    var drainTimeout = 1.0
    var drainBytes = 4 * 1024 * 1024
}
