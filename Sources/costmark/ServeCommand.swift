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

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    func run() async throws {
        var build = site.buildOptions()
        build.outputDirectory = output
        build.cacheDirectory = ".costmark"
        // Scheduled essays are previewed, each with a marker saying when it goes out.
        build.includeFuture = true
        var options = DevServer.Options(build: build)
        options.host = host
        options.port = port
        options.log = { Terminal.printError($0) }
        let server = DevServer(options: options)
        let url = try await server.start()
        Terminal.printError("Serving \(output) at \(url) — watching \(site.content), \(site.templates) and \(site.configPath); Ctrl-C stops")
        // On Ctrl-C or a polite kill, let the last build's record reach the disk before exiting.
        var stops: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                server.finishRecording()
                Foundation.exit(0)
            }
            source.resume()
            stops.append(source)
        }
        while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
        withExtendedLifetime(stops) {}
    }
}
