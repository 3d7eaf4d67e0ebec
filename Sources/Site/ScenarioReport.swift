import Content
import Diagnostics
import LivePage
import FileSupport
import Foundation
import Markdown
import Runtime
import Semantics

/// A scenario's definitions, units and values for the terminal or for export, for authors who
/// want the numbers without a browser (`costmark explain`).
public enum ScenarioReport {
    /// Reads an essay and evaluates its scenarios (checking its prose and figures as `build` would),
    /// or a model file (`.scenario`), whose one scenario is named after the file. `contentRoot` is the
    /// content folder `build` would use (`--content`), so data and models resolve as they do there;
    /// nil: the nearest folder named `Content` above the file, or else the file's own folder.
    public static func load(path: String, displayPath: String,
                            contentRoot: String? = nil) -> ([ScenarioResult], [Diagnostic]) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        let root = contentRoot.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? nearestContentFolder(above: absolute)
        let bag = DiagnosticBag()
        // Messages name the folder as the command line did (`Content/data/x.csv`), as `build`'s do.
        let display = contentRoot.map { String($0.reversed().drop { $0 == "/" }.reversed()) } ?? root.path
        let data = DataCatalog(contentRoot: root.path, contentDisplay: display, diagnostics: bag)
        let modelEntries = (try? ContentInventory.scan(root: root.path, displayRoot: display).entries.filter(\.isModel)) ?? []
        let models = ModelCatalog(entries: modelEntries, contentDisplay: display, data: data, diagnostics: bag,
                                  loadsEverything: false)
        let relative = String(absolute.path.dropFirst(root.path.count)).split(separator: "/").joined(separator: "/")
        if path.hasSuffix(".scenario") {
            return model(relative, catalog: models, data: data, diagnostics: bag)
        }
        let file: SourceFile
        switch TextDecoding.readEssay(path: path, displayPath: displayPath) {
        case .success(let decoded): file = decoded
        case .failure(let diagnostic): return ([], [diagnostic])
        }
        let (body, firstLine) = FrontMatterParser.split(file.text).map { (String($0.1), $0.2) } ?? (file.text, 1)
        let folder = ContentPath.folder(of: relative)
        let shortcodes = ShortcodeScanner.scan(body)
        let page = LivePage(document: MarkdownDocument(shortcodes.text), file: file, bodyFirstLine: firstLine,
                            data: EssayData(catalog: data, folder: folder),
                            models: EssayModels(catalog: models, reads: nil), folder: folder)
        return (page.results, bag.all + shortcodes.relocated(page.diagnostics, file: file, bodyFirstLine: firstLine))
    }

    /// The nearest folder named `Content` above `file`, or else the file's own folder.
    static func nearestContentFolder(above file: URL) -> URL {
        var candidate = file.deletingLastPathComponent()
        while candidate.path != "/" {
            if candidate.lastPathComponent == "Content" { return candidate }
            candidate = candidate.deletingLastPathComponent()
        }
        return file.deletingLastPathComponent()
    }

    /// Whether `file` lies inside `folder` (both resolved as given, without following links).
    public static func isInside(_ file: String, folder: String) -> Bool {
        let filePath = URL(fileURLWithPath: file).standardizedFileURL.path
        let folderPath = URL(fileURLWithPath: folder).standardizedFileURL.path
        return filePath.hasPrefix(folderPath.hasSuffix("/") ? folderPath : folderPath + "/")
    }

    /// A model file on its own: its imports joined, evaluated as the essays that import it see it.
    private static func model(_ relative: String, catalog: ModelCatalog, data: DataCatalog,
                              diagnostics: DiagnosticBag) -> ([ScenarioResult], [Diagnostic]) {
        guard case .success(let model)? = catalog.model(at: relative) else {
            return ([], diagnostics.all.isEmpty ? [.error("\(relative) is not a model file in the content folder")] : diagnostics.all)
        }
        let name = String(relative.split(separator: "/").last!.dropLast(".scenario".count))
        let (compiled, problems) = ScenarioCompiler.compile(name: name, statements: model.statements, fragment: model.fragment,
                                                            data: EssayData(catalog: data, folder: ""))
        let result = Evaluator.run(compiled)
        return ([result], diagnostics.all + problems + result.diagnostics)
    }
}
