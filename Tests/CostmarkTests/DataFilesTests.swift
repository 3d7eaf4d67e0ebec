import DataFiles
import Diagnostics
import Testing

@Suite struct DataFilesTests {
    func csv(_ text: String) -> (DataTable?, [String]) {
        let (table, problems) = CSVReader.read(Array(text.utf8), file: SourceFile(path: "w.csv", text: text))
        return (table, problems.map { d in "\(d.location?.line ?? 0):\(d.location?.column ?? 0): \(d.message)" })
    }

    func json(_ text: String, _ keyPath: String? = nil) -> (DataTable?, [String]) {
        let (table, problems) = JSONTableReader.read(Array(text.utf8), file: SourceFile(path: "b.json", text: text),
                                                     keyPath: keyPath)
        return (table, problems.map { d in "\(d.location?.line ?? 0):\(d.location?.column ?? 0): \(d.message)" })
    }

    @Test func typesColumnsByContentAndReadsUnitsFromHeaders() throws {
        let (table, problems) = csv("week,p99 (ms),Spend ($),note\n2026-01-05,180,\"1,200\",ok\r\n2026-01-12,176.5,900,\"a \"\"b\"\"\"\n")
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.rowCount == 2)
        #expect(t.columns.map(\.name) == ["week", "p99", "spend", "note"])
        #expect(t.columns.map(\.unit) == [nil, "ms", "$", nil])
        guard case .numbers(let spend) = t.column(named: "spend")!.content else { Issue.record("spend"); return }
        #expect(spend == [1200, 900])
        guard case .dates(let days) = t.column(named: "week")!.content else { Issue.record("week"); return }
        #expect(days.map(CalendarDays.iso) == ["2026-01-05", "2026-01-12"])
        guard case .text(let notes) = t.column(named: "note")!.content else { Issue.record("note"); return }
        #expect(notes == ["ok", "a \"b\""])
    }

    @Test func locatesEveryProblemInTheFile() {
        #expect(csv("").1 == ["1:1: the file is empty; a CSV file starts with a header row naming its columns"])
        #expect(csv("a,,b\n1,2,3\n").1 == ["1:3: a column without a name; every header cell names its column"])
        #expect(csv("a,b\n1,2\n3\n").1 == ["3:1: this row has 1 cells; the header names 2 columns"])
        #expect(csv("w,p99 (ms)\n2026-01-05,180\n2026-01-12,n/a\n").1
                == ["3:12: \"n/a\" is not a number (column p99, which holds numbers)"])
        #expect(csv("w\n2026-01-05\n2026-02-30\n").1 == ["3:1: \"2026-02-30\" is not a date (YYYY-MM-DD) (column w, which holds dates)"])
        #expect(csv("a\n\"open\n").1 == ["2:1: a quoted cell is never closed; add the closing `\"`"])
        #expect(csv("a,a\n1,2\n").1 == ["1:3: two columns are named `a`"])
    }

    @Test func numbersAcceptGroupsOfThousandsOnly() throws {
        let (table, _) = csv("n\n\"14,474,302\"\n1e3\n-2.5\n")
        guard case .numbers(let values) = try #require(table).columns[0].content else { Issue.record("n"); return }
        #expect(values == [14_474_302, 1000, -2.5])
        #expect(csv("n\n1\n\"1,23\"\n").1 == ["3:2: \"1,23\" is not a number (column n, which holds numbers)"])
    }

    @Test func readsAnArrayOfFlatObjects() throws {
        let (table, problems) = json(#"{"results": [{"name": "a", "ns_per_op": 120}, {"name": "b", "ns_per_op": 98.5}]}"#, "results")
        #expect(problems.isEmpty)
        let t = try #require(table)
        #expect(t.columns.map(\.name) == ["name", "ns_per_op"])
        guard case .numbers(let ns) = t.column(named: "ns_per_op")!.content else { Issue.record("ns"); return }
        #expect(ns == [120, 98.5])
    }

    @Test func locatesJSONProblems() {
        #expect(json("[{\"a\": 1},\n {\"a\": }]").1 == ["2:8: JSON does not parse: expected a JSON value"])
        #expect(json(#"{"results": []}"#, "runs").1 == ["1:1: there is no key `runs` here (key path `runs`)"])
        #expect(json("[{\"a\": 1}, {\"b\": 2}]").1.contains("1:12: this row has no `a`; every row needs every column"))
        #expect(json(String(repeating: "[", count: 100_000)).1.first?.contains("nest more than 64 levels") == true)
    }
}
