import Runtime
import Semantics

/// What a chart draws, after its expressions are evaluated: x positions in the timeline's unit,
/// and one named row of numbers (base units) per series, all measuring the same thing.
public struct ChartData: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case line, step, bar, stackedBar = "stacked bar", area, scatter
    }

    public struct Series: Sendable {
        public var name: String
        /// The median, for an uncertain series.
        public var values: [Double]
        /// For an uncertain series: the fan around its median (error bars, for bars).
        public var band: Band? = nil

        /// A bar per single value: a certain one as it is, an uncertain one as its median with its
        /// percentiles for a whisker. Nil when a value is a series or "never".
        static func bars(_ values: [ShownValue], name: String) -> Series? {
            var heights: [Double] = []
            var bands: [Band] = []
            for value in values {
                switch value.shape {
                case .spread(let samples) where samples.steps == nil:
                    let band = Band(Spread(samples))
                    heights.append(band.median[0])
                    bands.append(band)
                case .number(let x):
                    heights.append(x)
                    bands.append(Band(p5: [.nan], p25: [.nan], p75: [.nan], p95: [.nan]))
                case .spread, .perStep, .never:
                    return nil
                }
            }
            let uncertain = values.contains { $0.isUncertain }
            return Series(name: name, values: heights,
                          band: uncertain ? Band(p5: bands.flatMap(\.p5), p25: bands.flatMap(\.p25),
                                                 p75: bands.flatMap(\.p75), p95: bands.flatMap(\.p95)) : nil)
        }
    }

    /// The 5th, 25th, 75th and 95th percentiles of an uncertain series, step by step (or per bar).
    public struct Band: Sendable {
        public var p5: [Double], p25: [Double], p75: [Double], p95: [Double]
        /// The medians, read with the percentiles (one selection per column), for the line.
        var median: [Double] = []

        /// From a spread: one entry per step (one for a single value, repeated `count` times).
        init(_ spread: Spread, count: Int? = nil) {
            let rows = spread.rows
            let repeated = count.map { n in Array(repeating: rows[0], count: n) } ?? rows
            p5 = repeated.map { $0[0] }; p25 = repeated.map { $0[1] }; median = repeated.map { $0[2] }
            p75 = repeated.map { $0[3] }; p95 = repeated.map { $0[4] }
        }

        init(p5: [Double], p25: [Double], p75: [Double], p95: [Double]) {
            self.p5 = p5; self.p25 = p25; self.p75 = p75; self.p95 = p95
        }

        func scaled(by factor: Double) -> Band {
            Band(p5: p5.map { $0 / factor }, p25: p25.map { $0 / factor }, p75: p75.map { $0 / factor },
                 p95: p95.map { $0 / factor })
        }

        var all: [Double] { p5 + p95 }
    }

    /// A horizontal rule at a named value (a limit, a budget), labelled with its name.
    public struct Rule: Sendable {
        /// In the y axis's base units.
        public var value: Double
        public var label: String
    }

    public struct Annotation: Sendable {
        /// Position along x (in x units), or an index for scalar bar charts.
        public var x: Double
        public var label: String
    }

    public var kind: Kind
    public var title: String?
    public var caption: String?
    public var yLabel: String?
    public var yMinimum: Double?
    public var logarithmic: Bool
    public var height: Int
    /// x positions (timeline steps in `xUnitName`), or nil for a chart of named scalar bars.
    public var x: [Double]?
    public var xUnitName: String
    public var categories: [String]
    public var series: [Series]
    public var dimension: Dimension
    public var label: UnitLabel
    public var annotations: [Annotation]
    /// The calendar date of each step (days since 1970-01-01) when the timeline was made from
    /// dates: the x axis and the data table show dates instead of step numbers.
    public var xDates: [Int]? = nil
    public var rules: [Rule] = []
    /// Monte Carlo samples behind the bands, when a series is uncertain (for the note under the chart).
    public var samples: Int? = nil
    /// A sentence under the chart saying how to read it (what a distribution's area is).
    public var note: String? = nil
}
