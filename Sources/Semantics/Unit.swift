/// A named unit: how many base units one of it is, and what it measures.
public struct Unit: Sendable, Hashable {
    /// The name shown after numbers (`month`, `MB`, `machine`) or the symbol before them (`$`).
    public var name: String
    /// Base units (seconds, bytes, one currency unit, one counted thing) per one of this unit.
    public var factor: Double
    public var dimension: Dimension
    /// `months` for `month`; nil for symbols that do not take a plural (`MB`, `s`).
    public var plural: String?
    /// Written before the number without a space: `$20`.
    public var isPrefixSymbol: Bool
    /// Written after the number without a space: `5%`.
    public var isSuffixSymbol: Bool

    public init(name: String, factor: Double, dimension: Dimension, plural: String? = nil,
                isPrefixSymbol: Bool = false, isSuffixSymbol: Bool = false) {
        self.name = name
        self.factor = factor
        self.dimension = dimension
        self.plural = plural
        self.isPrefixSymbol = isPrefixSymbol
        self.isSuffixSymbol = isSuffixSymbol
    }
}
