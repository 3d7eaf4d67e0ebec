import Content
import DataFiles
import Diagnostics
import FileSupport
import Foundation
import Runtime
import ScenarioSyntax
import Semantics

/// The model files of one build (`.scenario` under the content folder): each parsed, linked
/// and checked once, however many essays import it, and its own errors reported once, in the
/// file. All are loaded together, in path order, the first time an essay asks, so messages
/// (an import cycle's, say) do not depend on which essay's thread asked first.
final class ModelCatalog: @unchecked Sendable {
    private let entries: [String: ContentEntry]
    private let contentDisplay: String
    private let data: DataCatalog
    private let diagnostics: DiagnosticBag?
    private let lock = NSLock()
    private var loaded: [String: Result<ScenarioModel, ModelLoadError>]?
    /// A build loads every model (a broken one fails the build even when no essay imports it);
    /// `explain` only what the file it explains reads.
    private let loadsEverything: Bool

    init(entries: [ContentEntry], contentDisplay: String, data: DataCatalog, diagnostics: DiagnosticBag?,
         loadsEverything: Bool = true) {
        self.entries = Dictionary(entries.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        self.contentDisplay = contentDisplay
        self.data = data
        self.diagnostics = diagnostics
        self.loadsEverything = loadsEverything
    }

    /// The model at `path` (relative to the content folder), loading every model on first use.
    func model(at path: String) -> Result<ScenarioModel, ModelLoadError>? {
        lock.lock(); defer { lock.unlock() }
        if loaded == nil { loaded = loadAll(loadsEverything ? entries.keys.sorted() : [path]) }
        if loaded?[path] == nil, !loadsEverything, entries[path] != nil { loaded = loadAll([path]) }
        return loaded?[path]
    }

    /// Loads every model now (a build does, before rendering, so a broken model no essay
    /// imports is still reported, in path order).
    func prepare() {
        lock.lock(); defer { lock.unlock() }
        if loaded == nil { loaded = loadAll(entries.keys.sorted()) }
    }

    /// The names of the model files beside `path`, for "did you mean".
    func siblings(of path: String) -> [String] {
        let folder = ContentPath.folder(of: path)
        return entries.keys.filter { ContentPath.folder(of: $0) == folder }.map { String($0.split(separator: "/").last!) }
    }

    private func loadAll(_ paths: [String]) -> [String: Result<ScenarioModel, ModelLoadError>] {
        let loader = ModelLoader(entries: entries, contentDisplay: contentDisplay, data: data)
        loader.loaded = loaded ?? [:]
        for path in loader.importsFirst(paths.filter { entries[$0] != nil }) { _ = loader.model(path, from: "") }
        diagnostics?.report(contentsOf: loader.diagnostics)
        return loader.loaded
    }
}

/// Loads models depth first: a model's imports are loaded (or found loading, which is a cycle)
/// before the model itself is checked.
private final class ModelLoader: ModelSource, @unchecked Sendable {
    let entries: [String: ContentEntry]
    let contentDisplay: String
    let data: DataCatalog
    var loaded: [String: Result<ScenarioModel, ModelLoadError>] = [:]
    var loading: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Each model file read and parsed once: the order of loading needs its `use` lines first.
    private var parsed: [String: Result<(SourceFile, [Statement], [Diagnostic]), Diagnostic>] = [:]
    /// How many models deep each loaded model's imports go (itself counted).
    private var depths: [String: Int] = [:]

    init(entries: [String: ContentEntry], contentDisplay: String, data: DataCatalog) {
        self.entries = entries; self.contentDisplay = contentDisplay; self.data = data
    }

    private func parse(_ path: String) -> Result<(SourceFile, [Statement], [Diagnostic]), Diagnostic>? {
        if let done = parsed[path] { return done }
        guard let entry = entries[path] else { return nil }
        let result = TextDecoding.readEssay(path: entry.absolutePath, displayPath: contentDisplay + "/" + path).map { file in
            let (statements, problems) = Parser.parseBlock(SourceFragment(text: file.text, file: file, startLine: 1, startColumn: 1))
            return (file, statements, problems)
        }
        parsed[path] = result
        return result
    }

    /// The models a model's `use` lines name, resolved.
    private func imports(of path: String) -> [String] {
        guard case .success(let (_, statements, _))? = parse(path) else { return [] }
        return statements.compactMap { statement in
            guard case .use(let written, _) = statement.kind else { return nil }
            return ContentPath.resolve(written, from: ContentPath.folder(of: path)).flatMap { entries[$0] != nil ? $0 : nil }
        }
    }

    /// `paths` and everything they import, each after its imports (a walk with its own stack, so
    /// a long chain of models costs no recursion): loading one then never waits on another,
    /// and how deep a model's imports go does not depend on the order its files are named in.
    func importsFirst(_ paths: [String]) -> [String] {
        var order: [String] = []
        var state: [String: Bool] = [:]   // false: being walked, true: done
        for root in paths where state[root] == nil {
            var stack: [(String, [String])] = [(root, imports(of: root))]
            state[root] = false
            while let (path, rest) = stack.last {
                if let next = rest.first {
                    stack[stack.count - 1].1.removeFirst()
                    if state[next] == nil {
                        state[next] = false
                        stack.append((next, imports(of: next)))
                    }
                    continue
                }
                stack.removeLast()
                state[path] = true
                order.append(path)
            }
        }
        return order
    }

    func model(_ path: String, from folder: String) -> Result<ScenarioModel, ModelLoadError> {
        guard let resolved = ContentPath.resolve(path, from: folder) else {
            return .failure(ModelLoadError(message: "`\(path)` leads above the content folder; models must be in it"))
        }
        if let done = loaded[resolved] { return done }
        if let start = loading.firstIndex(of: resolved) { return .failure(ModelPath.cycle(loading[start...] + [resolved])) }
        guard entries[resolved] != nil else { return .failure(EssayModels.missing(path, resolved, among: entries.keys)) }
        guard loading.count < ModelLinker.maximumDepth else {
            return .failure(ModelLoadError(message: "models import each other more than \(ModelLinker.maximumDepth) deep"))
        }
        loading.append(resolved)
        defer { loading.removeLast() }
        var result: Result<ScenarioModel, ModelLoadError>
        switch parse(resolved) {
        case .failure(let problem)?:
            diagnostics.append(problem)
            result = .failure(ModelLoadError(message: "the model `\(resolved)` cannot be read (reported at the file)",
                                             files: [resolved]))
        case .success(let (file, statements, problems))?:
            let depth = 1 + (imports(of: resolved).compactMap { depths[$0] }.max() ?? 0)
            depths[resolved] = depth
            if depth > ModelLinker.maximumDepth {
                result = .failure(ModelLoadError(message: "models import each other more than \(ModelLinker.maximumDepth) deep "
                                                 + "through `\(resolved)`", files: [resolved]))
                break
            }
            let (loadedModel, found) = ModelPath.load(
                resolved, fragment: SourceFragment(text: file.text, file: file, startLine: 1, startColumn: 1), models: self,
                data: EssayData(catalog: data, folder: ""), parsed: (statements, problems),
                evaluate: { Evaluator.run($0).diagnostics })
            diagnostics += found
            result = loadedModel
        case nil:
            result = .failure(EssayModels.missing(path, resolved, among: entries.keys))
        }
        loaded[resolved] = result
        return result
    }
}

/// One essay's view of the catalog, recording every model file the essay's page read.
struct EssayModels: ModelSource {
    let catalog: ModelCatalog
    let reads: FileReads?

    func model(_ path: String, from folder: String) -> Result<ScenarioModel, ModelLoadError> {
        guard let resolved = ContentPath.resolve(path, from: folder) else {
            return .failure(ModelLoadError(message: "`\(path)` leads above the content folder; models must be in it"))
        }
        reads?.add(resolved)
        guard resolved.hasSuffix(".scenario") else {
            return .failure(ModelLoadError(message: "`\(path)` is not a model file",
                                           notes: [.init("a model file holds scenario lines only and ends in `.scenario`")]))
        }
        guard let result = catalog.model(at: resolved) else {
            return .failure(EssayModels.missing(path, resolved, among: catalog.siblings(of: resolved)))
        }
        switch result {
        case .success(let model): model.files.forEach { reads?.add($0) }
        case .failure(let problem): problem.files.forEach { reads?.add($0) }
        }
        return result
    }

    /// No such model: say where it was looked for, and name a model of a similar name.
    static func missing<S: Sequence>(_ written: String, _ resolved: String, among names: S) -> ModelLoadError
        where S.Element == String {
        let name = String(resolved.split(separator: "/").last ?? Substring(resolved))
        var notes = [Diagnostic.Note("looked for Content/\(resolved)")]
        let candidates = names.map { String($0.split(separator: "/").last ?? Substring($0)) }
        if let close = Suggestion.closest(to: name, in: candidates) { notes.append(.init("did you mean `\(close)`?")) }
        return ModelLoadError(message: "no model file `\(written)` in the content folder", notes: notes, files: [resolved])
    }
}
