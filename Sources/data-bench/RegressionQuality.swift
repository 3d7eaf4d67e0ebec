import Foundation
import Runtime

/// How often the claim `regression(new, old) < 5%` fails on synthetic measurements: PAIRS
/// pairs of 10 runs each, noise of 15% (standard deviation, normal and lognormal), with no real
/// change (a false alarm) and with a real 20% slowdown (a detection). Seeded: the same figures
/// on every machine. Prints one line per case; docs/history.md quotes them.
enum RegressionQuality {
    static func run(pairs: Int) -> (falseAlarm: Double, detected: Double) {
        var generator = Sampling.Generator(seed: 20_261_204)
        func gaussian() -> Double {
            // Box–Muller on two uniforms in (0, 1).
            (-2 * log(generator.unit())).squareRoot() * cos(2 * Double.pi * generator.unit())
        }
        var worstFalse = 0.0, worstDetected = 1.0
        for shape in ["normal", "lognormal"] {
            func run(_ scale: Double) -> Double {
                scale * (shape == "normal" ? 1 + 0.15 * gaussian() : exp(0.15 * gaussian()))
            }
            for slowdown in [1.0, 1.2] {
                var failures = 0
                for _ in 0..<pairs {
                    let old = (0..<10).map { _ in run(1) }
                    let new = (0..<10).map { _ in run(slowdown) }
                    if MeasuredChange.regression(new, old) >= 0.05 { failures += 1 }
                }
                let rate = Double(failures) / Double(pairs)
                let what = slowdown == 1 ? "no real change" : "a real 20% slowdown"
                print("\(shape) noise, \(what): `regression < 5%` fails in \(String(format: "%.1f", rate * 100))% "
                      + "of \(pairs) pairs")
                if slowdown == 1 { worstFalse = max(worstFalse, rate) } else { worstDetected = min(worstDetected, rate) }
            }
        }
        return (worstFalse, worstDetected)
    }
}
