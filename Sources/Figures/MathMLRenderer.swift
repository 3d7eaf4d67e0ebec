import Markup
import Runtime
import ScenarioSyntax
import Semantics

/// Typesets a scenario expression as MathML from the same tree the engine evaluates, so the
/// formula a reader sees is the formula that was computed: fractions for `/`, superscripts for
/// `^`, floor and ceiling brackets, ∑ for sums, units upright as text.
public struct MathMLRenderer {
    let units: UnitTable
    /// The first and last step of the scenario's timeline, written as the bounds of sums.
    let timelineBounds: (first: String, last: String)?

    public init(units: UnitTable, timeline: Timeline? = nil) {
        self.units = units
        timelineBounds = timeline.map { timeline in
            (ValueFormatter.plainNumber(timeline.start), ValueFormatter.plainNumber(timeline.start + Double(timeline.count - 1)))
        }
    }

    /// `<math>` around the expression.
    public func math(_ expr: Expr) -> String {
        "<math display=\"inline\">\(render(expr))</math>"
    }

    private func precedence(_ expr: Expr) -> Int {
        switch expr.kind {
        case .conditional: return 0
        case .between, .bounds: return 3
        case .quantity: return 6
        case .binary(let op, _, _):
            switch op {
            case .or: return 1
            case .and: return 2
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 3
            case .add, .subtract: return 4
            case .multiply, .divide: return 5
            case .power: return 8
            }
        case .unary(.not, _): return 2
        case .unary(.negate, _): return 7
        case .convert(let inner, _): return precedence(inner)
        case .number, .percent, .factor, .money, .name, .member, .call, .rounding, .string, .list, .keyed, .named:
            return 9
        }
    }

    private func wrapped(_ expr: Expr, below level: Int) -> String {
        let inner = render(expr)
        return precedence(expr) < level ? "<mrow><mo>(</mo>\(inner)<mo>)</mo></mrow>" : inner
    }

    private func number(_ value: Double, decimals: Int, scale: Double) -> String {
        let suffix = scale == 1e3 ? "k" : scale == 1e6 ? "M" : ""
        let text = ValueFormatter.fixed(value / scale, decimals: decimals)
        return "<mn>\(text)\(suffix)</mn>"
    }

    func render(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let value, let decimals, let scale):
            return number(value, decimals: decimals, scale: scale)
        case .percent(let inner):
            return "<mrow>\(wrapped(inner, below: 9))<mo>%</mo></mrow>"
        case .factor(let inner):
            return "<mrow>\(wrapped(inner, below: 9))<mo>×</mo></mrow>"
        case .money(let symbol, let amount):
            if case .number(let value, let decimals, let scale) = amount.kind {
                let suffix = scale == 1e3 ? "k" : scale == 1e6 ? "M" : ""
                return "<mn>\(HTMLEscaping.escape(symbol))\(ValueFormatter.fixed(value / scale, decimals: decimals))\(suffix)</mn>"
            }
            return "<mrow><mo>\(HTMLEscaping.escape(symbol))</mo>\(render(amount))</mrow>"
        case .name(let name):
            if name == "t" { return "<mi>t</mi>" }
            if let unit = units.unit(named: name) {
                return "<mtext>\(HTMLEscaping.escape(unit.isPrefixSymbol || unit.isSuffixSymbol ? unit.name : name))</mtext>"
            }
            return "<mi>\(HTMLEscaping.escape(name))</mi>"
        case .member(let scenario, let name):
            return "<mi>\(HTMLEscaping.escape(scenario + "." + name))</mi>"
        case .unary(.negate, let inner):
            return "<mrow><mo>−</mo>\(wrapped(inner, below: 7))</mrow>"
        case .unary(.not, let inner):
            return "<mrow><mo>¬</mo>\(wrapped(inner, below: 3))</mrow>"
        case .quantity(let amount, let unit):
            let level = precedence(expr)
            return "<mrow>\(wrapped(amount, below: level))<mspace width=\"0.2em\"></mspace>\(render(unit))</mrow>"
        case .binary(let op, let left, let right):
            let level = precedence(expr)
            switch op {
            case .divide where isWrittenRate(expr):
                // An input such as `$20/month/machine` reads best as written, on one line.
                return "<mrow>\(render(left))<mo>/</mo>\(render(right))</mrow>"
            case .divide:
                return "<mfrac><mrow>\(render(left))</mrow><mrow>\(render(right))</mrow></mfrac>"
            case .power:
                return "<msup><mrow>\(wrapped(left, below: 9))</mrow><mrow>\(render(right))</mrow></msup>"
            default:
                let symbol: String
                switch op {
                case .add: symbol = "+"
                case .subtract: symbol = "−"
                case .multiply: symbol = "×"
                case .equal: symbol = "="
                case .notEqual: symbol = "≠"
                case .less: symbol = "&lt;"
                case .lessEqual: symbol = "≤"
                case .greater: symbol = "&gt;"
                case .greaterEqual: symbol = "≥"
                case .and: symbol = "∧"
                case .or: symbol = "∨"
                case .divide, .power: symbol = ""
                }
                // Left-associative: a right operand of equal precedence needs parentheses (a − (b − c)).
                return "<mrow>\(wrapped(left, below: level))<mo>\(symbol)</mo>\(wrapped(right, below: level + 1))</mrow>"
            }
        case .call(let name, let arguments):
            return call(name, arguments)
        case .rounding(let mode, let value, let unit):
            let (open, close) = mode == .floor ? ("⌊", "⌋") : mode == .ceil ? ("⌈", "⌉") : ("[", "]")
            var inner = render(value)
            if let unit { inner += "<mo>,</mo>" + render(unit) }
            if mode == .round {
                return "<mrow><mi>round</mi><mo>&#x2061;</mo><mrow><mo>(</mo>\(inner)<mo>)</mo></mrow></mrow>"
            }
            // Stretchy, so the brackets cover a superscript or a fraction inside them.
            return "<mrow><mo stretchy=\"true\" fence=\"true\">\(open)</mo>\(inner)<mo stretchy=\"true\" fence=\"true\">\(close)</mo></mrow>"
        case .conditional(let condition, let yes, let no):
            // MathML trims the spaces inside <mtext>: the gaps around the words are their own.
            let gap = "<mspace width=\"0.5em\"></mspace>"
            return "<mrow><mtext>if</mtext>\(gap)\(render(condition))\(gap)<mtext>then</mtext>\(gap)\(render(yes))"
                + "\(gap)<mtext>else</mtext>\(gap)\(render(no))</mrow>"
        case .convert(let inner, _):
            return render(inner)
        case .string(let text):
            return "<ms>\(HTMLEscaping.escape(text))</ms>"
        case .keyed(let read, let key):
            return "<mrow>\(render(read))<mo>[</mo><ms>\(HTMLEscaping.escape(key))</ms><mo>]</mo></mrow>"
        case .named(let label, let value):
            return "<mrow><mi>\(HTMLEscaping.escape(label))</mi><mo>:</mo>\(render(value))</mrow>"
        case .list(let items):
            let inner = items.map(render).joined(separator: "<mo>,</mo>")
            return "<mrow><mo>[</mo>\(inner)<mo>]</mo></mrow>"
        case .between(let low, let high):
            // A range as written: `$20/month to $50/month`.
            let gap = "<mspace width=\"0.3em\"></mspace>"
            return "<mrow>\(wrapped(low, below: 4))\(gap)<mtext>to</mtext>\(gap)\(wrapped(high, below: 4))</mrow>"
        case .bounds(let low, let high):
            return "<mrow>\(wrapped(low, below: 4))<mo>…</mo>\(wrapped(high, below: 4))</mrow>"
        }
    }

    private func call(_ name: String, _ arguments: [Expr]) -> String {
        let first = arguments.first.map(render) ?? ""
        func fenced(_ open: String, _ close: String) -> String {
            var inner = first
            if arguments.count == 2 { inner += "<mo>,</mo>" + render(arguments[1]) }
            return "<mrow><mo>\(open)</mo>\(inner)<mo>\(close)</mo></mrow>"
        }
        switch name {
        case "abs": return fenced("|", "|")
        case "sqrt": return "<msqrt>\(first)</msqrt>"
        case "exp": return "<msup><mi>e</mi><mrow>\(first)</mrow></msup>"
        case "sum":
            // Over the whole timeline: its first and last step as the bounds.
            guard let (first, last) = timelineBounds else {
                return "<mrow><munder><mo>∑</mo><mi>t</mi></munder>\(wrapped(arguments[0], below: 6))</mrow>"
            }
            return "<mrow><munderover><mo>∑</mo><mrow><mi>t</mi><mo>=</mo><mn>\(first)</mn></mrow><mn>\(last)</mn></munderover>"
                + "\(wrapped(arguments[0], below: 6))</mrow>"
        case "cumsum":
            let lower = timelineBounds.map { "<mrow><mi>τ</mi><mo>=</mo><mn>\($0.first)</mn></mrow>" }
            guard let lower else {
                return "<mrow><munder><mo>∑</mo><mrow><mi>τ</mi><mo>≤</mo><mi>t</mi></mrow></munder>\(wrapped(arguments[0], below: 6))</mrow>"
            }
            return "<mrow><munderover><mo>∑</mo>\(lower)<mi>t</mi></munderover>\(wrapped(arguments[0], below: 6))</mrow>"
        case "log10": return "<mrow><msub><mi>log</mi><mn>10</mn></msub><mo>&#x2061;</mo><mrow><mo>(</mo>\(first)<mo>)</mo></mrow></mrow>"
        default:
            let list = arguments.map(render).joined(separator: "<mo>,</mo>")
            return "<mrow><mi>\(HTMLEscaping.escape(name))</mi><mo>&#x2061;</mo><mrow><mo>(</mo>\(list)<mo>)</mo></mrow></mrow>"
        }
    }

    /// A unit as written: upright text, `/` as a fraction, powers as superscripts.
    /// A literal divided by units (`$20/month/machine`, `40 MB/request`): an amount as written,
    /// not a computation.
    func isWrittenRate(_ expr: Expr) -> Bool {
        guard case .binary(.divide, let left, let right) = expr.kind, case .name(let unit) = right.kind,
              unit != "t", units.unit(named: unit) != nil else { return false }
        switch left.kind {
        case .number, .money, .quantity, .percent: return true
        case .binary(.divide, _, _): return isWrittenRate(left)
        default: return false
        }
    }

    func render(_ unit: UnitExpr) -> String {
        switch unit.kind {
        case .name(let name):
            let shown = units.unit(named: name).map { $0.isPrefixSymbol || $0.isSuffixSymbol ? $0.name : name } ?? name
            return "<mtext>\(HTMLEscaping.escape(shown))</mtext>"
        case .product(let left, let right):
            return "<mrow>\(render(left))<mo>·</mo>\(render(right))</mrow>"
        case .quotient(let left, let right):
            return "<mrow>\(render(left))<mo>/</mo>\(render(right))</mrow>"
        case .power(let base, let exponent):
            return "<msup><mrow>\(render(base))</mrow><mn>\(exponent)</mn></msup>"
        }
    }
}
