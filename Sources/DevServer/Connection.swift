import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: reads each request head within the header timeout, answers requests
/// in order, and closes when the client asks, after a request it refuses, or when it is silent
/// for longer than the timeout.
struct Connection: Sendable {
    let socket: AsyncSocket
    let limits: ConnectionLimits
    let respond: @Sendable (RequestHead) async -> Reply

    func serve() async {
        var carry: [UInt8] = []
        defer { try? socket.close() }
        while !Task.isCancelled {
            let start = Date()
            // A connection that stays silent is closed without a word: a browser keeps idle
            // connections open and would take an unasked-for 408 as the answer to its next request.
            if carry.isEmpty {
                guard let first = try? await firstBytes(within: limits.headerTimeout) else { return }
                carry = first
            }
            let outcome: HeadReader.Outcome
            do {
                let (socket, limits, bytes) = (socket, limits, carry)
                outcome = try await withDeadline(seconds: limits.headerTimeout - Date().timeIntervalSince(start)) {
                    try await HeadReader.read(from: socket, after: bytes, limits: limits)
                }
            } catch let problem as HeadProblem {
                await refuse(.text(problem.status, problem.message, closesConnection: true))
                return
            } catch is DeadlinePassed {
                let seconds = Int(limits.headerTimeout)
                await refuse(.text(408, "no complete request within \(seconds) s", closesConnection: true))
                return
            } catch {
                return // reset by the client, or the server is stopping
            }
            guard case .head(let head, let rest) = outcome else { return }
            carry = rest
            let reply = await respond(head)
            let keepAlive = head.keepsAlive && !reply.closesConnection
            guard (try? await write(reply.encodedHead(keepAlive: keepAlive))) != nil else { return }
            if head.method != "HEAD" {
                switch reply.body {
                case .data(let data):
                    guard (try? await write(data)) != nil else { return }
                case .reloads(let events, let after):
                    await streamReloads(events, after: after)
                    return
                }
            }
            guard keepAlive else {
                if reply.closesConnection { await drainAndClose() }
                return
            }
        }
    }

    /// The first bytes of the next request, read within `seconds`.
    private func firstBytes(within seconds: Double) async throws -> [UInt8] {
        let socket = socket
        return try await withDeadline(seconds: seconds) { try await socket.read(atMost: 4096) }
    }

    /// Answers a request that will not be read further, then closes.
    private func refuse(_ reply: Reply) async {
        _ = try? await write(reply.encodedHead(keepAlive: false))
        if case .data(let data) = reply.body { _ = try? await write(data) }
        await drainAndClose()
    }

    /// Sends one `reload` event per rebuild until the page goes away or the server stops.
    private func streamReloads(_ events: ReloadEvents, after start: Int) async {
        guard (try? await write(Data(": costmark live reload\n\n".utf8))) != nil else { return }
        var seen = start
        while !Task.isCancelled {
            await events.wait(after: seen)
            let (generation, pages) = await events.changes(after: seen)
            seen = generation
            guard (try? await write(Data(ReloadEvents.event(generation: generation, pages: pages).utf8))) != nil else { return }
        }
    }

    private func write(_ data: Data) async throws {
        let socket = socket
        try await withDeadline(seconds: limits.writeTimeout) { try await socket.write(data) }
    }

    /// Stops sending, then reads and drops what the client is still sending (for a while, up to
    /// a cap): closing with unread bytes makes the system reset the connection, and the client
    /// may then lose the answer it was about to read.
    private func drainAndClose() async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        let (socket, cap) = (socket, limits.drainBytes)
        _ = try? await withDeadline(seconds: limits.drainTimeout) {
            var dropped = 0
            while dropped < cap { dropped += try await socket.read(atMost: 4096).count }
            return dropped
        }
    }
}
