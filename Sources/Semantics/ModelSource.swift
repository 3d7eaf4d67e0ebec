import DataFiles
import Diagnostics
import FileSupport
import ScenarioSyntax

/// A model file (`.scenario`) as a build knows it: parsed once, its own imports already joined
/// in, its data paths rooted at the content folder, and checked on its own once.
public struct ScenarioModel: Sendable {
    /// Relative to the content folder: `models/infra.scenario`.
    public var path: String
    /// The model's own text, with the fragments of the models it imports joined.
    public var fragment: SourceFragment
    /// Its statements after linking: those of the models it imports first, then its own.
    public var statements: [Statement]
    /// Every model file it reads, itself included, through nested imports; sorted.
    public var files: [String]

    public init(path: String, fragment: SourceFragment, statements: [Statement], files: [String]) {
        self.path = path; self.fragment = fragment; self.statements = statements; self.files = files
    }
}

/// Why a `use` cannot be honoured, said at the `use` line. A model with errors of its own has
/// them reported once, in the model file; each importer is only pointed at it.
public struct ModelLoadError: Error, Sendable {
    public var message: String
    public var notes: [Diagnostic.Note]
    /// The model files that were looked at (a broken model's, to rebuild its importers when it is fixed).
    public var files: [String]
    /// The model was found but has errors of its own, reported at it: every other problem of a
    /// page that uses it follows from the names it did not give.
    public var modelHasErrors = false

    public init(message: String, notes: [Diagnostic.Note] = [], files: [String] = []) {
        self.message = message; self.notes = notes; self.files = files
    }
}

/// Gives blocks their imported models. The site stage loads every model of the content folder
/// once per build, in path order, so messages do not depend on which essay asked first.
public protocol ModelSource: Sendable {
    /// `path` as written in a `use` line of a file in `folder` (relative to the content folder).
    func model(_ path: String, from folder: String) -> Result<ScenarioModel, ModelLoadError>
}

/// No model files: every `use` is an error.
public struct NoModels: ModelSource {
    public init() {}

    public func model(_ path: String, from folder: String) -> Result<ScenarioModel, ModelLoadError> {
        .failure(ModelLoadError(message: "no model file `\(path)` here"))
    }
}

/// Models given up front, keyed by their path relative to the content folder (tests, docs).
public final class InMemoryModels: ModelSource, @unchecked Sendable {
    private let texts: [String: String]
    private var loaded: [String: Result<ScenarioModel, ModelLoadError>] = [:]
    private var loading: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ texts: [String: String]) { self.texts = texts }

    public func model(_ path: String, from folder: String) -> Result<ScenarioModel, ModelLoadError> {
        guard let resolved = ContentPath.resolve(path, from: folder) else {
            return .failure(ModelLoadError(message: "`\(path)` leads above the content folder"))
        }
        if let done = loaded[resolved] { return done }
        guard let text = texts[resolved] else {
            return .failure(ModelLoadError(message: "no model file `\(path)`", files: [resolved]))
        }
        if let start = loading.firstIndex(of: resolved) {
            return .failure(ModelPath.cycle(loading[start...] + [resolved]))
        }
        loading.append(resolved)
        defer { loading.removeLast() }
        let (result, problems) = ModelPath.load(resolved, fragment: SourceFragment(standalone: text, path: resolved), models: self)
        diagnostics += problems
        loaded[resolved] = result
        return result
    }
}

/// Paths of model files and the steps of loading one, shared by every `ModelSource`.
public enum ModelPath {
    public static func cycle<C: Collection>(_ chain: C) -> ModelLoadError where C.Element == String {
        ModelLoadError(message: "models import each other in a cycle: " + chain.joined(separator: " → "),
                       notes: [.init("move what they share into a third model that both import")], files: Array(chain))
    }

    /// Parses a model, links its own imports and checks it alone (`evaluate` runs it, where the
    /// caller can): the model is broken (a failure naming it) when any of that reports an error;
    /// its messages are returned, to be reported once.
    /// - Parameter parsed: the file's statements and parse errors, when the caller parsed it already.
    public static func load(_ path: String, fragment: SourceFragment, models: ModelSource, data: DataSource = NoData(),
                            parsed given: ([Statement], [Diagnostic])? = nil,
                            evaluate: (CompiledScenario) -> [Diagnostic] = { _ in [] })
        -> (Result<ScenarioModel, ModelLoadError>, [Diagnostic]) {
        let (parsed, parseErrors) = given ?? Parser.parseBlock(fragment)
        let rooted = parsed.map { rootingDataPaths($0, folder: ContentPath.folder(of: path)) }
        let linked = ModelLinker.link(rooted, fragment: fragment, folder: ContentPath.folder(of: path), models: models, blocks: [:])
        var problems = parseErrors + linked.diagnostics
        let files = Array(Set(linked.files + [path])).sorted()
        if problems.isEmpty {
            let (compiled, compileErrors) = ScenarioCompiler.compile(name: path, statements: linked.statements,
                                                                     fragment: linked.fragment, data: data)
            problems += compileErrors
            if compileErrors.isEmpty { problems += evaluate(compiled) }
        }
        guard !problems.contains(where: { $0.severity == .error }) else {
            let errors = problems.filter { $0.severity == .error }
            let first = errors.first!
            let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
            var error = ModelLoadError(message: "the model `\(path)` has \(count), so this page cannot use it yet",
                                       notes: [.init("the first: " + first.message, at: first.location)], files: files)
            error.modelHasErrors = true
            return (.failure(error), problems)
        }
        return (.success(ScenarioModel(path: path, fragment: linked.fragment, statements: linked.statements, files: files)),
                problems)
    }

    /// `csv("data/x.csv")` in `models/infra.scenario` reads `models/data/x.csv`, whoever imports it.
    static func rootingDataPaths(_ statement: Statement, folder: String) -> Statement {
        guard case .definition(let name, let expression) = statement.kind,
              case .call(let function, var arguments) = expression.kind, DataReaders.names.contains(function),
              let first = arguments.first, case .string(let path) = first.kind, !path.hasPrefix("/") else { return statement }
        arguments[0] = Expr(.string("/" + (folder.isEmpty ? path : folder + "/" + path)), first.span)
        var rooted = statement
        rooted.kind = .definition(name: name, expression: Expr(.call(function, arguments), expression.span))
        return rooted
    }
}
