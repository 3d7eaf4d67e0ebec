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
        guard let samples = item.value.samples, samples.steps == nil else {
            spec.diagnostics.append(.error("`\(item.text)` is \(item.value.isSeries ? "a series" : "certain"); "
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
        let low = SeriesStatistics.percentile(sorted: finite, scale: 1, 0.005)
        let high = SeriesStatistics.percentile(sorted: finite, scale: 1, 0.995)
        let width = high > low ? (high - low) / Double(distributionBins) : max(abs(first), 1) * 1e-3
        var counts = [Double](repeating: 0, count: distributionBins)
        for x in finite where x >= low && x <= high {
            counts[min(distributionBins - 1, Int((x - low) / width))] += 1
        }
        let shares = counts.map { $0 / Double(samples.count) }
        let centers = (0..<distributionBins).map { low + width * (Double($0) + 0.5) }
        let percent = UnitTable.builtIn.unit(named: "%")!
        var chart = look.chart(kind: .area, yMinimum: 0, x: nil, series: [ChartData.Series(name: "share of samples",
                                                                                             values: shares)],
                               axis: Axis(dimension: .dimensionless, label: UnitLabel(percent)))
        let factor = placeOnX(&chart, centers, dimension: item.value.dimension, label: item.evaluated.type.label,
                              name: item.text)
        chart.annotations = [ChartData.Annotation(x: samples.percentiles(0.5)[0] / factor, label: "median")]
        chart.samples = samples.count
        let rows = samples.percentiles([0.05, 0.5, 0.95])[0]
        let shown = { (x: Double) in
            ValueFormatter.formatEstimate(x, dimension: item.value.dimension, label: item.evaluated.type.label)
        }
        let never = samples.count - finite.count
        let neverNote = never == 0 ? ""
            : " In \(ValueFormatter.significant(100 * Double(never) / Double(samples.count), digits: 2))% "
            + "of them it never happens; those are not in the bins."
        chart.note = "The share of \(ValueFormatter.fixed(Double(samples.count), decimals: 0)) simulations in each "
            + "range of \(item.text); median \(shown(rows[1])), 90% between \(shown(rows[0])) and \(shown(rows[2]))."
            + neverNote
        return chart
    }
}
