import Runtime
import Semantics

/// `type: distribution` with `y: [total]`: one uncertain value drawn as a histogram of its
/// samples (the share of samples per bin), its median marked. The bins span the 0.5th to the
/// 99.5th percentile, so a long tail does not squeeze the body of the distribution into one bin.
extension ChartBlock {
    static let distributionBins = 24

    static func distribution(_ items: [Plotted], look: Look, spec: inout BlockSpec) -> ChartData? {
        guard items.count == 1, let item = items.first else {
            if let second = items.dropFirst().first {
                spec.diagnostics.append(.error("a distribution chart shows one uncertain value", at: second.location))
            }
            return nil
        }
        let shown = item.shown
        guard case .spread(let samples) = shown.shape, samples.steps == nil else {
            spec.diagnostics.append(.error("`\(item.text)` is \(shown.steps != nil ? "a series" : "certain"); "
                                           + "a distribution chart shows one uncertain value, "
                                           + "such as `total` of `price = $20 to $50`",
                                           at: item.location))
            return nil
        }
        let finite = samples.numbers.filter(\.isFinite).sorted()
        guard let first = finite.first else {
            spec.diagnostics.append(.error("`\(item.text)` never happens in any sample", at: item.location))
            return nil
        }
        var low = SeriesStatistics.percentile(sorted: finite, scale: 1, 0.005)
        var high = SeriesStatistics.percentile(sorted: finite, scale: 1, 0.995)
        var width = high > low ? (high - low) / Double(distributionBins) : max(abs(first), 1) * 1e-3
        var binCount = distributionBins
        if let grid = Self.grid(of: finite, low: low, high: high) {
            (low, width, binCount) = (grid.low, grid.width, grid.count)
            high = low + width * Double(binCount)
        }
        var counts = [Double](repeating: 0, count: binCount)
        for x in finite where x >= low && x <= high {
            counts[min(binCount - 1, Int((x - low) / width))] += 1
        }
        let shares = counts.map { $0 / Double(samples.count) }
        let centers = (0..<binCount).map { low + width * (Double($0) + 0.5) }
        let percent = UnitTable.builtIn.unit(named: "%")!
        var chart = look.chart(kind: .area, yMinimum: 0, x: nil, series: [ChartData.Series(name: "share of samples",
                                                                                             values: shares)],
                               axis: Axis(dimension: .dimensionless, label: UnitLabel(percent)))
        let factor = placeOnX(&chart, centers, dimension: shown.dimension, label: shown.label, name: item.text)
        chart.annotations = [ChartData.Annotation(x: samples.percentiles(0.5)[0] / factor, label: "median")]
        chart.samples = samples.count
        let rows = samples.percentiles([0.05, 0.5, 0.95])[0]
        let estimate = { (x: Double) in ValueFormatter.formatEstimate(x, dimension: shown.dimension, label: shown.label) }
        let never = samples.count - finite.count
        let neverNote = never == 0 ? ""
            : " In \(ValueFormatter.significant(100 * Double(never) / Double(samples.count), digits: 2))% "
            + "of them it never happens; those are not in the bins."
        chart.note = "The share of \(ValueFormatter.fixed(Double(samples.count), decimals: 0)) simulations in each "
            + "range of \(item.text); median \(estimate(rows[1])), 90% between \(estimate(rows[0])) and \(estimate(rows[2]))."
            + neverNote
        return chart
    }

    /// Bins for an outcome that takes few values on a grid (a whole number of months or machines):
    /// each bin holds whole steps of the grid, centred on them, so no bin falls between two values
    /// and stays empty (a comb). Nil for an outcome that varies continuously.
    static func grid(of sorted: [Double], low: Double, high: Double) -> (low: Double, width: Double, count: Int)? {
        var distinct: [Double] = []
        for x in sorted where distinct.last.map({ abs(x - $0) > 1e-9 * max(1, abs(x)) }) ?? true {
            distinct.append(x)
            if distinct.count > 400 { return nil }
        }
        guard distinct.count >= 2 else { return nil }
        let step = zip(distinct.dropFirst(), distinct).map { $0 - $1 }.min()!
        guard step > 0, distinct.allSatisfy({ x in
            let steps = (x - distinct[0]) / step
            return abs(steps - steps.rounded()) < 1e-6
        }) else { return nil }
        // The grid points from the 0.5th to the 99.5th percentile, grouped a few per bin if many.
        let first = distinct[0] + ((low - distinct[0]) / step).rounded() * step
        let points = Int(((high - first) / step).rounded()) + 1
        let perBin = max(1, (points + distributionBins - 1) / distributionBins)
        let count = max(1, (points + perBin - 1) / perBin)
        return (first - step / 2, step * Double(perBin), count)
    }
}
