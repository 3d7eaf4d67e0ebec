import DataFiles
import Diagnostics
import Foundation
import Runtime
import ScenarioSyntax
import Semantics
import Testing

/// Walks `Tests/Scenarios/*.scenario`. Each file is one scenario block; a line may end with
/// `# expect: TEXT` (the definition on that line prints as TEXT) or `# error: MESSAGE` (an error
/// on that line contains MESSAGE). Lines that start with `{{` are inline values evaluated
/// against the block, as prose would. Every error must be expected.
@Suite struct ScenarioFileTests {
    static let folder = Repository.path("Tests/Scenarios")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".scenario") }.sorted()

    /// The real tools' outputs in `Tests/Fixtures/bench-outputs`, as `data/NAME`.
    static let benchOutputs: InMemoryData = {
        let folder = Repository.path("Tests/Fixtures/bench-outputs")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            files["data/" + name] = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return InMemoryData(files)
    }()

    @Test func thereAreScenarioFiles() {
        #expect(Self.files.count >= 5)
    }

    @Test(arguments: files)
    func scenarioFile(_ name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        let outcome = ScenarioFileRunner.run(text, path: name, data: Self.benchOutputs)
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.checked > 0, "no expectations in \(name)")
    }
}

/// Runs one expectation file and lists what did not match; shared with the language-reference test.
enum ScenarioFileRunner {
    struct Outcome {
        var failures: [String] = []
        var checked = 0
    }

    /// `data` gives `csv(…)` and `json(…)` their files (none by default).
    static func run(_ text: String, path: String, data: DataSource = NoData()) -> Outcome {
        var outcome = Outcome()
        let lines = text.components(separatedBy: "\n")
        // Inline lines are blanked in the block so line numbers stay the essay's.
        let block = lines.map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{{") ? "" : $0 }.joined(separator: "\n")
        let file = SourceFile(path: path, text: text)
        let fragment = SourceFragment(text: block, file: file, startLine: 1, startColumn: 1)
        let (scenario, compileErrors) = ScenarioCompiler.compile(name: "main", fragment: fragment, data: data)
        let result = Evaluator.run(scenario)
        var diagnostics = compileErrors + result.diagnostics
        let page = PageScenarios(results: [result])
        var inlineValues: [Int: String] = [:]
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("{{"), let close = line.range(of: "}}"), let open = line.range(of: "{{") else { continue }
            let inner = String(line[open.upperBound..<close.lowerBound])
            let column = line.distance(from: line.startIndex, to: open.upperBound) + 1
            let inlineFragment = SourceFragment(text: inner, file: file, startLine: index + 1, startColumn: column)
            let (value, problems) = page.inline(inlineFragment)
            diagnostics += problems
            if let value { inlineValues[index + 1] = value.text }
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if let range = line.range(of: "# expect: ") {
                outcome.checked += 1
                let expected = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                let actual: String?
                if let inline = inlineValues[number] {
                    actual = inline
                } else if let name = line.split(separator: "=").first?.trimmingCharacters(in: .whitespaces),
                          let value = result.value(of: name) {
                    actual = ValueFormatter.format(value)
                } else {
                    actual = nil
                }
                if actual != expected {
                    outcome.failures.append("\(path):\(number): expected `\(expected)`, got \(actual.map { "`\($0)`" } ?? "no value")")
                }
            }
            if let range = line.range(of: "# error: ") {
                outcome.checked += 1
                let expected = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                if let match = diagnostics.firstIndex(where: { $0.location?.line == number && $0.message.contains(expected) }) {
                    diagnostics.remove(at: match)
                } else {
                    let onLine = diagnostics.filter { $0.location?.line == number }.map(\.message)
                    outcome.failures.append("\(path):\(number): expected an error containing `\(expected)`, got \(onLine.isEmpty ? "none" : onLine.joined(separator: " | "))")
                }
            }
        }
        for diagnostic in diagnostics {
            let line = diagnostic.location?.line ?? 0
            if line > 0, lines[line - 1].contains("# error: ") { continue }   // a second error on an expected line
            outcome.failures.append("\(path):\(line): unexpected error: \(diagnostic.message)")
        }
        return outcome
    }
}
