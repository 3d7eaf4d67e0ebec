import DataFiles
import Diagnostics
import ScenarioSyntax
import Semantics
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The reader's own decimal conversion (no `strtod` for plain numbers) must give the very
    /// Double `strtod` gives, for every shape of number a cell may hold.
    @Test func numbersReadExactlyAsStrtodReadsThem() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(next(10))) }) }
        func grouped(_ text: String) -> String {
            var result = "", rest = Substring(text)
            while rest.count > 3 {
                result = "," + rest.suffix(3) + result
                rest = rest.dropLast(3)
            }
            return rest + result
        }
        var cells: [String] = ["0", "-0", "007", "+5", "5.", "0.1", "0.3", "1,000.", "  42 ", "9007199254740993",
                               "123456789012345", "1234567890123456", "0.000000000000001", "1e6", "-2.5E-3", ".5"]
        for _ in 0..<3_000 {
            let integer = digits(1 + next(12))
            let whole = next(3) == 0 ? grouped(String(Int(integer)!)) : integer
            let fraction = next(2) == 0 ? "" : "." + digits(1 + next(9))
            cells.append((next(4) == 0 ? "-" : "") + whole + fraction)
        }
        let text = "n\n" + cells.map { "\"\($0)\"" }.joined(separator: "\n") + "\n"
        let (table, problems) = csv(text)
        #expect(problems.isEmpty)
        guard case .numbers(let values) = try #require(table).columns[0].content else {
            Issue.record("not read as numbers")
            return
        }
        for (cell, value) in zip(cells, values) {
            let plain = cell.filter { $0 != "," && $0 != " " }
            let expected = strtod(plain, nil)
            #expect(value.bitPattern == expected.bitPattern, "\(cell): \(value) but strtod gives \(expected)")
        }
    }

    @Test func quotedCellsKeepQuotesAndLineBreaksAndAnyLineEnding() throws {
        let text = "name,n\r\n\"say \"\"hi\"\"\",1\r\n\"two\nlines\",2\r\n\"\"\"\"\"\",3\r\n"
        let (table, problems) = csv(text)
        #expect(problems.isEmpty)
        let t = try #require(table)
        guard case .text(let names) = t.columns[0].content, case .numbers(let numbers) = t.columns[1].content else {
            Issue.record("columns typed wrongly")
            return
        }
        #expect(names == ["say \"hi\"", "two\nlines", "\"\""])
        #expect(numbers == [1, 2, 3])
        #expect(t.rowLines == [2, 3, 5])
        #expect(csv("n\n1\n\"1\"\"2\"\n").1 == ["3:2: \"1\"2\" is not a number (column n, which holds numbers)"])
    }

    /// A header's unit is read once per table; one that does not read is reported where it is
    /// written in the file, and only when its column is used.
    @Test func headerUnitsAreCheckedWhereTheyAreWritten() {
        let data = InMemoryData(["w.csv": "n,size (GiBs)\n1,2\n"])
        func problems(_ block: String) -> [String] {
            let (_, diagnostics) = ScenarioCompiler.compile(name: "main", fragment: SourceFragment(standalone: block, path: "e.md"),
                                                            data: data)
            return diagnostics.map { "\($0.location?.file ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" }
        }
        #expect(problems("w = csv(\"w.csv\")\nx = w.n") == [])
        #expect(problems("w = csv(\"w.csv\")\nx = w.size\ny = w.size * 2") == ["w.csv:1:9: `GiBs` is not a unit",
                                                                             "w.csv:1:9: `GiBs` is not a unit"])
    }
}
