import DataFiles
import Diagnostics
import Foundation
import Runtime
import ScenarioSyntax
import Semantics
import Testing

/// Every example in docs/models.md runs: blocks marked `file=…` are model files, the others
/// blocks of one essay in `Content/guides/`, which may `use` them and read each other.
@Suite struct ModelReferenceTests {
    struct Block {
        var info: [String]
        var line: Int
        var text: String
    }

    static let path = "docs/models.md"

    static func blocks() -> [Block] {
        let text = (try? String(contentsOfFile: Repository.path(path), encoding: .utf8)) ?? ""
        var blocks: [Block] = []
        var current: Block?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.hasPrefix("```scenario") {
                current = Block(info: line.dropFirst(3).split(separator: " ").map(String.init), line: index + 2, text: "")
            } else if let block = current, line.hasPrefix("```") {
                blocks.append(block)
                current = nil
            } else {
                current?.text += line + "\n"
            }
        }
        return blocks
    }

    static func modelPath(_ block: Block) -> String? {
        block.info.first { $0.hasPrefix("file=") }.map { String($0.dropFirst(5)) }
    }

    /// `name = …  # expect: value` and `…  # error: message`, by line within the block.
    static func checks(_ block: Block) -> [(line: Int, name: String?, expected: String, isError: Bool)] {
        block.text.components(separatedBy: "\n").enumerated().compactMap { index, line in
            for (marker, isError) in [("# expect: ", false), ("# error: ", true)] {
                guard let range = line.range(of: marker) else { continue }
                let name = line.split(separator: "=").first.map { $0.split(separator: " ").last.map(String.init) ?? "" }
                return (index, name, String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces), isError)
            }
            return nil
        }
    }

    @Test func theGuideHasExamplesOfEveryKind() {
        let blocks = Self.blocks()
        #expect(blocks.filter { Self.modelPath($0) != nil }.count >= 2)
        #expect(blocks.filter { Self.modelPath($0) == nil }.count >= 5)
        #expect(blocks.allSatisfy { !Self.checks($0).isEmpty || $0.info.count > 1 }, "every block checks something")
    }

    @Test func everyExampleComputesWhatItSays() throws {
        let blocks = Self.blocks()
        let models = InMemoryModels(Dictionary(uniqueKeysWithValues: blocks.compactMap { block in
            Self.modelPath(block).map { ($0, block.text) }
        }))
        let file = SourceFile(path: Self.path, text: (try? String(contentsOfFile: Repository.path(Self.path), encoding: .utf8)) ?? "")
        var page: [String: PageBlock] = [:]
        // An unnamed block is an essay of its own; named blocks are blocks of one page.
        var essayBlocks: [(name: String, block: Block, parsed: PageBlock)] = []
        for block in blocks where Self.modelPath(block) == nil {
            let name = block.info.count > 1 ? block.info[1] : "main"
            let fragment = SourceFragment(text: block.text, file: file, startLine: block.line, startColumn: 1)
            let parsed = PageBlock(fragment: fragment, statements: Parser.parseBlock(fragment).0)
            if block.info.count > 1 { page[name] = parsed }
            essayBlocks.append((name, block, parsed))
        }
        // Model files: their own values, checked through the model as an essay imports it.
        for block in blocks {
            guard let path = Self.modelPath(block) else { continue }
            let model = try #require(try? models.model("/" + path, from: "").get(), "\(path) does not load")
            let (compiled, problems) = ScenarioCompiler.compile(name: path, statements: model.statements, fragment: model.fragment)
            let result = Evaluator.run(compiled)
            #expect(problems.isEmpty && result.diagnostics.isEmpty, "\(path): \((problems + result.diagnostics).map(\.message))")
            for check in Self.checks(block) where !check.isError {
                let shown = result.value(of: check.name ?? "").map { ValueFormatter.format($0) }
                #expect(shown == check.expected, "\(path) line \(check.line + 1): \(shown ?? "no value")")
            }
        }
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics.map(\.message))")
        for (name, block, parsed) in essayBlocks {
            let (compiled, problems) = ScenarioCompiler.compile(name: name, statements: parsed.statements, fragment: parsed.fragment,
                                                                data: NoData(), models: models, folder: "guides",
                                                                blocks: block.info.count > 1 ? page : [:])
            let result = Evaluator.run(compiled)
            var diagnostics = problems + result.diagnostics
            for check in Self.checks(block) {
                let docLine = block.line + check.line
                if check.isError {
                    let match = diagnostics.firstIndex { $0.location?.line == docLine && $0.message.contains(check.expected) }
                    #expect(match != nil, "docs/models.md:\(docLine): no error `\(check.expected)` in \(diagnostics.map(\.message))")
                    if let match { diagnostics.remove(at: match) }
                } else {
                    let shown = result.value(of: check.name ?? "").map { ValueFormatter.format($0) }
                    #expect(shown == check.expected, "docs/models.md:\(docLine): expected \(check.expected), got \(shown ?? "no value")")
                }
            }
            #expect(diagnostics.isEmpty, "docs/models.md block at line \(block.line): \(diagnostics.map(\.message))")
        }
    }
}
