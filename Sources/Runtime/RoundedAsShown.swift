/// The whole number nearest to a number, by adding and subtracting 2^52: arithmetic without a
/// branch or a library call, so a column's loop runs it at full speed. Exact below 2^52 in
/// magnitude; from there on every Double is whole and the result is within a few units in the
/// last place, which is all `RoundedAsShown` asks of it.
@inline(__always)
func nearestWholeMagnitude(_ x: Double) -> Double {
    (Swift.abs(x) + 4_503_599_627_370_496.0) - 4_503_599_627_370_496.0
}

/// One of the three roundings as a type, so a column's loop is compiled for it. `apply` is the
/// library's; `quick` gives the same for numbers below 2^51 in magnitude through a conversion to
/// a whole number, which costs less than a call per number.
protocol WholeRoundingRule {
    static func apply(_ x: Double) -> Double
    static func quick(_ x: Double) -> Double
}

enum RoundingDown: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded(.down) }
    @inline(__always) static func quick(_ x: Double) -> Double {
        let whole = Double(Int64(x))   // toward zero
        return Double(signOf: x, magnitudeOf: Swift.abs(whole > x ? whole - 1 : whole))
    }
}

enum RoundingUp: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded(.up) }
    @inline(__always) static func quick(_ x: Double) -> Double {
        let whole = Double(Int64(x))
        return Double(signOf: x, magnitudeOf: Swift.abs(whole < x ? whole + 1 : whole))
    }
}

enum RoundingHalfAway: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded() }
    @inline(__always) static func quick(_ x: Double) -> Double {
        let magnitude = Swift.abs(x)
        let whole = Double(Int64(magnitude))
        return Double(signOf: x, magnitudeOf: magnitude - whole >= 0.5 ? whole + 1 : whole)
    }
}

/// `floor`, `ceil` or `round` of a value as shown in a unit (`size` of it in base units): the value
/// is first rounded to nine decimals of the unit, so 1.99999999 from floating point stays 2.
struct RoundedAsShown<Rule: WholeRoundingRule>: NumberFunction {
    let size: Double

    @inline(__always) func callAsFunction(_ value: Double) -> Double {
        let shown = value / size
        return isNearJump(shown) ? Rule.apply(cleaned(shown)) * size : Rule.apply(shown) * size
    }

    /// The nine decimals matter only within a hair of where the result jumps: a whole number
    /// (floor, ceil) or a half (round). Elsewhere the plain rounding gives the same, without the
    /// two divisions that would otherwise dominate a column of samples.
    @inline(__always) private func isNearJump(_ shown: Double) -> Bool {
        let doubled = Swift.abs(shown * 2)
        let margin = Swift.abs(doubled - nearestWholeMagnitude(doubled))
        return !(margin > 1e-7 * Swift.max(1, Swift.abs(shown)))
    }

    @inline(__always) private func cleaned(_ shown: Double) -> Double {
        let scaled = shown * 1e9
        return scaled.isFinite ? scaled.rounded() / 1e9 : shown
    }

    /// A whole column: first every number rounded plainly, with those near a jump marked as NaN,
    /// then the few marked (none, mostly) rounded again with their nine decimals. The first loop
    /// has no branches to mispredict and no state but the numbers.
    func apply(to numbers: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: numbers.count) { out, initialized in
            numbers.withUnsafeBufferPointer { numbers in
                // A number that is not near a jump is below 2^51 in magnitude (from there on
                // every number is), so `quick` applies; the others are replaced by 0 before it.
                if size == 1 {
                    for index in numbers.indices {
                        let x = numbers[index], near = isNearJump(x)
                        out[index] = near ? .nan : Rule.quick(near ? 0 : x)
                    }
                } else {
                    for index in numbers.indices {
                        let shown = numbers[index] / size, near = isNearJump(shown)
                        out[index] = near ? .nan : Rule.quick(near ? 0 : shown) * size
                    }
                }
                for index in numbers.indices where out[index].isNaN { out[index] = callAsFunction(numbers[index]) }
            }
            initialized = numbers.count
        }
    }
}
