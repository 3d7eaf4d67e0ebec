import Diagnostics
import LivePage

/// The Markdown `check --format github` appends to `$GITHUB_STEP_SUMMARY`: the counts, then a
/// table of every claim of every essay checked, holding or not, failing ones first.
public enum JobSummary {
    public static func markdown(_ report: BuildReport) -> String {
        let rows = report.claims.keys.sorted().flatMap { file in report.claims[file]!.map { (file, $0) } }
        let failing = rows.filter { !$0.1.holds }
        var out = "## costmark check\n\n"
        out += "\(count(report.essayCount, "essay")) checked: \(count(report.errorCount, "error")), "
            + "\(count(report.warningCount, "warning")). "
        out += "\(count(rows.count, "claim")): \(rows.count - failing.count) hold, \(failing.count) "
            + (failing.count == 1 ? "fails" : "fail") + ".\n\n"
        guard !rows.isEmpty else { return out }
        out += "| essay | line | claim | value | result |\n|---|---:|---|---|---|\n"
        for (file, claim) in failing + rows.filter({ $0.1.holds }) {
            out += "| \(code(file)) | \(claim.line) | \(code(claim.written)) | \(cell(claim.outcome)) | "
                + (claim.holds ? "holds" : "**fails**") + " |\n"
        }
        return out + "\n"
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Text in a table cell: no line breaks, `|` escaped, HTML's specials as entities.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// As code: `<code>` with the text escaped (a backtick inside would end a Markdown code span).
    static func code(_ text: String) -> String { "<code>" + cell(text) + "</code>" }
}
