import ArgumentParser
import Foundation
import Site

/// Where the site's sources are; shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder of essays and static files.")
    var content = "Content"

    @Option(help: "Folder of templates that replace the built-in theme's.")
    var templates = "Templates"

    /// nil when not given: then a missing `site.yml` means default settings, while a file named
    /// on the command line must exist.
    @Option(help: "Site settings file (default: site.yml, optional; a file named here must exist).")
    var config: String?

    var configPath: String { config ?? "site.yml" }

    @Flag(help: "Include essays marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include essays dated in the future (compared with the current date).")
    var future = false

    @Flag(help: "Treat broken internal links, missing images and unknown #fragments as errors.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is served from; replaces base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        if !FileManagerCheck.isDirectory(content) {
            throw ValidationError("content folder '\(content)' does not exist")
        }
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ValidationError("config file '\(config)' does not exist")
        }
        if let baseURL, BuildOptions.normalizedBaseURL(baseURL) == nil {
            throw ValidationError(
                "--base-url must be an absolute http(s) URL such as https://example.org/, not '\(baseURL)'")
        }
    }

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.configPath = configPath
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.strict = strict
        options.includeFuture = future
        return options
    }
}

enum FileManagerCheck {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
