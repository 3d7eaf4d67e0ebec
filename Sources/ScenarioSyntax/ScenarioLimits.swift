/// What one scenario block or inline value may use. Each limit is far beyond anything an essay
/// needs and low enough that a hostile input is refused in milliseconds, with a located error,
/// instead of exhausting the stack, the memory or the build's time. The README lists them.
public enum ScenarioLimits {
    /// Levels of nesting in one expression: parentheses, operators, calls and their arguments.
    /// Every pass over the tree recurses once per level, so this bounds their stack use.
    public static let expressionDepth = 100
    /// Statements in one scenario block.
    public static let statements = 5_000
    /// Bytes of text in one scenario block or inline value.
    public static let bytes = 256 * 1024
    /// Largest power a unit may be raised to (`month^2`), either sign.
    public static let unitPower = 12
}
