/// What the checker knows about an expression before evaluating it.
public struct TypeInfo: Sendable, Hashable {
    public var dimension: Dimension
    /// Depends on `t`: one value per timeline step.
    public var isSeries: Bool
    /// True for comparisons and `and`/`or`/`not`: usable as a condition.
    public var isCondition: Bool
    /// The unit the value is shown in.
    public var label: UnitLabel
    /// The value in base units when it is known without evaluating (literals and units), used
    /// for exponents and `unit` definitions.
    public var constant: Double?

    public init(dimension: Dimension, isSeries: Bool = false, isCondition: Bool = false, label: UnitLabel = UnitLabel(), constant: Double? = nil) {
        self.dimension = dimension
        self.isSeries = isSeries
        self.isCondition = isCondition
        self.label = label
        self.constant = constant
    }
}
