import DataFiles
import Foundation
import Testing

/// Every ```scenario block in docs/data.md runs, as if it were in an essay in Content/reports:
/// `data/weekly.csv` and `data/bench.json` are the sample essay's own files, `data/criterion` the
/// Criterion fixture, and the other data files are the ```csv and ```json blocks the page shows
/// (info string: format, then path).
@Suite struct DataReferenceTests {
    static let page = "docs/data.md"

    struct Block {
        var info: String
        var line: Int
        var text: String
    }

    /// Fenced blocks of the page with their info string and the line their content starts on.
    static func blocks() -> [Block] {
        let text = (try? String(contentsOfFile: Repository.path(page), encoding: .utf8)) ?? ""
        var blocks: [Block] = []
        var current: Block?
        var lines: [String] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line.hasPrefix("```") {
                current = Block(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), line: index + 2, text: "")
                lines = []
            } else if var block = current, line.hasPrefix("```") {
                block.text = lines.joined(separator: "\n")
                blocks.append(block)
                current = nil
            } else {
                lines.append(line)
            }
        }
        return blocks
    }

    static func scenarioBlocks() -> [Block] { blocks().filter { $0.info == "scenario" || $0.info.hasPrefix("scenario ") } }

    /// The data files shown on the page (```csv data/x.csv), by path.
    static func shownFiles() -> [String: String] {
        var files: [String: String] = [:]
        for block in blocks() {
            let words = block.info.split(separator: " ").map(String.init)
            guard words.count == 2, ["csv", "json", "jsonl", "text"].contains(words[0]) else { continue }
            files[words[1]] = block.text + "\n"
        }
        return files
    }

    /// The sample essay's data files, then the files the page shows.
    static func dataSource() -> InMemoryData {
        var files: [String: String] = [:]
        var binary: [String: [UInt8]] = [:]
        let folder = Repository.path("Content/reports/data")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            if name.hasSuffix(".sqlite") {
                binary["data/" + name] = FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) }
            } else {
                files["data/" + name] = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            }
        }
        // Criterion's results are a folder: the fixture's, as `data/criterion`.
        let criterion = Repository.path("Tests/Fixtures/bench-outputs/criterion")
        for relative in (try? FileManager.default.subpathsOfDirectory(atPath: criterion)) ?? []
        where relative.hasSuffix(".json") {
            files["data/criterion/" + relative] = try? String(contentsOfFile: criterion + "/" + relative, encoding: .utf8)
        }
        files.merge(shownFiles()) { sample, _ in sample }
        return InMemoryData(files, binaryFiles: binary)
    }

    @Test func thePageHasExamples() {
        #expect(Self.scenarioBlocks().count >= 8)
    }

    /// A file the page shows that is also a sample file must be that file, word for word.
    @Test func shownSampleFilesMatchTheSampleEssay() throws {
        let shown = Self.shownFiles()
        #expect(shown["data/weekly.csv"] != nil)
        for (path, text) in shown {
            let sample = Repository.path("Content/reports/" + path)
            guard FileManager.default.fileExists(atPath: sample) else { continue }
            let onDisk = try String(contentsOfFile: sample, encoding: .utf8)
            #expect(text == onDisk, "\(Self.page) shows \(path) differently from Content/reports/\(path)")
        }
    }

    @Test(arguments: scenarioBlocks().map(\.line))
    func example(startingAt line: Int) throws {
        let block = try #require(Self.scenarioBlocks().first { $0.line == line })
        let outcome = ScenarioFileRunner.run(block.text, path: "\(Self.page) (block at line \(line))", data: Self.dataSource())
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.checked > 0)
    }
}
