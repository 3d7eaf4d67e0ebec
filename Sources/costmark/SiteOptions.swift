import ArgumentParser
import Foundation
import Site

/// Where the site's sources are; shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder of essays and static files.")
    var content = "Content"

    @Option(help: "Folder of templates that replace the built-in theme's.")
    var templates = "Templates"

    @Option(help: "Site settings file.")
    var config = "site.yml"

    @Flag(help: "Include essays marked `draft: true`.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is served from; replaces base_url from site.yml.")
    var baseURL: String?

    func validate() throws {
        if !FileManagerCheck.isDirectory(content) {
            throw ValidationError("content folder '\(content)' does not exist")
        }
    }

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.contentDirectory = content
        options.templatesDirectory = templates
        options.configPath = config
        options.includeDrafts = drafts
        options.baseURL = baseURL
        return options
    }
}

enum FileManagerCheck {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
