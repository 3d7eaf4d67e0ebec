import ScenarioSyntax
import Semantics

/// An operation on two numbers as a type. Loops over columns of samples are generic over it, so
/// the compiler builds one loop per operation with the operation inlined (and vectorized where
/// it can be) instead of calling a closure for each of a column's numbers.
protocol NumberOperation {
    func callAsFunction(_ a: Double, _ b: Double) -> Double
}

/// Any closure, for the operations that are not worth a loop of their own.
struct NumberClosure: NumberOperation {
    let body: (Double, Double) -> Double
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { body(a, b) }
}

struct Addition: NumberOperation {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a + b }
}

struct Subtraction: NumberOperation {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a - b }
}

struct Multiplication: NumberOperation {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a * b }
}

struct Division: NumberOperation {
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double { a / b }
}

/// A comparison or a logical operation, 1 where it holds and 0 where it does not, generic over
/// which (`Test`) so that a column's loop has no switch in it.
struct Comparison<Test: ComparisonTest>: NumberOperation {
    /// Both tests are computed and one is chosen, so a column's loop has no branch in it.
    @inline(__always) func callAsFunction(_ a: Double, _ b: Double) -> Double {
        let finite = FiniteCheck.allFinite(FiniteCheck.carry(a) | FiniteCheck.carry(b))
        let tolerant = Test.holds(a, b, tolerance: 1e-12 * Swift.max(Swift.abs(a), Swift.abs(b)))
        return (finite ? tolerant : Test.plain(a, b)) ? 1 : 0
    }
}

extension Value {
    /// The comparison or logical operation `op`, number by number: 1 where it holds, else 0.
    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        func apply<T: ComparisonTest>(_: T.Type) -> Value {
            combine(a, b, dimension: .dimensionless, label: UnitLabel(), Comparison<T>())
        }
        switch op {
        case .equal: return apply(Equal.self)
        case .notEqual: return apply(NotEqual.self)
        case .less: return apply(Less.self)
        case .lessEqual: return apply(LessEqual.self)
        case .greater: return apply(Greater.self)
        case .greaterEqual: return apply(GreaterEqual.self)
        case .and: return apply(Both.self)
        case .or: return apply(Either.self)
        case .add, .subtract, .multiply, .divide, .power: preconditionFailure("`\(op)` is not a comparison")
        }
    }

    /// Whether the comparison `op` holds for two numbers: the model's rule, which claims use too.
    static func comparisonHolds(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Bool {
        compare(op, .scalar(a), .scalar(b)).scalar == 1
    }
}

/// Two finite numbers are equal within their last few bits (a tolerance of 1e-12 of the larger),
/// so `0.1 + 0.2 == 0.3` holds as a reader expects; each comparison is one test of the difference
/// against that tolerance. `plain` is for an infinite side (a `first` that never holds, in
/// samples), which equals only itself.
protocol ComparisonTest {
    static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool
    static func plain(_ a: Double, _ b: Double) -> Bool
}

enum Equal: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        Swift.abs(a - b) <= tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a == b }
}

enum NotEqual: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        Swift.abs(a - b) > tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a != b }
}

enum Less: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        b - a > tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a < b }
}

enum LessEqual: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        a - b <= tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a <= b }
}

enum Greater: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        a - b > tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a > b }
}

enum GreaterEqual: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        b - a <= tolerance
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a >= b }
}

enum Both: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        plain(a, b)
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a != 0 && b != 0 }
}

enum Either: ComparisonTest {
    @inline(__always) static func holds(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        plain(a, b)
    }
    @inline(__always) static func plain(_ a: Double, _ b: Double) -> Bool { a != 0 || b != 0 }
}
