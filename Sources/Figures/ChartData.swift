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
        public var values: [Double]
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
}
