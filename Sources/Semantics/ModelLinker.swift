import Diagnostics
import ScenarioSyntax

/// Another scenario block of the same page, as parsed: `main.growth` in a second block reads it.
public struct PageBlock: Sendable {
    public var fragment: SourceFragment
    public var statements: [Statement]

    public init(fragment: SourceFragment, statements: [Statement]) {
        self.fragment = fragment; self.statements = statements
    }
}

/// A block's statements with everything it imports joined in: models named by `use` lines and
/// other blocks of the page it reads (`main.growth`). Imported statements keep their own spans
/// (see `SourceFragment.joined`), so every message points into the file that holds them.
public struct LinkedBlock: Sendable {
    public var statements: [Statement]
    public var fragment: SourceFragment
    /// Every model file read, through nested imports.
    public var files: [String]
    public var diagnostics: [Diagnostic]
    /// Definitions that read a block that could not be joined: skipped, like any that failed,
    /// so the one message about the block is not followed by one per use.
    public var unusable: Set<String> = []
    /// True when a `use` could not be honoured: the names it would have brought are unknown,
    /// and saying so for each use of them would bury the one message that matters.
    public var hasFailedImport = false
    /// The imported definitions that `override` replaced, kept to check that the replacement
    /// measures what the original did.
    public var overridden: [Statement] = []
    /// Blocks further up the chain that this one reads (`main.a` read by a block `main` reads):
    /// left as written, for that block's own link to resolve. Blocks may read each other; only
    /// definitions that depend on themselves are a cycle, found when the outer block is compiled.
    public var deferred: Set<String> = []
}

/// Joins imports into a block. The rules, each an error otherwise: a name an import defines is
/// replaced only by `override name = …`, and `override` only replaces an imported name; two
/// imports may not define one name differently, nor one unit; imports under a name (`as team`)
/// are read as `team.x`; the block's own timeline governs, else the first import's.
public enum ModelLinker {
    /// How deep imports and references between blocks may nest.
    public static let maximumDepth = 32

    /// - Parameter chain: the blocks being linked, outermost first, ending with this one's name
    ///   (to find cycles between blocks, and `main.x` written inside `main` itself).
    public static func link(_ statements: [Statement], fragment: SourceFragment, folder: String, models: ModelSource,
                            blocks: [String: PageBlock], chain: [String] = []) -> LinkedBlock {
        link(statements, fragment: fragment, folder: folder, models: models, blocks: blocks, chain: chain, memo: BlockMemo())
    }

    static func link(_ statements: [Statement], fragment: SourceFragment, folder: String, models: ModelSource,
                     blocks: [String: PageBlock], chain: [String], memo: BlockMemo) -> LinkedBlock {
        var linking = Linking(own: statements, fragment: fragment, folder: folder, models: models, blocks: blocks, chain: chain,
                              memo: memo)
        linking.joinUses()
        linking.joinReferencedBlocks()
        linking.addOwnStatements()
        return linking.result()
    }
}

/// The other blocks of a page already linked in one link: a block read by many (or along many
/// paths) is linked once, not once per path, which would grow exponentially.
final class BlockMemo {
    var linked: [String: LinkedBlock] = [:]
    /// Links made, against `maximumLinks`: blocks that read each other are linked once per path
    /// through the blocks above them, which a page of many mutually reading blocks could multiply.
    var links = 0
    static let maximumLinks = 2_000
}

/// One link in progress: the joined segments, and what each imported name and unit came from.
struct Linking {
    let own: [Statement]
    let fragment: SourceFragment
    let folder: String
    let models: ModelSource
    let blocks: [String: PageBlock]
    let chain: [String]
    let memo: BlockMemo

    var segments: [SourceFragment] = []
    var imported: [Statement] = []
    /// Imported definitions by name: their position in `imported` and where they were written.
    var definitions: [String: (index: Int, at: SourceLocation)] = [:]
    var units: [String: Statement] = [:]
    var timeline: Statement?
    /// Names imported under a prefix (`team` → `team.hourly`, …), and the file each came from.
    var aliases: [String: (names: Set<String>, from: String)] = [:]
    var removed: Set<Int> = []
    /// Blocks read here that could not be joined (errors of their own, too deep).
    var failedBlocks: Set<String> = []
    /// Blocks up the chain read here or by what was joined, left for their own links to resolve.
    var deferred: Set<String> = []
    var hasFailedImport = false
    var unusable: Set<String> = []
    var files: Set<String> = []
    var diagnostics: [Diagnostic] = []
    var ownStatements: [Statement] = []

    init(own: [Statement], fragment: SourceFragment, folder: String, models: ModelSource, blocks: [String: PageBlock],
         chain: [String], memo: BlockMemo) {
        self.own = own; self.fragment = fragment; self.folder = folder; self.models = models
        self.blocks = blocks; self.chain = chain; self.memo = memo
        segments = fragment.joined
    }

    /// The fragment as joined so far, for locating messages.
    var combined: SourceFragment { fragment.alone.joining(segments) }

    mutating func error(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = [],
                        code: DiagnosticCode = .general) {
        diagnostics.append(.error(message, at: combined.location(span), notes: notes, code: code))
    }

    mutating func joinUses() {
        for statement in own {
            guard case .use(let path, let alias) = statement.kind else { continue }
            guard chain.count < ModelLinker.maximumDepth else {
                error("imports nest more than \(ModelLinker.maximumDepth) deep", statement.span, code: .tooDeep)
                continue
            }
            switch models.model(path, from: folder) {
            case .failure(let problem):
                files.formUnion(problem.files)
                error(problem.message, statement.nameSpan, notes: problem.notes,
                      code: problem.modelHasErrors ? .importFailed : .general)
                hasFailedImport = true
            case .success(let model):
                files.formUnion(model.files)
                add(join(model.fragment, model.statements), alias: alias, from: "model `\(model.path)`", use: statement)
            }
        }
    }

    /// The other blocks of the page that `statements` read (`main.growth`), in order, each with
    /// its first use.
    static func referencedBlocks(_ statements: [Statement], blocks: [String: PageBlock], aliases: Set<String>,
                                 own name: String?) -> [(String, SourceSpan)] {
        var referenced: [(String, SourceSpan)] = []
        let definedHere = Set(statements.compactMap { statement -> String? in
            if case .definition(let name, _) = statement.kind { return name }
            return nil
        })
        for statement in statements {
            statement.forEachExpression { expression in
                expression.visit { node in
                    guard case .member(let base, _) = node.kind, !definedHere.contains(base), !aliases.contains(base),
                          blocks[base] != nil, base != name, !referenced.contains(where: { $0.0 == base }) else { return }
                    referenced.append((base, node.span))
                }
            }
        }
        return referenced
    }

    /// `main.growth` read in this block, where `main` is another block of the page. A block up the
    /// chain (one that is reading this one) is not joined again: its names are resolved when its
    /// own link joins this block, so blocks may read each other as long as no definition reads itself.
    mutating func joinReferencedBlocks() {
        let referenced = Linking.referencedBlocks(own, blocks: blocks, aliases: Set(aliases.keys), own: chain.last)
        for (name, span) in referenced {
            if chain.contains(name) {
                deferred.insert(name)
                continue
            }
            let tooDeep = "scenarios read each other more than \(ModelLinker.maximumDepth) deep"
            guard chain.count < ModelLinker.maximumDepth, let block = blocks[name] else {
                error(tooDeep, span, code: .tooDeep)
                failedBlocks.insert(name)
                continue
            }
            guard let linked = linkedBlock(name, block) else {
                error("scenarios on this page read each other along more than \(BlockMemo.maximumLinks) paths", span,
                      notes: [.init("move what they share into one of them, or into a model both `use`")], code: .tooDeep)
                failedBlocks.insert(name)
                continue
            }
            // The other block's own errors are reported where it is compiled; here only a pointer.
            if linked.diagnostics.contains(where: { $0.severity == .error }) {
                if linked.diagnostics.contains(where: { $0.code == .tooDeep }) {
                    error(tooDeep, span, code: .tooDeep)
                } else {
                    error("scenario `\(name)` has errors, so `\(name).…` cannot be read here", span, code: .importFailed)
                }
                failedBlocks.insert(name)
                continue
            }
            files.formUnion(linked.files)
            deferred.formUnion(linked.deferred.subtracting(chain.suffix(1)))
            let before = imported.count
            add(join(linked.fragment, linked.statements), alias: name, from: "scenario `\(name)`", use: nil, span: span)
            // After namespacing, so `main.a` stays this block's `a` even where `name` defines an `a`.
            let joined = Linking.resolvingOwnMembers(Array(imported[before...]), own: chain.last)
            imported.replaceSubrange(before..., with: joined)
        }
    }

    /// Block `name` linked below this one. A link that left names for blocks up the chain depends on
    /// that chain, so only a self-contained one is kept for reuse; nil past the page's link budget.
    mutating func linkedBlock(_ name: String, _ block: PageBlock) -> LinkedBlock? {
        if let kept = memo.linked[name] { return kept }
        guard memo.links < BlockMemo.maximumLinks else { return nil }
        memo.links += 1
        let linked = ModelLinker.link(block.statements, fragment: block.fragment, folder: folder, models: models,
                                      blocks: blocks, chain: chain + [name], memo: memo)
        if linked.deferred.isEmpty { memo.linked[name] = linked }
        return linked
    }

    /// In statements joined from another block, `main.x` where `main` is this block becomes `x`.
    static func resolvingOwnMembers(_ statements: [Statement], own: String?) -> [Statement] {
        guard let own else { return statements }
        return statements.map { statement in
            guard case .definition(let name, let expression) = statement.kind else { return statement }
            var result = statement
            result.kind = .definition(name: name, expression: expression.replacing { node in
                guard case .member(let base, let member) = node.kind, base == own else { return nil }
                return Expr(.name(member), node.span)
            })
            return result
        }
    }

    /// Another fragment's statements moved into this one's offsets: its own text becomes the
    /// next segment, and its joined segments follow.
    /// A fragment joined along two paths (two models importing a third) is one segment, so a
    /// lattice of imports does not double the segments at each level.
    mutating func join(_ other: SourceFragment, _ statements: [Statement]) -> [Statement] {
        let targets = ([other.alone] + other.joined).map { piece -> Int in
            if let found = segments.firstIndex(where: { Linking.isSame($0, piece) }) { return found + 1 }
            segments.append(piece)
            return segments.count
        }
        let size = SourceFragment.segmentSize
        return statements.map { $0.relocated { offset in targets[min(offset / size, targets.count - 1)] * size + offset % size } }
    }

    static func isSame(_ a: SourceFragment, _ b: SourceFragment) -> Bool {
        a.file.path == b.file.path && a.startLine == b.startLine && a.startColumn == b.startColumn
            && a.text.utf8.count == b.text.utf8.count
    }

    mutating func add(_ statements: [Statement], alias: String?, from origin: String, use: Statement?,
                      span: SourceSpan? = nil) {
        var statements = statements
        let at = use?.nameSpan ?? span ?? SourceSpan(0, 0)
        if let alias {
            if let taken = aliases[alias] {
                error("`\(alias)` already names \(taken.from); give this import another name", at)
                return
            }
            // Names another block of the page already owns (`c.x`, read by the block joined here)
            // keep their names: a block's names are the page's, and are joined once however many
            // blocks read them.
            let names = Set(statements.compactMap { statement -> String? in
                guard case .definition(let name, _) = statement.kind else { return nil }
                if use == nil, let dot = name.firstIndex(of: "."), blocks[String(name[..<dot])] != nil { return nil }
                return name
            })
            statements = statements.compactMap { ModelLinker.namespaced($0, alias: alias, names: names) }
            aliases[alias] = (Set(names.map { alias + "." + $0 }), origin)
        }
        for statement in statements {
            switch statement.kind {
            case .unitDeclaration(let name), .unitDefinition(let name, _):
                addUnit(name, statement, at: at)
            case .timeline, .dataTimeline:
                if timeline == nil { timeline = statement; imported.append(statement) }
            case .definition(let name, _):
                let location = combined.location(statement.nameSpan)
                if let first = definitions[name] {
                    // The same line reached twice (two models importing a third) is one definition.
                    if first.at == location { continue }
                    error("`\(name)` is defined by two imports", at,
                          notes: [.init("one definition here", at: first.at), .init("another here", at: location)])
                    continue
                }
                definitions[name] = (imported.count, location)
                imported.append(statement)
            case .use:
                continue
            }
        }
    }

    /// A unit from two places must mean the same thing in both.
    mutating func addUnit(_ name: String, _ statement: Statement, at span: SourceSpan) {
        guard let first = units[name] else {
            units[name] = statement
            imported.append(statement)
            return
        }
        guard Linking.meaning(of: first) != Linking.meaning(of: statement) else { return }
        let (here, there) = (combined.location(statement.nameSpan), combined.location(first.nameSpan))
        if here == there { return }
        error("the unit `\(name)` is declared twice with different meanings", span,
              notes: [.init("declared here", at: there), .init("and here", at: here)])
    }

    static func meaning(of statement: Statement) -> String {
        switch statement.kind {
        case .unitDeclaration(let name): return "unit \(name)"
        case .unitDefinition(let name, let expression): return "unit \(name) = \(expression)"
        default: return statement.description
        }
    }
}

extension Statement {
    /// Calls `body` with each expression the statement holds.
    func forEachExpression(_ body: (Expr) -> Void) {
        switch kind {
        case .definition(_, let expression), .unitDefinition(_, let expression): body(expression)
        case .unitDeclaration, .timeline, .dataTimeline, .use: break
        }
    }
}
