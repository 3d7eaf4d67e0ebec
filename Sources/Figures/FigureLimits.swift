/// What one figure block may ask for. Far beyond a readable figure, low enough that a hostile
/// block cannot make a build take more than a moment. The README lists them.
public enum FigureLimits {
    /// Expressions in one list (`y:`, `bars:`, `show:`): a chart with more lines cannot be read.
    public static let listItems = 24
    /// Values tried for one input of a sweep.
    public static let sweepValues = 40
    /// Variants of the model one sweep computes (the product of its inputs' value counts).
    public static let sweepVariants = 400
    /// Values of the input a chart is drawn against (`x: {limit: 16..96 requests}`): each is one
    /// evaluation of the model, as a sweep's variant is, and 200 points draw a smooth line.
    public static let chartInputValues = 200
}
