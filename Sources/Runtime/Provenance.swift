import ScenarioSyntax
import Semantics

/// Where every number of a scenario comes from: the typed inputs (`hourly = $100/hour`, in
/// whichever file) and the data columns it depends on, through any number of definitions.
/// Computed once per scenario in evaluation order, each definition from its dependencies', so
/// a chain of 5,000 definitions costs 5,000 steps, not 5,000 walks of the chain.
public struct Provenance: Sendable {
    private let scenario: CompiledScenario
    private var inputs: [String: Set<String>] = [:]
    private var columns: [String: Set<DataOrigin>] = [:]
    private var writtenOrder: [String: Int] = [:]
    /// Definitions with more inputs than `maximumInputs`: only the first so many are kept, so a
    /// long sum of running totals does not hold a set per step that grows with the chain.
    private var incomplete: Set<String> = []
    public static let maximumInputs = 64

    public init(_ scenario: CompiledScenario) {
        self.scenario = scenario
        for (position, name) in scenario.sourceOrder.enumerated() { writtenOrder[name] = position }
        for definition in scenario.definitions {
            let isInput = definition.dependencies.isEmpty && scenario.tables[definition.name] == nil
            var reached: Set<String> = isInput ? [definition.name] : []
            var read = Provenance.directColumns(of: definition.expression, in: scenario)
            for dependency in definition.dependencies {
                reached.formUnion(inputs[dependency] ?? [])
                read.formUnion(columns[dependency] ?? [])
                if incomplete.contains(dependency) { incomplete.insert(definition.name) }
            }
            if reached.count > Provenance.maximumInputs {
                reached = Set(sortedByWriting(reached).prefix(Provenance.maximumInputs))
                incomplete.insert(definition.name)
            }
            inputs[definition.name] = reached
            columns[definition.name] = read
        }
    }

    private static func directColumns(of expression: Expr, in scenario: CompiledScenario) -> Set<DataOrigin> {
        var found: Set<DataOrigin> = []
        // A column read for one row (`t.mean["key"]`) is that row, not the whole column.
        var keyedReads: Set<SourceSpan> = []
        expression.visit { node in
            if case .keyed(let read, let key) = node.kind, case .member(let base, let column) = read.kind,
               let table = scenario.tables[base], let origin = DataOrigin(table: table, column: column, key: key) {
                found.insert(origin)
                keyedReads.insert(read.span)
            } else if case .member(let base, let column) = node.kind, !keyedReads.contains(node.span),
                      let table = scenario.tables[base], let origin = DataOrigin(table: table, column: column) {
                found.insert(origin)
            }
        }
        return found
    }

    private func sortedByWriting(_ names: Set<String>) -> [String] {
        names.sorted { (writtenOrder[$0] ?? 0, $0) < (writtenOrder[$1] ?? 0, $1) }
    }

    /// True when an expression has more inputs than are listed.
    public func hasMoreInputs(than listed: Int, in expression: Expr) -> Bool {
        listed >= Provenance.maximumInputs || names(in: expression).contains { incomplete.contains($0) }
    }

    /// The definitions an expression reads directly.
    private func names(in expression: Expr) -> [String] {
        var names: [String] = []
        expression.forEachName { name in if scenario.definition(named: name) != nil { names.append(name) } }
        return names
    }

    /// The typed inputs `expression` depends on, in the order the definitions were written.
    public func inputs(of expression: Expr) -> [ValueInput] {
        var reached: Set<String> = []
        for name in names(in: expression) { reached.formUnion(inputs[name] ?? []) }
        return sortedByWriting(reached).prefix(Provenance.maximumInputs).compactMap { name in
            scenario.definition(named: name).map { ValueInput(name: name, location: scenario.fragment.location($0.nameSpan)) }
        }
    }

    public func inputs(ofDefinition name: String) -> [ValueInput] {
        inputs(of: Expr(.name(name), SourceSpan(0, 0)))
    }

    /// The data columns `expression` was computed from, directly or through definitions.
    public func dataOrigins(of expression: Expr) -> [DataOrigin] {
        var found = Provenance.directColumns(of: expression, in: scenario)
        for name in names(in: expression) { found.formUnion(columns[name] ?? []) }
        return found.sorted()
    }

    public func dataOrigins(ofDefinition name: String) -> [DataOrigin] {
        (columns[name] ?? []).sorted()
    }
}
