import Content
import Diagnostics

/// The YAML readers: the bytes as an essay file (front matter, then its fields: dates, tags,
/// slug, extra keys), and the same bytes as `site.yml`.
public enum FrontMatterTarget {
    public static func run(_ input: [UInt8]) {
        guard case .success(let file) = TextDecoding.decode(input, displayPath: "fuzz.md") else { return }
        let (essay, essayProblems) = FrontMatterParser.parse(file)
        if let frontMatter = essay?.frontMatter {
            _ = frontMatter.date?.rfc822
            _ = frontMatter.date?.rfc3339
            _ = frontMatter.updated?.readable
            _ = frontMatter.extra.mapValues(\.templateValue)
        }
        let (settings, settingsProblems) = SiteSettings.parse(SourceFile(path: "site.yml", text: file.text))
        _ = settings?.basePath
        _ = DiagnosticRenderer().render(essayProblems + settingsProblems)
    }
}
