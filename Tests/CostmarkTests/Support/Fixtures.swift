import Foundation
import Site

/// Builds a site kept in the repository (the sample in `Content/`, or a folder under `Tests/Fixtures`) into a temporary folder.
enum Fixtures {
    static func build(_ name: String, drafts: Bool = false) throws -> (report: BuildReport, output: URL) {
        var options = BuildOptions()
        if name == "sample" {
            options.contentDirectory = Repository.path("Content")
            options.templatesDirectory = Repository.path("Templates")
            options.configPath = Repository.path("site.yml")
        } else {
            options.contentDirectory = Repository.path("Tests/Fixtures/\(name)/Content")
            options.templatesDirectory = Repository.path("Tests/Fixtures/\(name)/Templates")
            options.configPath = Repository.path("Tests/Fixtures/\(name)/site.yml")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-\(name)-\(UUID().uuidString)")
        options.outputDirectory = output.path
        options.includeDrafts = drafts
        return (SiteBuilder.build(options), output)
    }
}
