/// How far a template may reach, so a mistake or a hostile theme fails the build with a
/// message instead of crashing it, hanging it or filling the disk. Mustache renders partials and
/// sections by recursion, so a template that includes itself overflows the stack, and partials
/// that include each other twice per level double the work at every level.
///
/// Loading checks what the template text decides (includes, parents, nesting); rendering checks
/// what the data decides (how many items a section repeats over, how long the values are).
public enum TemplateLimits {
    /// Partial and parent expansions one template may make when rendered once, counting each
    /// place a partial is included along the whole include graph (before data repeats anything).
    public static let maxExpansions = 10_000
    /// Sections, blocks, partials and parents nested inside one another, through every include.
    public static let maxDepth = 50
    /// Bytes one rendered page may have: the template's own text repeated by the data plus the values.
    public static let maxOutputBytes = 64 << 20
    /// Value look-ups and section items one page's rendering may take. The built-in list
    /// template takes about 3 per essay (6,040 for 2,000 essays on one page); sections nested
    /// over front-matter lists can take 10¹², and a million stops them in about half a second.
    public static let maxRenderSteps = 1_000_000
}
