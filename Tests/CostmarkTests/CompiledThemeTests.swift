import Foundation
import Site
import Testing
import Theme

/// The built-in theme renders through `CompiledTemplates` (issue 21: Mustache's dynamic look-ups
/// were a quarter of a build) and must give Mustache's bytes exactly: every page of the sample and
/// kitchen-sink content, built with the built-in theme both ways, is compared file by file.
@Suite struct CompiledThemeTests {
    static func build(content: String, compiled: Bool) throws -> [String: Data] {
        var options = BuildOptions()
        options.contentDirectory = Repository.path(content)
        options.templatesDirectory = "/nonexistent/templates"
        options.configPath = Repository.path("site.yml")
        options.includeDrafts = true
        options.compilesBuiltInTheme = compiled
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-compiled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        options.outputDirectory = output.path
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = output.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// Without this the comparison below could pass by rendering Mustache twice.
    @Test func theBuiltInThemeCompilesAndAUserTemplateTurnsItOff() throws {
        #expect(TemplateSet.load(directory: nil).0?.rendersCompiled == true)
        #expect(TemplateSet.load(directory: nil, compilesBuiltInTheme: false).0?.rendersCompiled == false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("costmark-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<footer>Mine</footer>\n".utf8).write(to: folder.appendingPathComponent("footer.mustache"))
        #expect(TemplateSet.load(directory: folder.path).0?.rendersCompiled == false, "a user's template gets Mustache")
        try Data(DefaultTheme.templates["footer"]!.utf8).write(to: folder.appendingPathComponent("footer.mustache"))
        #expect(TemplateSet.load(directory: folder.path).0?.rendersCompiled == true, "a copy of the theme's is the theme")
    }

    @Test(arguments: ["Content", "Tests/Fixtures/kitchen-sink/Content", "Tests/Fixtures/hostile-layout/Content"])
    func theCompiledThemeGivesMustachesBytes(content: String) throws {
        let mustache = try Self.build(content: content, compiled: false)
        let compiled = try Self.build(content: content, compiled: true)
        #expect(mustache.count > 5)
        #expect(Set(mustache.keys) == Set(compiled.keys))
        for (path, bytes) in mustache.sorted(by: { $0.key < $1.key }) where compiled[path] != bytes {
            Issue.record("\(path) differs between Mustache and the compiled theme")
        }
    }
}
