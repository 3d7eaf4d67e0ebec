/// The stages costmark is fuzzed at. Each one takes arbitrary bytes and runs its stage
/// in-process, as a build would, and throws the diagnostics away: any text is a valid fuzz
/// input, and a message about it is the right answer. Only a crash, a hang or runaway memory is a bug.
///
/// The raw value names the target on the command line (`COSTMARK_FUZZ_TARGET=scenario`) and
/// the corpus folders (`Tests/FuzzCorpus/seeds/scenario/`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A scenario block: lex, parse, check, evaluate, format every value.
    case scenario
    /// Markdown prose with `{{ … }}` values, against its own scenario blocks or a fixed model.
    case inline
    /// `chart`, `table` and `sweep` blocks, against the page's scenario blocks or a fixed model.
    case figure
    /// An essay's front matter, and the same bytes read as `site.yml`.
    case frontMatter = "front-matter"
    /// Template files (`-- name.mustache --` sections), loaded over the built-in theme and rendered.
    case template
    /// A whole essay file through the site builder, in check mode (nothing is written).
    case page

    /// Runs the stage on one input.
    public func run(_ input: [UInt8]) {
        switch self {
        case .scenario: ScenarioTarget.run(input)
        case .inline: InlineTarget.run(input)
        case .figure: FigureTarget.run(input)
        case .frontMatter: FrontMatterTarget.run(input)
        case .template: TemplateTarget.run(input)
        case .page: PageTarget.run(input)
        }
    }

    /// What one input is, for `--help` and the README.
    public var inputFormat: String {
        switch self {
        case .scenario: return "the body of a scenario block"
        case .inline: return "Markdown prose with {{ }} values; a fixed model unless it has ```scenario blocks"
        case .figure: return "Markdown with ```chart / ```table / ```sweep blocks; a fixed model unless it has ```scenario blocks"
        case .frontMatter: return "an essay file (--- front matter --- body); also parsed as site.yml"
        case .template: return "template files: '-- name.mustache --' lines start each one; text before the first is page.mustache"
        case .page: return "a whole essay file, built with the built-in theme"
        }
    }
}
