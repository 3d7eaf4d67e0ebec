import LivePage
import Diagnostics

/// The outcome of a build: counts for the summary line, and every diagnostic in report order.
public struct BuildReport: Sendable {
    public var essayCount: Int
    public var pageCount: Int
    public var copiedFiles: Int
    /// Pages taken from the build cache instead of rendered.
    public var cachedPages = 0
    /// Essays whose files this build opened; the others were vouched for by the last build's record.
    public var readEssays = 0
    /// Files put into the output folder: every file for a fresh folder, the changed ones for an update.
    public var writtenFiles = 0
    /// True when the output folder was updated file by file rather than replaced whole.
    public var updatedInPlace = false
    /// The files an update in place wrote, relative to the output folder; nil when the build
    /// filled a fresh folder (anything may have changed) or wrote nothing. `serve` reloads only
    /// the pages among them.
    public var changedFiles: [String]?
    public var diagnostics: [Diagnostic]
    /// The claims of each essay rendered (not of pages kept from an earlier build), by its path.
    public var claims: [String: [ClaimRecord]] = [:]
    public var seconds: Double

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { errorCount == 0 }
}
