/// A page the data made too big or too slow to render: the template text passed every check at
/// load, but a section repeated over front-matter or site data multiplied it past a limit.
public struct TemplateRenderError: Error, Equatable, Sendable {
    /// The template rendering started from (`page`, `list`, …).
    public var template: String
    var exceeded: RenderBudget.Exceeded

    /// Says which limit was passed, for a diagnostic located at the page's source.
    public var message: String {
        switch exceeded {
        case .steps:
            return "rendering template `\(template)` takes more than \(TemplateLimits.maxRenderSteps.grouped) "
                + "look-ups and section items"
        case .bytes:
            return "rendering template `\(template)` makes more than 64 MiB of HTML"
        }
    }

    /// What to look at: the data a section repeats over, which front matter can make long.
    public static let hint = "a section repeating over a long list (front matter reaches templates as `page.meta`) "
        + "multiplies everything inside it; nested sections multiply again"
}
