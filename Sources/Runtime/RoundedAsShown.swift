/// The whole number nearest to a number's magnitude (ties to even), by adding and subtracting
/// 2^52: arithmetic without a branch or a library call, so a column's loop vectorizes. Exact
/// below 2^52; from there on every Double is whole and the result is within a few units in the
/// last place, which is all `RoundedAsShown` asks of it there.
@inline(__always)
func nearestWholeMagnitude(_ x: Double) -> Double {
    (Swift.abs(x) + 4_503_599_627_370_496.0) - 4_503_599_627_370_496.0
}

/// One of the three roundings as a type, so a column's loop is compiled for it. `apply` is the
/// library's; `quick` gives the same by arithmetic alone, with no branch to mispredict on random
/// samples, for numbers below 2^51 in magnitude that are not within a hair of a whole number or
/// a half (those go through `apply`). There, shifting by a half turns floor and ceil into
/// rounding to the nearest, and the result always has the sign of the number.
protocol WholeRoundingRule {
    static func apply(_ x: Double) -> Double
    static func quick(_ x: Double) -> Double
}

enum RoundingDown: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded(.down) }
    @inline(__always) static func quick(_ x: Double) -> Double {
        Double(signOf: x, magnitudeOf: nearestWholeMagnitude(x - 0.5))
    }
}

enum RoundingUp: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded(.up) }
    @inline(__always) static func quick(_ x: Double) -> Double {
        Double(signOf: x, magnitudeOf: nearestWholeMagnitude(x + 0.5))
    }
}

enum RoundingHalfAway: WholeRoundingRule {
    @inline(__always) static func apply(_ x: Double) -> Double { x.rounded() }
    @inline(__always) static func quick(_ x: Double) -> Double {
        Double(signOf: x, magnitudeOf: nearestWholeMagnitude(x))
    }
}

/// `floor`, `ceil` or `round` of a value as shown in a unit (`size` of it in base units): the value
/// is first rounded to nine decimals of the unit, so 1.99999999 from floating point stays 2.
struct RoundedAsShown<Rule: WholeRoundingRule> {
    let size: Double

    @inline(__always) func callAsFunction(_ value: Double) -> Double {
        let shown = value / size
        return isNearJump(shown) ? Rule.apply(cleaned(shown)) * size : Rule.apply(shown) * size
    }

    /// The nine decimals matter only within a hair of where the result jumps: a whole number
    /// (floor, ceil) or a half (round). Elsewhere the plain rounding gives the same, without the
    /// two divisions that would otherwise dominate a column of samples.
    @inline(__always) private func isNearJump(_ shown: Double) -> Bool {
        let doubled = Swift.abs(shown * 2), magnitude = Swift.abs(shown)
        let margin = Swift.abs(doubled - nearestWholeMagnitude(doubled))
        return !(margin > 1e-7 * (magnitude > 1 ? magnitude : 1))
    }

    @inline(__always) private func cleaned(_ shown: Double) -> Double {
        let scaled = shown * 1e9
        return scaled.isFinite ? scaled.rounded() / 1e9 : shown
    }

    /// A whole column: first every number rounded by arithmetic alone, in a loop that vectorizes;
    /// a number near a jump that is itself a small whole number (the 1 of `compound` at t = 0)
    /// stays as it is, which is what the nine decimals give for it too. Others near a jump
    /// (none, mostly) are marked as NaN and rounded again with their nine decimals.
    func apply(to numbers: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: numbers.count) { out, initialized in
            numbers.withUnsafeBufferPointer { numbers in
                guard let from = numbers.baseAddress, let into = out.baseAddress else { return }
                var unresolved = 0
                @inline(__always) func fill(shown: (Double) -> Double, back: (Double) -> Double) {
                    for index in 0..<numbers.count {
                        let rounded = back(quickly(shown(from[index])))
                        into[index] = rounded
                        unresolved &+= rounded != rounded ? 1 : 0
                    }
                }
                // A unit of size 1 (no unit) spares a division and a multiplication per number.
                if size == 1 {
                    fill(shown: { $0 }, back: { $0 })
                } else {
                    fill(shown: { $0 / size }, back: { $0 * size })
                }
                guard unresolved > 0 else { return }
                for index in 0..<numbers.count where into[index].isNaN { into[index] = callAsFunction(from[index]) }
            }
            initialized = numbers.count
        }
    }

    /// The rounding of a number as shown, or NaN when its nine decimals must be looked at. A
    /// small whole number near a jump (below 2^23 in magnitude) stays as it is: multiplied by
    /// 1e9, rounded and divided again, it comes back exactly. Selections only, no branches.
    @inline(__always) private func quickly(_ shown: Double) -> Double {
        let magnitude = Swift.abs(shown)
        let whole = nearestWholeMagnitude(shown) == (magnitude < 8_388_608 ? magnitude : -1)
        return isNearJump(shown) ? (whole ? shown : .nan) : Rule.quick(shown)
    }
}
