import DataFiles
import Diagnostics
import ScenarioSyntax

/// Turns a parsed block into a `CompiledScenario`: declares its units, sets its timeline, orders
/// definitions by dependency (order in the block is free) and checks every dimension. Every
/// problem in the block is reported in one run. Each pass is one method, run in this order.
public struct ScenarioCompiler {
    let fragment: SourceFragment
    let statements: [Statement]
    var diagnostics: [Diagnostic] = []
    var units = UnitTable.builtIn
    var timeline: Timeline?
    /// The statement that defines each name, and the names in the order they were written.
    var byName: [String: Statement] = [:]
    var sourceOrder: [String] = []
    var dependencies: [String: [String]] = [:]
    /// Where `csv(…)` and `json(…)` find their files.
    let data: DataSource
    /// The tables read by table definitions, by definition name.
    var tables: [String: DataTable] = [:]
    var tableTypes: [String: TypeInfo] = [:]
    /// The units each table's headers give, read once per table.
    var columnUnits: [String: ColumnUnits] = [:]
    /// Table definitions whose file could not be used: skipped, like any failed definition.
    var failedTables: Set<String> = []
    /// This block's name and the page's other blocks, to report a cycle between blocks once.
    var blockName = ""
    var pageBlocks: Set<String> = []
    /// What the page's other blocks define (name → block), for the note on an unknown name.
    var definedElsewhere: [String: String] = [:]
    /// Monte Carlo samples per uncertain value (`samples = N`).
    var sampleCount = UncertaintyLimits.defaultSamples

    /// The scenario holds every definition that checked, even when others failed, so a page
    /// can still report all of its problems; any error means the build fails.
    public static func compile(name: String, fragment: SourceFragment,
                               data: DataSource = NoData()) -> (CompiledScenario, [Diagnostic]) {
        let (statements, parseErrors) = Parser.parseBlock(fragment)
        let (scenario, errors) = compile(name: name, statements: statements, fragment: fragment, data: data)
        return (scenario, parseErrors + errors)
    }

    /// A block of a page: its imports (`use` lines, other blocks it reads) joined first.
    /// - Parameters:
    ///   - folder: the essay's folder, relative to the content folder, for relative `use` paths.
    ///   - blocks: the page's other scenario blocks, by name.
    public static func compile(name: String, statements: [Statement], fragment: SourceFragment, data: DataSource,
                               models: ModelSource, folder: String, blocks: [String: PageBlock])
        -> (CompiledScenario, [Diagnostic]) {
        let linked = ModelLinker.link(statements, fragment: fragment, folder: folder, models: models, blocks: blocks,
                                      chain: [name])
        var (scenario, errors) = compile(name: name, statements: linked.statements, fragment: linked.fragment, data: data,
                                         skipping: linked.unusable, pageBlocks: blocks)
        scenario.hasFailedImport = linked.hasFailedImport
        errors += overrideMismatches(linked.overridden, in: scenario, statements: linked.statements)
        let shown = linked.hasFailedImport ? errors.filter { $0.code != .unknownName } : errors
        return (scenario, linked.diagnostics + pointingBack(shown, to: fragment, scenario: name))
    }

    /// `override hourly = $5` where the model's `hourly` is `$100/hour`: the replacement must
    /// measure what the original did, or everything the model computes from it changes meaning
    /// ("$400 hours"). Each original is checked against the block as compiled.
    static func overrideMismatches(_ originals: [Statement], in scenario: CompiledScenario,
                                   statements: [Statement]) -> [Diagnostic] {
        guard !originals.isEmpty else { return [] }
        var types: [String: TypeInfo] = [:]
        for definition in scenario.definitions { types[definition.name] = definition.type }
        var problems: [Diagnostic] = []
        for original in originals {
            guard case .definition(let name, let expression) = original.kind, let replaced = types[name],
                  let override = statements.first(where: { $0.isOverride && $0.kind.definedName == name }) else {
                continue
            }
            var checker = TypeChecker(units: scenario.units, timeline: scenario.timeline, fragment: scenario.fragment,
                                      definitions: types, knownNames: [])
            guard let type = checker.check(expression), type.dimension != replaced.dimension else { continue }
            problems.append(.error("`override \(name)` makes it \(replaced.dimension.described), "
                                   + "but the model's `\(name)` is \(type.dimension.described)",
                                   at: scenario.fragment.location(override.nameSpan),
                                   notes: [.init("the model's definition",
                                                 at: scenario.fragment.location(original.nameSpan))]))
        }
        return problems
    }

    /// A model that checks on its own can still fail as one essay imports it (an override, the
    /// essay's timeline): the message is located in the model, and a note names the essay.
    public static func pointingBack(_ diagnostics: [Diagnostic], to fragment: SourceFragment, scenario: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard let file = diagnostic.location?.file, file != fragment.file.path else { return diagnostic }
            var pointed = diagnostic
            pointed.notes.append(.init("as scenario `\(scenario)` of \(fragment.file.path) imports it",
                                       at: fragment.location(SourceSpan(0, 1))))
            return pointed
        }
    }

    /// - Parameters:
    ///   - skipping: definitions that cannot be computed, whose problem is already reported.
    ///   - pageBlocks: the page's scenario blocks, by name. A cycle through definitions of several
    ///     blocks is found by each of them, and the block whose name sorts first reports it; an
    ///     unknown name another block defines gets a note naming it.
    public static func compile(name: String, statements: [Statement], fragment: SourceFragment,
                               data: DataSource = NoData(), skipping: Set<String> = [],
                               pageBlocks: [String: PageBlock] = [:]) -> (CompiledScenario, [Diagnostic]) {
        var compiler = ScenarioCompiler(fragment: fragment, statements: statements, data: data)
        compiler.blockName = name
        compiler.pageBlocks = Set(pageBlocks.keys)
        for (block, parsed) in pageBlocks.sorted(by: { $0.key < $1.key }) where block != name {
            for statement in parsed.statements {
                if case .definition(let defined, _) = statement.kind, compiler.definedElsewhere[defined] == nil {
                    compiler.definedElsewhere[defined] = block
                }
            }
        }
        compiler.declareUnits()
        compiler.collectDefinitions()
        compiler.loadTables()
        compiler.setTimeline()
        compiler.findDependencies()
        compiler.readSampleCount()
        let (order, inCycle) = compiler.orderByDependency()
        let checked = compiler.checkDefinitions(in: order, skipping: inCycle.union(skipping))
        var scenario = CompiledScenario(name: name, fragment: fragment, units: compiler.units,
                                        timeline: compiler.timeline, definitions: checked,
                                        sourceOrder: compiler.sourceOrder, tables: compiler.tables,
                                        columnUnits: compiler.columnUnits)
        scenario.statements = statements
        scenario.data = data
        scenario.sampleCount = compiler.sampleCount
        if compiler.droppedErrors > 0 {
            compiler.diagnostics.append(.error("\(compiler.droppedErrors) more errors in this block",
                                               at: fragment.location(SourceSpan(0, 1))))
        }
        return (scenario, compiler.diagnostics)
    }

    /// Messages past this many in one block are counted in one last line: a pasted file can make
    /// thousands, and nobody reads past the first screens.
    static let maximumErrors = 100
    var droppedErrors = 0

    mutating func error(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = [],
                        code: DiagnosticCode = .general) {
        guard diagnostics.count < Self.maximumErrors else {
            droppedErrors += 1
            return
        }
        diagnostics.append(.error(message, at: fragment.location(span), notes: notes, code: code))
    }

    /// Units first, in order: later unit lines may use earlier ones.
    mutating func declareUnits() {
        for statement in statements {
            switch statement.kind {
            case .unitDeclaration(let unitName):
                if units.unit(named: unitName) != nil {
                    error("`\(unitName)` is already a unit", statement.nameSpan,
                          notes: [.init("to change what it means, define it: `unit \(unitName) = …`")])
                } else {
                    units.declare(unitName)
                }
            case .unitDefinition(let unitName, let expression):
                defineUnit(unitName, expression)
            case .definition, .timeline, .dataTimeline, .use:
                continue
            }
        }
    }

    private mutating func defineUnit(_ unitName: String, _ expression: Expr) {
        var checker = TypeChecker(units: units, timeline: nil, fragment: fragment, definitions: [:],
                                  knownNames: units.allNames)
        let type = checker.check(expression)
        diagnostics += checker.diagnostics
        guard let type else { return }
        guard let factor = type.constant, !type.isSeries, factor > 0, factor.isFinite else {
            error("a unit must be a fixed positive amount of other units, such as `4 weeks` or `1.08 USD`", expression.span)
            return
        }
        let isCurrency = { (dimension: Dimension) in
            dimension.exponents.count == 1 && dimension.exponents.keys.first!.hasPrefix("money:")
        }
        if let existing = units.unit(named: unitName), existing.dimension != type.dimension,
           !(isCurrency(existing.dimension) && isCurrency(type.dimension)) {
            error("`\(unitName)` measures \(existing.dimension.described), but this makes it \(type.dimension.described)",
                  expression.span)
            return
        }
        units.define(unitName, factor: factor, dimension: type.dimension)
    }

    mutating func setTimeline() {
        for statement in statements {
            if case .dataTimeline = statement.kind, timeline != nil {
                error("a scenario has one timeline; this is the second", statement.span)
                continue
            }
            if case .dataTimeline(let table, let column, let columnSpan, let until, let untilSpan) = statement.kind {
                timeline = dataTimeline(table, column, columnSpan, until: until, untilSpan: untilSpan)
                continue
            }
            guard case .timeline(let start, let end, let unitName, let unitSpan) = statement.kind else { continue }
            if timeline != nil {
                error("a scenario has one timeline; this is the second", statement.span)
                continue
            }
            guard let unit = units.unit(named: unitName), unit.dimension == .time else {
                error("`\(unitName)` is not a unit of time", unitSpan)
                continue
            }
            guard start == start.rounded(), end == end.rounded(), end >= start else {
                error("a timeline runs from a whole number up to a larger one, as in `0..12 months`", statement.span)
                continue
            }
            // Compared as Doubles: `0..1e20 days` must be refused before anything becomes an Int.
            guard abs(start) <= 1e9 else {
                error("a timeline starts at a step between -1e9 and 1e9", statement.span)
                continue
            }
            guard end - start < Double(Timeline.maximumSteps) else {
                let steps = end - start + 1
                let shown = steps < 1e15 ? String(Int64(steps)) : "about \(steps)"
                error("this timeline has \(shown) steps; the limit is \(Timeline.maximumSteps)", statement.span,
                      notes: [.init("use a coarser unit (weeks instead of days, months instead of weeks)")])
                continue
            }
            timeline = Timeline(start: start, count: Int(end - start) + 1, unit: unit)
        }
    }

    /// One definition per name, none shadowing a unit, a function or `t`.
    mutating func collectDefinitions() {
        for statement in statements {
            guard case .definition(let defined, _) = statement.kind else { continue }
            if let first = byName[defined] {
                error("`\(defined)` is defined twice", statement.nameSpan,
                      notes: [.init("first defined here", at: fragment.location(first.nameSpan))])
                continue
            }
            if defined == "t" || defined == "timeline" {
                error("`\(defined)` is reserved for the timeline", statement.nameSpan)
                continue
            }
            // A unit's own name is taken; its plural and aliases may name values (`machines = …`),
            // because in a unit position a word is always read as a unit.
            if let unit = units.unit(named: defined), unit.name == defined {
                error("`\(defined)` is a unit; choose another name for this value", statement.nameSpan)
                continue
            }
            // `change` and `regression` came after essays had used the words for values; a call
            // is always read as the function, so those two names stay free for values.
            if let function = BuiltinFunction(rawValue: defined), !BuiltinFunction.freeNames.contains(function) {
                error("`\(defined)` is a function; choose another name for this value", statement.nameSpan)
                continue
            }
            byName[defined] = statement
            sourceOrder.append(defined)
        }
    }

    mutating func findDependencies() {
        for defined in sourceOrder {
            guard case .definition(_, let expression) = byName[defined]!.kind else { continue }
            var seen: [String] = []
            var seenSet: Set<String> = []
            expression.visit { node in
                let referenced: String
                switch node.kind {
                case .name(let name): referenced = name
                case .member(let table, _): referenced = table   // a column of a table definition
                default: return
                }
                if byName[referenced] != nil, seenSet.insert(referenced).inserted { seen.append(referenced) }
            }
            dependencies[defined] = seen
        }
    }
}
