/// What one figure block may ask for. Far beyond a readable figure, low enough that a hostile
/// block cannot make a build take more than a moment. The README lists them.
public enum FigureLimits {
    /// Expressions in one list (`y:`, `bars:`, `show:`): a chart with more lines cannot be read.
    public static let listItems = 24
    /// Values tried for one input of a sweep.
    public static let sweepValues = 40
    /// Variants of the model one sweep computes (the product of its inputs' value counts).
    public static let sweepVariants = 400
}
