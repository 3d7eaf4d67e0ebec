import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The listening socket and the loop that accepts connections. The socket is bound in `init`,
/// before the first build, so a busy or impossible address is reported at once.
final class Listener: Sendable {
    let socket: Socket
    /// The address asked for, with the port the system gave when 0 was asked for.
    let address: ServeAddress
    private let pool: any AsyncSocketPool = SocketPool.make()
    private let running = Locked<Task<Void, any Error>>()

    init(address: ServeAddress) throws(ServeError) {
        var bound = address
        do {
            let domain = address.family == .ip4 ? AF_INET : AF_INET6
            socket = try Socket(domain: Int32(domain))
            try socket.setValue(true, for: .localAddressReuse)
            switch address.family {
            case .ip4: try socket.bind(to: .inet(ip4: address.ip, port: address.port))
            case .ip6: try socket.bind(to: .inet6(ip6: address.ip, port: address.port))
            }
            try socket.listen()
            switch try socket.sockname() {
            case .ip4(_, let port), .ip6(_, let port): bound.port = port
            case .unix: break
            }
        } catch SocketError.failed(_, let code, let message) {
            if code == EADDRINUSE { throw .addressInUse(address.authority) }
            throw .cannotListen(address.authority, reason: message)
        } catch {
            throw .cannotListen(address.authority, reason: "\(error)")
        }
        self.address = bound
    }

    /// Accepts connections and serves each in its own task until `stop()`.
    func start(limits: ConnectionLimits, respond: @escaping @Sendable (RequestHead) async -> Reply) {
        let (socket, pool) = (socket, pool)
        running.set(Task {
            try await pool.prepare()
            let listening = try AsyncSocket(socket: socket, pool: pool)
            await withDiscardingTaskGroup { group in
                group.addTask { try? await pool.run() }
                while !Task.isCancelled {
                    do {
                        let client = try await listening.accept()
                        group.addTask { await Connection(socket: client, limits: limits, respond: respond).serve() }
                    } catch {
                        // Out of file descriptors, say: wait a little rather than spin or stop serving.
                        try? await Task.sleep(nanoseconds: 50_000_000)
                    }
                }
                group.cancelAll()
            }
        })
    }

    /// Stops accepting, ends every connection's task and closes the listening socket.
    func stop() {
        running.take()?.cancel()
        try? socket.close()
    }
}
