import BuildRecord
import Content
import Diagnostics
import FileSupport

/// After the essay pages: every internal link and image of every published essay is checked
/// against what this build publishes, and every `#fragment` against the ids of its page.
/// Warnings by default; errors with `--strict` (or `strict: true`), so CI can fail on them.
/// Runs on every build from the pages' recorded links, so kept pages are checked too.
struct LinkCheck {
    let plan: SitePlan
    let resolver: LinkResolver
    let strict: Bool

    func run(_ facts: [RenderedEssay], into diagnostics: DiagnosticBag) {
        let content = plan.contentDisplay + "/"
        // Essays on all cores: a rebuild checks every essay's links, kept pages' too.
        _ = parallelMap(plan.essays.count) { index -> Void in
            let essay = plan.essays[index]
            for link in facts[index].links {
                let resolution = resolver.resolve(link.destination, from: essay)
                let what = link.isImage ? "image" : "link to"
                var problem: String?
                switch resolution.target {
                case .external, .published:
                    break
                case .missing:
                    problem = "\(what) \(link.destination), which is not in \(content)"
                case .unpublished(let path):
                    problem = "\(what) \(link.destination), which is not published in this build (\(content)\(path) "
                        + "is a draft or dated in the future)"
                case .samePage(let fragment):
                    if !facts[index].anchors.contains(fragment) {
                        problem = "link to #\(fragment): no heading or element on this page has the id `\(fragment)`"
                    }
                case .essay(let target, let fragment?):
                    if !facts[target].anchors.contains(fragment) {
                        let name = plan.essays[target].displayPath
                        problem = "link to \(link.destination): no heading or element of \(name) "
                            + "has the id `\(fragment)`"
                    }
                case .essay(_, nil):
                    break
                }
                guard let problem else { continue }
                diagnostics.report(Diagnostic(strict ? .error : .warning, problem, at: link.location))
            }
        }
    }

    /// The data files that scenarios read and no essay links to: they are inputs of the build,
    /// not part of the site, so they are not copied to the output folder.
    func dataFilesNotLinked(_ facts: [RenderedEssay]) -> Set<String> {
        var read = Set(facts.lazy.flatMap(\.inputFiles))
        guard !read.isEmpty else { return [] }
        for (index, essay) in plan.essays.enumerated() {
            for link in facts[index].links {
                if let file = resolver.resolve(link.destination, from: essay).copiedFile { read.remove(file) }
            }
        }
        return read.intersection(plan.staticFiles.lazy.map(\.relativePath))
    }
}
