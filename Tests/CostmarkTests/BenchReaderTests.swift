import DataFiles
import Diagnostics
import Foundation
import Testing

/// `bench()`'s adapters on the real tools' files (Tests/Fixtures/bench-outputs), detection, and
/// their located errors; nested JSON, key paths into arrays and JSON Lines for `json()`.
@Suite struct BenchReaderTests {
    static let folder = Repository.path("Tests/Fixtures/bench-outputs")

    func bench(_ name: String, format: String? = nil) throws -> (DataTable?, [String]) {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        return bench(text: text, name: name, format: format)
    }

    func bench(text: String, name: String = "b.json", format: String? = nil) -> (DataTable?, [String]) {
        let (table, problems) = BenchReader.read(Array(text.utf8), file: SourceFile(path: name, text: text), format: format)
        return (table, problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" })
    }

    func json(_ text: String, _ path: String? = nil, lines: Bool = false) -> (DataTable?, [String]) {
        let (table, problems) = JSONTableReader.read(Array(text.utf8), file: SourceFile(path: "d.json", text: text),
                                                     keyPath: path, lines: lines)
        return (table, problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" })
    }

    @Test(arguments: ["hyperfine.json", "hyperfine-scan.json", "gbench.json", "gobench.txt", "pytest.json"])
    func everyFixtureReadsWithNameStatisticsAndRuns(_ name: String) throws {
        let (table, problems) = try bench(name)
        #expect(problems.isEmpty, "\(problems)")
        let t = try #require(table)
        #expect(t.keyColumn == 0 && t.columns[0].name == "name")
        for column in ["mean", "median", "min", "max", "stddev", "runs"] {
            #expect(t.column(named: column) != nil, "\(name) has no `\(column)`")
        }
        guard case .samples(let runs) = t.column(named: "runs")?.content else { Issue.record("runs"); return }
        #expect(runs.allSatisfy { $0.count >= 3 }, "\(name): runs \(runs.map(\.count))")
        #expect(Set(t.keys).count == t.rowCount, "\(name): keys repeat")
    }

    @Test func googleBenchmarkGroupsRepetitionsAndKeepsItsAggregates() throws {
        let t = try #require(try bench("gbench.json").0)
        #expect(t.keys == ["BM_sort/64", "BM_sort/1024", "BM_concat"])
        guard case .numbers(let means) = t.column(named: "mean")?.content,
              case .samples(let runs) = t.column(named: "runs")?.content else { Issue.record("columns"); return }
        #expect(abs(means[1] - 8057.737920643416) < 1e-9, "the tool's own mean aggregate")
        #expect(runs.map(\.count) == [3, 3, 3])
        #expect(t.column(named: "mean")?.unit == "ns")
    }

    @Test func goBenchDropsGOMAXPROCSAndReadsSubBenchmarkParameters() throws {
        let t = try #require(try bench("gobench.txt").0)
        #expect(t.keys == ["BenchmarkFib20", "BenchmarkJoin/size=10", "BenchmarkJoin/size=100"])
        guard case .numbers(let sizes) = t.column(named: "size")?.content else { Issue.record("size"); return }
        #expect(sizes[0].isNaN && sizes[1] == 10 && sizes[2] == 100)
        #expect(t.column(named: "bytes_per_op")?.unit == "B")
    }

    @Test func detectionAndTheFormatOption() throws {
        #expect(try bench("hyperfine.json", format: "gobench").1 == ["1:1: this benchmark file holds no benchmarks"])
        #expect(try bench("gobench.txt", format: "hyperfine").1.first?.hasPrefix("1:1: JSON does not parse") == true)
        #expect(bench(text: "{}", format: "criterion").1.first?.contains("Criterion's results are a folder") == true)
        #expect(bench(text: "{}", format: "nope").1 == ["1:1: `nope` is not a benchmark format costmark reads"])
        let unknown = bench(text: "{\"rows\": []}").1
        #expect(unknown == ["1:1: this JSON is not the output of a benchmark tool costmark knows"])
        #expect(bench(text: "name,mean\na,1\n", name: "b.csv").1.first?
            .contains("neither JSON a benchmark tool writes nor `go test -bench` output") == true)
    }

    @Test func adapterErrorsPointIntoTheFile() {
        #expect(bench(text: "{\"results\": [\n  {\"mean\": 1}\n]}").1 == ["2:3: this result has no `command`"])
        #expect(bench(text: "{\"results\": [{\"command\": \"a\",\n \"times\": [1, \"x\"]}]}").1
                == ["2:11: `times` must be a list of numbers (seconds)"])
        #expect(bench(text: "goos: linux\nBenchmarkA-2   100   5 ns/op\nBenchmarkB-2   100   x ns/op\n", name: "g.txt").1
                == ["3:1: \"x\" is not a number"])
        #expect(bench(text: "{\"context\": {}, \"benchmarks\": [{\"name\": \"BM\", \"time_unit\": \"ks\","
                      + " \"real_time\": 1}]}").1 == ["1:32: unknown `time_unit` \"ks\" (ns, us, ms or s)"])
    }

    @Test func nestedJSONBecomesDottedColumnsAndMeasurements() throws {
        let text = #"{"runs": [{"results": [{"name": "a", "times": [1, 2, 3], "parameters": {"level": 6}, "ok": true,"#
            + #" "note": null}]}, {"results": [{"name": "b", "times": [4], "parameters": {"level": 9}, "ok": false,"#
            + #" "note": "x"}]}]}"#
        let (table, problems) = json(text, "runs.*.results")
        #expect(problems.isEmpty, "\(problems)")
        let t = try #require(table)
        #expect(t.columns.map(\.name) == ["name", "times", "parameters_level", "ok", "note"])
        #expect(t.columns.map(\.header)[2] == "parameters.level")
        guard case .samples(let times) = t.column(named: "times")?.content,
              case .numbers(let levels) = t.column(named: "parameters_level")?.content,
              case .text(let flags) = t.column(named: "ok")?.content else { Issue.record("kinds"); return }
        #expect(times == [[1, 2, 3], [4]] && levels == [6, 9] && flags == ["true", "false"])
        #expect(json(text, "runs.1.results").0?.keys == ["b"])
        #expect(json(text, "runs.2.results").1 == ["1:10: the array at `runs` has 2 elements; there is no element 2"])
        #expect(json(text, "runs.*.result").1.first?.contains("there is no key `result` here") == true)
    }

    @Test func jsonLinesReadOneObjectPerLine() throws {
        let text = "{\"service\": \"api\", \"p99\": 180}\n\n{\"service\": \"db\", \"p99\": 40}\n"
        let t = try #require(json(text, lines: true).0)
        #expect(t.keys == ["api", "db"] && t.rowLines == [1, 3])
        #expect(json("{\"a\": 1}\n{\"a\": 2,}\n", lines: true).1 == ["2:9: a line is not JSON: expected a key in quotes"])
    }
}
