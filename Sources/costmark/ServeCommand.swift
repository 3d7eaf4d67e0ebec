import ArgumentParser
import DevServer
import Foundation
import Site

/// Build, serve, watch, reload.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload open pages when a source changes.",
        discussion: "Serves only files under the output folder. A failed rebuild shows its errors over the page until fixed."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Folder that receives the site.")
    var output = "Output"

    @Option(help: ArgumentHelp("Address to listen on: an IPv4 or IPv6 address, or localhost. Other machines can reach "
                               + "the site unless it is a loopback address such as 127.0.0.1 or ::1."))
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func validate() throws {
        do {
            _ = try ServeAddress(host: host, port: port)
        } catch {
            throw ValidationError("--host '\(host)' is not an IP address (try 127.0.0.1, ::1, 0.0.0.0 or localhost)")
        }
    }

    /// Exits with status 2 when the address cannot be used: like a mistyped flag, it is fixed
    /// on the command line (another `--port` or `--host`).
    func run() async throws {
        var build = site.buildOptions()
        build.outputDirectory = output
        build.cacheDirectory = ".costmark"
        // Scheduled essays are previewed, each with a marker saying when it goes out.
        build.includeFuture = true
        var options = DevServer.Options(build: build)
        options.address = try ServeAddress(host: host, port: port)
        options.log = { Terminal.printError($0) }
        let server = DevServer(options: options)
        Self.signalSources = Self.stopOnSignals(server)
        let address: ServeAddress
        do {
            address = try await server.start()
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(2)
        }
        if let warning = address.exposureWarning { Terminal.printError(warning) }
        Terminal.printError("Serving \(output) at \(address.url) — watching \(site.content), \(site.templates) "
            + "and \(site.configPath); Ctrl-C stops")
        while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
    }

    /// The signal sources live as long as the process. A local kept "alive" by a
    /// `withExtendedLifetime` after the endless loop was released by the optimizer at once, so
    /// the release build ignored SIGINT and SIGTERM; a static is never released.
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// On Ctrl-C or a polite kill, lets the last build's record reach the disk, then exits. The
    /// handlers run on a queue of their own: on Linux, Swift tasks and Dispatch's global queues
    /// share one pool of threads, one per core, and a stop must not wait behind busy tasks.
    static func stopOnSignals(_ server: DevServer) -> [DispatchSourceSignal] {
        let queue = DispatchQueue(label: "costmark.serve.signals")
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                server.finishRecording()
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
    }
}
