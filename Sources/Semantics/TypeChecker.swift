import DataFiles
import Diagnostics
import ScenarioSyntax

/// Checks dimensions before anything is evaluated: `+`, `-` and comparisons need matching
/// dimensions, exponents must be plain numbers, functions get the kinds of value they need.
/// Also works out the unit each value is shown in.
public struct TypeChecker {
    let units: UnitTable
    let timeline: Timeline?
    let fragment: SourceFragment
    /// Types of the definitions checked so far (dependencies come first).
    var definitions: [String: TypeInfo]
    /// Names that exist but failed to check; uses of them are not reported again.
    var failed: Set<String>
    /// All names a reader could have meant, for "did you mean".
    let knownNames: [String]
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Data tables read by the scenario's table definitions, for the type of `table.column`.
    let tables: [String: DataTable]
    /// The units of those tables' columns, when already read (else read at each use).
    let columnUnits: [String: ColumnUnits]
    /// The definition being checked: a range or distribution in it makes it an uncertain input.
    public var definitionName: String?
    /// The uncertain inputs met below the node being inferred (see `infer`).
    var gathered: Set<String> = []
    /// Names the page's other blocks define, by name, with the block: an unknown `work` says
    /// `main.work` exists.
    public var definedElsewhere: [String: String] = [:]

    public init(units: UnitTable, timeline: Timeline?, fragment: SourceFragment, definitions: [String: TypeInfo],
                failed: Set<String> = [], knownNames: [String], tables: [String: DataTable] = [:],
                columnUnits: [String: ColumnUnits] = [:]) {
        self.tables = tables
        self.columnUnits = columnUnits
        self.units = units
        self.timeline = timeline
        self.fragment = fragment
        self.definitions = definitions
        self.failed = failed
        self.knownNames = knownNames
    }

    struct Failure: Error {}

    /// The expression's type, or nil after reporting why it has none.
    public mutating func check(_ expr: Expr) -> TypeInfo? {
        try? infer(expr)
    }

    mutating func fail(_ message: String, _ span: SourceSpan, notes: [Diagnostic.Note] = [],
                       code: DiagnosticCode = .general) -> Failure {
        diagnostics.append(.error(message, at: fragment.location(span), notes: notes, code: code))
        return Failure()
    }

    func describe(_ type: TypeInfo) -> String { type.dimension.described }

    mutating func inferNode(_ expr: Expr) throws -> TypeInfo {
        switch expr.kind {
        case .number(let value, _, _):
            return TypeInfo(dimension: .dimensionless, constant: value)
        case .percent(let operand):
            let inner = try infer(operand)
            guard inner.dimension.isDimensionless else { throw fail("`%` applies to a plain number, not \(describe(inner))", expr.span) }
            return TypeInfo(dimension: .dimensionless, isSeries: inner.isSeries, rows: inner.rows, label: UnitLabel(units.unit(named: "%")!),
                            constant: inner.constant.map { $0 / 100 })
        case .factor(let operand):
            let inner = try infer(operand)
            guard inner.dimension.isDimensionless else { throw fail("`×` marks a plain factor, not \(describe(inner))", expr.span) }
            return TypeInfo(dimension: .dimensionless, isSeries: inner.isSeries, rows: inner.rows, label: UnitLabel(units.unit(named: "×")!), constant: inner.constant)
        case .money(let symbol, let amount):
            let value = try infer(amount)
            guard let unit = units.unit(named: symbol) else { throw fail("unknown currency `\(symbol)`", expr.span) }
            return TypeInfo(dimension: unit.dimension, label: UnitLabel(unit), constant: value.constant.map { $0 * unit.factor })
        case .name(let name):
            return try resolve(name, span: expr.span)
        case .member(let scenario, let name):
            if let table = tables[scenario] { return try columnType(table, scenario, name, expr.span) }
            if failed.contains(scenario) { throw Failure() }
            // Other blocks and models imported `as` were joined before checking: what is left is unknown.
            throw fail("`\(scenario)` is not a data table, a scenario of this page, or a model this block imports "
                       + "`as \(scenario)`", expr.span,
                       notes: [.init("to read `\(name)` of a model, write `use \"…\" as \(scenario)` in this block")])
        case .string:
            throw fail("text in quotes names a data file, as in `csv(\"data/weekly.csv\")`", expr.span)
        case .list(let items):
            return try listType(items, expr.span)
        case .unary(.negate, let operand):
            var inner = try infer(operand)
            inner.constant = inner.constant.map { -$0 }
            return inner
        case .unary(.not, let operand):
            let inner = try infer(operand)
            guard inner.isCondition else { throw fail("`not` needs a condition (a comparison), not \(describe(inner))", operand.span) }
            return inner
        case .quantity(let amount, let unit):
            // `4 machines`: after a number the word is a unit, even if a value has its plural's name.
            let a = try infer(amount)
            let b = try unitType(unit)
            return TypeInfo(dimension: a.dimension * b.dimension, isSeries: a.isSeries, rows: a.rows, label: a.label * b.label,
                            constant: a.constant.map { $0 * b.factor })
        case .binary(let op, let left, let right):
            return try binary(op, left, right, expr.span)
        case .conditional(let condition, let yes, let no):
            let c = try infer(condition)
            guard c.isCondition else { throw fail("`if` needs a condition (a comparison), not \(describe(c))", condition.span) }
            let a = try infer(yes), b = try infer(no)
            let rows = try seriesRows([(c, condition.span), (a, yes.span), (b, no.span)])
            guard a.dimension == b.dimension else {
                throw fail("the branches of `if` differ: \(describe(a)) after `then`, \(describe(b)) after `else`", expr.span)
            }
            return TypeInfo(dimension: a.dimension, isSeries: c.isSeries || a.isSeries || b.isSeries, rows: rows,
                            isCondition: a.isCondition && b.isCondition, label: a.label.isEmpty ? b.label : a.label)
        case .convert(let value, let target):
            let source = try infer(value)
            let unit = try unitType(target)
            guard source.dimension == unit.dimension else {
                throw fail("cannot show \(describe(source)) as `\(fragmentText(target.span))`, which is \(unit.dimension.described)",
                           expr.span)
            }
            return TypeInfo(dimension: source.dimension, isSeries: source.isSeries, rows: source.rows, label: unit.label, constant: source.constant)
        case .rounding(let mode, let value, let unit):
            return try rounding(mode, value, unit, expr.span)
        case .call(let name, let arguments):
            return try call(name, arguments, expr.span)
        case .between(let low, let high):
            return try between(low, high, expr.span)
        case .bounds:
            throw fail("a range `low..high` is what `solve` searches; use `a to b` for an uncertain value", expr.span)
        case .keyed(let read, let key):
            return try keyedType(read, key, expr.span)
        case .named(let label, _):
            throw fail("`\(label):` names an option of `csv`, `json` or `bench`; other calls take values in order",
                       expr.span)
        }
    }

    func fragmentText(_ span: SourceSpan) -> String { fragment.text(of: span) }

    private mutating func resolve(_ name: String, span: SourceSpan) throws -> TypeInfo {
        if let type = definitions[name] {
            if type.table != nil {
                throw fail("`\(name)` is a table; read one of its columns, as in `\(name).\(tables[name]?.columns.first?.name ?? "column")`",
                           span)
            }
            return type
        }
        if failed.contains(name) { throw Failure() }
        if name == "t" {
            guard let timeline else {
                throw fail("`t` is the time along the timeline, and this scenario has none",
                           span, notes: [.init("add a line such as `timeline = 0..12 months`")])
            }
            return TypeInfo(dimension: .time, isSeries: true, label: UnitLabel(timeline.unit))
        }
        if let unit = units.unit(named: name) {
            return TypeInfo(dimension: unit.dimension, label: UnitLabel(unit), constant: unit.factor)
        }
        if BuiltinFunction(rawValue: name) != nil {
            throw fail("`\(name)` is a function; call it as `\(name)(…)`", span)
        }
        var notes = Suggestion.closest(to: name, in: knownNames).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
        if let block = definedElsewhere[name] {
            notes = [.init("`\(name)` is defined in scenario `\(block)`: write `\(block).\(name)`")]
        }
        throw fail("unknown name `\(name)`", span, notes: notes, code: .unknownName)
    }

    /// A unit position: after a number, after `as`, the unit of `floor/ceil/round`.
    mutating func unitType(_ unit: UnitExpr) throws -> ResolvedUnit {
        switch units.resolve(unit) {
        case .success(let resolved): return resolved
        case .failure(let unknown):
            let notes = Suggestion.closest(to: unknown.name, in: units.allNames).map { [Diagnostic.Note("did you mean `\($0)`?")] } ?? []
            throw fail("`\(unknown.name)` is not a unit", unknown.span, notes: notes)
        }
    }

    private mutating func rounding(_ mode: Rounding, _ value: Expr, _ unit: UnitExpr?, _ span: SourceSpan) throws -> TypeInfo {
        let x = try infer(value)
        guard let unit else {
            guard x.dimension.isDimensionless else {
                throw fail("`\(mode.rawValue)` needs a plain number, not \(describe(x))", value.span,
                           notes: [.init("to round in a unit, name it: `\(mode.rawValue)(x, unit)`")])
            }
            return TypeInfo(dimension: .dimensionless, isSeries: x.isSeries, rows: x.rows, label: x.label)
        }
        let resolved = try unitType(unit)
        guard resolved.dimension == x.dimension else {
            throw fail("cannot round \(describe(x)) in `\(fragmentText(unit.span))`, which is \(resolved.dimension.described)", span)
        }
        guard resolved.factor > 0, resolved.factor.isFinite else {
            throw fail("cannot round in `\(fragmentText(unit.span))`: it is not a positive amount", unit.span)
        }
        return TypeInfo(dimension: x.dimension, isSeries: x.isSeries, rows: x.rows, label: resolved.label)
    }

    /// The rows the series among `operands` share (nil: the timeline's). Series of different
    /// lengths cannot be combined step by step: an error naming both lengths.
    private mutating func seriesRows(_ operands: [(TypeInfo, SourceSpan)]) throws -> SeriesRows? {
        var first: (type: TypeInfo, span: SourceSpan)?
        for (type, span) in operands where type.isSeries {
            guard let found = first else {
                first = (type, span)
                continue
            }
            if found.type.rows != type.rows {
                func length(_ type: TypeInfo) -> String {
                    type.rows?.described ?? "\(timeline?.count ?? 0) steps (the timeline)"
                }
                throw fail("these series have different lengths: `\(fragmentText(found.span))` has \(length(found.type)), "
                           + "`\(fragmentText(span))` has \(length(type))", found.span.union(span),
                           notes: [.init("a column lines up with the timeline when the timeline is made from its table")])
            }
        }
        return first?.type.rows
    }

    private mutating func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ span: SourceSpan) throws -> TypeInfo {
        let a = try infer(left)
        let b = try infer(right)
        let series = a.isSeries || b.isSeries
        let rows = try seriesRows([(a, left.span), (b, right.span)])
        switch op {
        case .add, .subtract:
            guard a.dimension == b.dimension else {
                let verb = op == .add ? "add" : "subtract"
                throw fail("cannot \(verb) \(describe(a)) and \(describe(b))", span,
                           notes: [.init("left: `\(fragmentText(left.span))` is \(describe(a))"),
                                   .init("right: `\(fragmentText(right.span))` is \(describe(b))")])
            }
            let constant = a.constant.flatMap { x in b.constant.map { op == .add ? x + $0 : x - $0 } }
            return TypeInfo(dimension: a.dimension, isSeries: series, rows: rows, label: a.label.isEmpty ? b.label : a.label, constant: constant)
        case .multiply:
            return TypeInfo(dimension: a.dimension * b.dimension, isSeries: series, rows: rows, label: a.label * b.label,
                            constant: a.constant.flatMap { x in b.constant.map { x * $0 } })
        case .divide:
            return TypeInfo(dimension: a.dimension / b.dimension, isSeries: series, rows: rows,
                            label: .quotient(a.label, b.label),
                            constant: a.constant.flatMap { x in b.constant.map { $0 == 0 ? nil : x / $0 } ?? nil })
        case .power:
            guard b.dimension.isDimensionless else {
                throw fail("an exponent must be a plain number, not \(describe(b))", right.span)
            }
            if a.dimension.isDimensionless {
                return TypeInfo(dimension: .dimensionless, isSeries: series, rows: rows, constant: a.constant.flatMap { x in b.constant.map { pow(x, $0) } })
            }
            guard !b.isSeries, let n = b.constant, n == n.rounded(), abs(n) <= 12 else {
                throw fail("\(describe(a)) can only be raised to a fixed whole power", right.span)
            }
            return TypeInfo(dimension: a.dimension.raised(to: Int(n)), isSeries: series, rows: rows, label: a.label.raised(to: Int(n)),
                            constant: a.constant.map { pow($0, n) })
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            guard a.dimension == b.dimension else {
                throw fail("cannot compare \(describe(a)) with \(describe(b))", span)
            }
            return TypeInfo(dimension: .dimensionless, isSeries: series, rows: rows, isCondition: true)
        case .and, .or:
            guard a.isCondition, b.isCondition else {
                throw fail("`\(op.rawValue)` joins conditions (comparisons)", a.isCondition ? right.span : left.span)
            }
            return TypeInfo(dimension: .dimensionless, isSeries: series, rows: rows, isCondition: true)
        }
    }

    private mutating func call(_ name: String, _ arguments: [Expr], _ span: SourceSpan) throws -> TypeInfo {
        guard let function = BuiltinFunction(rawValue: name) else {
            let candidates = BuiltinFunction.allCases.map(\.rawValue)
            let notes = Suggestion.closest(to: name, in: candidates).map { [Diagnostic.Note("did you mean `\($0)`?")] }
                ?? [.init("functions: \(candidates.joined(separator: ", "))")]
            throw fail("unknown function `\(name)`", span, notes: notes)
        }
        guard function.arity.contains(arguments.count) else {
            throw fail("`\(name)` takes \(function.usage)", span)
        }
        if function == .csv || function == .json || function == .bench || function == .sql {
            throw fail("`\(name)(…)` reads a table; give it a line of its own: `data = \(name)(\"…\")`", span)
        }
        if function == .solve { return try solve(arguments, span) }
        let types = try arguments.map { try infer($0) }
        if let type = try uncertaintyFunction(function, arguments, types, span) { return type }
        let first = types[0]
        let series = types.contains { $0.isSeries }
        let rows = try seriesRows(Array(zip(types, arguments.map(\.span))))
        func plain(_ index: Int) throws {
            guard types[index].dimension.isDimensionless else {
                throw fail("`\(name)` needs a plain number, not \(describe(types[index]))", arguments[index].span)
            }
        }
        switch function {
        case .floor, .ceil, .round:
            throw fail("`\(name)` takes \(function.usage)", span)   // parsed as `.rounding`, never as a call
        case .median, .percentile, .last, .count, .lag, .fitGrowth, .csv, .json, .bench, .sql, .sd:
            return try seriesFunction(function, arguments, types, span)
        case .normal, .uniform, .triangular, .prob, .solve, .regression, .change:
            throw fail("`\(name)` takes \(function.usage)", span)   // handled by `uncertaintyFunction`
        case .min, .max:
            if types.count == 1 {
                guard first.isSeries else {
                    throw fail("`\(name)` of a single value; give it a series, or several values to compare", arguments[0].span)
                }
                return TypeInfo(dimension: first.dimension, label: first.label)
            }
            for (index, type) in types.enumerated() where type.dimension != first.dimension {
                throw fail("`\(name)` compares like with like: \(describe(first)) and \(describe(type))", arguments[index].span)
            }
            return TypeInfo(dimension: first.dimension, isSeries: series, rows: rows, label: first.label)
        case .abs:
            return TypeInfo(dimension: first.dimension, isSeries: series, rows: rows, label: first.label)
        case .sqrt:
            guard let root = first.dimension.root(2) else {
                throw fail("the square root of \(describe(first)) has no unit", arguments[0].span)
            }
            return TypeInfo(dimension: root, isSeries: series, rows: rows)
        case .exp, .ln, .log10:
            try plain(0)
            return TypeInfo(dimension: .dimensionless, isSeries: series, rows: rows)
        case .compound:
            guard first.dimension == Dimension.time.raised(to: -1) else {
                throw fail("`compound` needs a rate per unit of time (such as 5%/week), not \(describe(first))", arguments[0].span)
            }
            guard types[1].dimension == .time else {
                throw fail("`compound` needs a duration, not \(describe(types[1]))", arguments[1].span)
            }
            guard period(of: first.label) != nil else {
                throw fail("cannot tell how often this rate compounds; write it per a unit of time, such as 5%/week", arguments[0].span)
            }
            return TypeInfo(dimension: .dimensionless, isSeries: series, rows: rows)
        case .sum, .mean, .cumsum:
            guard first.isSeries else {
                throw fail("`\(name)` works on a series (a value that depends on `t`); this is a single value", arguments[0].span)
            }
            return TypeInfo(dimension: first.dimension, isSeries: function == .cumsum, rows: function == .cumsum ? first.rows : nil, label: first.label)
        case .at:
            guard first.isSeries else { throw fail("`at` reads a series at a time; this is a single value", arguments[0].span) }
            guard types[1].dimension == .time, !types[1].isSeries else {
                throw fail("`at` needs a single time such as `6 months`, not \(describe(types[1]))", arguments[1].span)
            }
            return TypeInfo(dimension: first.dimension, label: first.label)
        case .first:
            guard first.isCondition, first.isSeries else {
                throw fail("`first` needs a condition that depends on `t`, such as `first(spend >= budget)`", arguments[0].span)
            }
            guard let timeline else { throw fail("`first` needs a timeline", span) }
            return TypeInfo(dimension: .time, label: UnitLabel(timeline.unit))
        }
    }
}

/// The compounding period of a rate: the time unit it is written per (`week` in `5%/week`).
public func period(of label: UnitLabel) -> Unit? {
    let times = label.terms.filter { $0.unit.dimension == .time && $0.exponent == -1 }
    return times.count == 1 ? times[0].unit : nil
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
