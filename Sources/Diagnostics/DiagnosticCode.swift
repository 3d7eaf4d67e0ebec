/// What kind of problem a diagnostic reports, for code that must tell problems apart: a stage
/// filters or groups by code, never by the wording of a message, which is free to improve.
/// Most diagnostics are `.general`; a code exists where some code acts on it, or where a
/// machine reader (`check --format json`) is likely to.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    case general
    /// A name that no definition, unit or import gives (`unknown name `work``).
    case unknownName = "unknown-name"
    /// A claim in prose that the model contradicts.
    case claimDoesNotHold = "claim-does-not-hold"
    /// Nesting (expressions, imports, blocks reading blocks) past its limit.
    case tooDeep = "too-deep"
    /// Definitions that depend on each other, directly or through other blocks.
    case definitionCycle = "definition-cycle"
    /// A model file or another block has errors of its own, reported at it, so it cannot be joined.
    case importFailed = "import-failed"
    /// A template names something costmark's page context does not have.
    case unknownTemplateName = "unknown-template-name"
    /// A template file that no template renders.
    case unusedTemplate = "unused-template"
    /// A value that cannot stand where it was written (a shortcode in a link's target).
    case misplacedValue = "misplaced-value"
}
