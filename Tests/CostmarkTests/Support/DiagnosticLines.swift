import Diagnostics
import Site

extension InlineSite {
    /// The first line of each diagnostic of a build, with the site's folder cut from paths:
    /// `Content/posts/x.md:4:12: warning: …`.
    func messages(_ report: BuildReport) -> [String] {
        report.diagnostics.map { diagnostic in
            let first = DiagnosticRenderer().render(diagnostic).split(separator: "\n").first.map(String.init) ?? ""
            return first.replacingOccurrences(of: root.path + "/", with: "")
        }
    }
}
