import DataFiles
import Diagnostics
import ScenarioSyntax

/// A definition after checking: its expression, what it measures, and its dependencies.
public struct CheckedDefinition: Sendable {
    public var name: String
    public var expression: Expr
    public var type: TypeInfo
    public var nameSpan: SourceSpan
    public var span: SourceSpan
    /// Definitions this one reads, in the order they first appear.
    public var dependencies: [String]
}

/// A scenario block ready to evaluate: units resolved, definitions checked and in dependency order.
public struct CompiledScenario: Sendable {
    public var name: String
    public var fragment: SourceFragment
    public var units: UnitTable
    public var timeline: Timeline?
    /// In evaluation order: each definition after everything it reads.
    public var definitions: [CheckedDefinition]
    /// Definition names in the order the author wrote them, for tables and `explain`.
    public var sourceOrder: [String]
    /// The units of its tables' columns, read once per table, by table definition name.
    public var columnUnits: [String: ColumnUnits]
    /// The data tables its table definitions read (`weekly = csv("weekly.csv")`), by name.
    public var tables: [String: DataTable]
    /// The statements it was compiled from, imports joined, and where its data came from: a
    /// sweep compiles variants of them.
    public var statements: [Statement] = []
    public var data: DataSource = NoData()
    /// A `use` of this block could not be honoured: names it would have brought are unknown
    /// everywhere on the page, and that is already said once, at the `use`.
    public var hasFailedImport = false
    /// Monte Carlo samples per uncertain value (`samples = N`, else the default).
    public var sampleCount = UncertaintyLimits.defaultSamples
    private var index: [String: Int]

    init(name: String, fragment: SourceFragment, units: UnitTable, timeline: Timeline?,
         definitions: [CheckedDefinition], sourceOrder: [String], tables: [String: DataTable] = [:],
         columnUnits: [String: ColumnUnits] = [:]) {
        self.tables = tables
        self.columnUnits = columnUnits
        self.name = name
        self.fragment = fragment
        self.units = units
        self.timeline = timeline
        self.definitions = definitions
        self.sourceOrder = sourceOrder
        var index: [String: Int] = [:]
        for (position, definition) in definitions.enumerated() { index[definition.name] = position }
        self.index = index
    }

    public func definition(named name: String) -> CheckedDefinition? {
        index[name].map { definitions[$0] }
    }

    public func position(of name: String) -> Int? { index[name] }

    /// The definitions among `names`, and every definition they read, directly or not.
    public func readBy(_ names: Set<String>) -> Set<String> {
        var found: Set<String> = []
        var pending = Array(names)
        while let next = pending.popLast() {
            guard let definition = definition(named: next), found.insert(next).inserted else { continue }
            pending += definition.dependencies
        }
        return found
    }
}
