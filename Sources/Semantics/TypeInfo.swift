/// What the checker knows about an expression before evaluating it.
public struct TypeInfo: Sendable, Hashable {
    public var dimension: Dimension
    /// Depends on `t` or on a data column: one value per step (or row).
    public var isSeries: Bool
    /// True for comparisons and `and`/`or`/`not`: usable as a condition.
    public var isCondition: Bool
    /// The unit the value is shown in.
    public var label: UnitLabel
    /// The value in base units when it is known without evaluating (literals and units), used
    /// for exponents and `unit` definitions.
    public var constant: Double?
    /// For a series that does not line up with the timeline (a column of a table the timeline
    /// was not made from, a typed list): how many rows it has and where they come from.
    public var rows: SeriesRows?
    /// A definition that reads a data file: `weekly = csv("weekly.csv")`.
    public var table: TableInfo?
    /// The uncertain inputs the value depends on: the definitions holding a range or a
    /// distribution (`price = $20/month to $50/month`). Empty for a certain value, which keeps
    /// the scalar path; the tornado block varies exactly these.
    public var uncertainInputs: Set<String> = []

    /// Evaluated as columns of samples, one per Monte Carlo draw.
    public var isUncertain: Bool { !uncertainInputs.isEmpty }

    public init(dimension: Dimension, isSeries: Bool = false, rows: SeriesRows? = nil, isCondition: Bool = false,
                label: UnitLabel = UnitLabel(), constant: Double? = nil, table: TableInfo? = nil) {
        self.dimension = dimension
        self.isSeries = isSeries
        self.isCondition = isCondition
        self.label = label
        self.constant = constant
        self.rows = rows
        self.table = table
    }
}

/// The length of a series that is not the timeline's, for messages that name both lengths.
public struct SeriesRows: Sendable, Hashable {
    public var count: Int
    /// `weekly.csv`, `the list`.
    public var source: String

    public var described: String { "\(count) \(count == 1 ? "row" : "rows") (\(source))" }
}

/// A table read by a scenario: which file, and its size.
public struct TableInfo: Sendable, Hashable {
    public var path: String
    public var displayPath: String
    public var rowCount: Int
}
