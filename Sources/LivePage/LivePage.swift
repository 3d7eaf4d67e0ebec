import Foundation
import DataFiles
import Diagnostics
import Figures
import Markdown
import Runtime
import ScenarioSyntax
import Semantics
import Markup

/// The live parts of one essay, in one place: its scenario blocks found, compiled and evaluated,
/// its figures drawn, and each `{{ }}` in its prose computed (and checked, for claims). Produces
/// the HTML that replaces them, and the evaluated scenarios `explain` prints. `build`, `check`
/// and `explain` all read a page through it, so they cannot disagree about what a name means.
public struct LivePage {
    /// HTML for fenced blocks, by block index.
    public var blockHTML: [Int: String] = [:]
    /// HTML for each prose reference, by reference index.
    public var inlineHTML: [Int: String] = [:]
    /// Plain text for each prose reference, for summaries and feeds' plain parts.
    public var inlineText: [Int: String] = [:]
    public var diagnostics: [Diagnostic] = []
    /// The page's evaluated scenarios, in page order.
    public var results: [ScenarioResult] = []
    /// Every claim in the prose, holding or not, in page order.
    public var claims: [ClaimRecord] = []

    /// - Parameters:
    ///   - file: the whole essay, for locations and source lines in messages.
    ///   - bodyFirstLine: the essay line on which the Markdown body starts.
    ///   - models: where `use` lines find model files; `folder` is the essay's, in the content folder.
    public init(document: MarkdownDocument, file: SourceFile, bodyFirstLine: Int, data: DataSource = NoData(),
         models: ModelSource = NoModels(), folder: String = "") {
        diagnostics = document.warnings.map { .markdown($0, file: file, bodyFirstLine: bodyFirstLine) }
        // Every block is parsed first: a block may read another (`main.growth`), before or after it.
        var parsed: [(index: Int, name: String, block: PageBlock, source: String)] = []
        var names: [String: SourceLocation] = [:]
        for block in document.fencedBlocks {
            let words = block.info.split(separator: " ", omittingEmptySubsequences: true)
            guard words.first == "scenario" else { continue }
            let name = words.count > 1 ? String(words[1]) : "main"
            let fenceLine = bodyFirstLine + block.fenceLine - 1
            let fragment = SourceFragment(text: block.literal, file: file, startLine: fenceLine + 1,
                                          startColumn: block.fenceColumn, continuationColumn: block.fenceColumn)
            let here = file.location(line: fenceLine, column: block.fenceColumn, length: block.info.count + 3)
            if let first = names[name] {
                diagnostics.append(.error("this page already has a scenario named `\(name)`", at: here,
                                          notes: [.init("first one here", at: first), .init("name blocks apart: ```scenario growth")]))
                continue
            }
            names[name] = here
            let (statements, parseErrors) = Parser.parseBlock(fragment)
            diagnostics += parseErrors
            parsed.append((block.index, name, PageBlock(fragment: fragment, statements: statements), block.literal))
        }
        let blocks = Dictionary(parsed.map { ($0.name, $0.block) }, uniquingKeysWith: { first, _ in first })
        let work = SampleWork()   // one Monte Carlo budget for the whole page, figures included
        for (index, name, block, source) in parsed {
            let (scenario, problems) = ScenarioCompiler.compile(name: name, statements: block.statements, fragment: block.fragment,
                                                                data: data, models: models, folder: folder,
                                                                blocks: blocks)
            diagnostics += problems
            let result = Evaluator.run(scenario, work: work)
            diagnostics += ScenarioCompiler.pointingBack(result.diagnostics, to: block.fragment, scenario: name)
            results.append(result)
            blockHTML[index] = LivePage.blockHTML(name: name, source: source, scenario: scenario)
        }

        let page = PageScenarios(results: results)

        // Figures, after every scenario of the page is known (a chart may come before its model).
        var rows: Set<String> = []
        var figureCount = 0
        for block in document.fencedBlocks {
            let words = block.info.split(separator: " ", omittingEmptySubsequences: true)
            guard let kind = words.first.map(String.init), FigureBlocks.kinds.contains(kind) else { continue }
            figureCount += 1
            let fenceLine = bodyFirstLine + block.fenceLine - 1
            let output = FigureBlocks.render(kind: kind, scenario: words.count > 1 ? String(words[1]) : nil, body: block.literal,
                                             file: file, firstLine: fenceLine + 1, page: page, id: "figure-\(figureCount)")
            diagnostics += output.diagnostics
            if let html = output.html { blockHTML[block.index] = html }
            let scenarioName = page.block(named: words.count > 1 ? String(words[1]) : nil)?.scenario.name ?? "main"
            for name in output.rows { rows.insert(scenarioName + "\u{0}" + name) }
        }

        let importFailed = results.contains { $0.scenario.hasFailedImport }
        // The content folder as messages name it (`Content`), from the essay's path and folder.
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let relative = folder.isEmpty ? fileName : folder + "/" + fileName
        let contentFolder = file.path.hasSuffix("/" + relative) ? String(file.path.dropLast(relative.count + 1)) : nil
        for index in document.misplacedReferences {
            diagnostics.append(LivePage.misplaced(document.reference(index), file: file, bodyFirstLine: bodyFirstLine))
        }
        for index in document.proseReferences {
            let reference = document.reference(index)
            let fragment = SourceFragment(text: reference.text, file: file, startLine: bodyFirstLine + reference.line - 1,
                                          startColumn: reference.column)
            var (value, problems) = page.inline(fragment)
            if let index = problems.firstIndex(where: { $0.code == .claimDoesNotHold }) {
                problems[index].notes += ClaimRowChanges.notes(page.dataReads(fragment), data: data)
            }
            diagnostics += importFailed ? problems.filter { $0.code != .unknownName } : problems
            let written = reference.text.trimmingCharacters(in: .whitespaces)
            if let value, value.isClaim {
                claims.append(ClaimRecord(line: fragment.startLine, written: written, outcome: value.text, holds: true))
            } else if let failed = problems.first(where: { $0.code == .claimDoesNotHold }) {
                claims.append(ClaimRecord(line: fragment.startLine, written: written, outcome: failed.message, holds: false))
            }
            guard let value else {
                inlineHTML[index] = HTMLEscaping.escape(reference.original)
                inlineText[index] = reference.original
                continue
            }
            // Link to the value's own row, or else to the row of the first definition it reads.
            let anchor = ([value.name].compactMap { $0 } + value.reads)
                .first { rows.contains(value.scenario + "\u{0}" + $0) }
                .map { FigureBlocks.rowID(scenario: value.scenario, name: $0) }
            inlineHTML[index] = LivePage.inlineHTML(value, anchor: anchor, contentFolder: contentFolder)
            inlineText[index] = value.text
        }
        // A model that failed to load is reported once at the model; this page says so once per
        // model, and nothing else: every other error here would follow from the missing names.
        if diagnostics.contains(where: { $0.code == .importFailed }) {
            diagnostics = diagnostics.filter { $0.severity != .error || $0.code == .importFailed }
        }
        // A block that reads another re-checks its definitions: an error there is the other's,
        // already reported once. Two `use` lines of one broken model say it once.
        var seen: Set<Diagnostic> = []
        var failedImports: Set<String> = []
        diagnostics = diagnostics.filter { $0.code != .importFailed || failedImports.insert($0.message).inserted }
        diagnostics = Diagnostic.capped(diagnostics.filter { seen.insert($0).inserted }, file: file.path)
    }
}
