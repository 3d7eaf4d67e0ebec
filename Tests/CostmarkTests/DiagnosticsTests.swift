import Diagnostics
import Testing

@Suite struct DiagnosticsTests {
    @Test func locatesOffsetsByLineAndCharacterColumn() {
        let file = SourceFile(path: "a.md", text: "first\nsé cond\nthird")
        let location = file.location(ofUTF8Offset: "first\nsé ".utf8.count)
        #expect(location.line == 2)
        #expect(location.column == 4)
        #expect(location.lineText == "sé cond")
        #expect(file.line(3) == "third")
        #expect(file.lineCount == 3)
    }

    @Test func rendersLikeTheSwiftCompiler() {
        let file = SourceFile(path: "Content/x.md", text: "---\ndate: 2024-13-01\n---\n")
        let diagnostic = Diagnostic.error("unparseable date", at: file.location(line: 2, column: 7, length: 10),
                                          notes: [.init("write YYYY-MM-DD")])
        let text = DiagnosticRenderer().render(diagnostic)
        #expect(text == """
        Content/x.md:2:7: error: unparseable date
        date: 2024-13-01
              ^~~~~~~~~~
        note: write YYYY-MM-DD

        """)
    }

    @Test func caretStaysAlignedAfterTabs() {
        let location = SourceLocation(file: "f", line: 1, column: 2, lineText: "\tx")
        let text = DiagnosticRenderer().render(.error("bad", at: location))
        #expect(text.hasSuffix("    x\n    ^\n"))
    }

    @Test func fileLevelLocationsHaveNoCaret() {
        let text = DiagnosticRenderer().render(.error("cannot read file", at: .file("Content/a.md")))
        #expect(text == "Content/a.md: error: cannot read file\n")
    }

    @Test func sortsByFileLineAndColumn() {
        let a = Diagnostic.error("a", at: SourceLocation(file: "b.md", line: 1, column: 1))
        let b = Diagnostic.error("b", at: SourceLocation(file: "a.md", line: 9, column: 1))
        let c = Diagnostic.error("c", at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(Diagnostic.sortedForReport([a, b, c]).map(\.message) == ["c", "b", "a"])
    }

    @Test func suggestsCloseNamesOnly() {
        #expect(Suggestion.closest(to: "heder", in: ["header", "footer", "page"]) == "header")
        #expect(Suggestion.closest(to: "xyz", in: ["header", "footer"]) == nil)
        #expect(Suggestion.closest(to: "titel", in: ["title", "toc"]) == "title", "a swap of neighbours is one edit")
        #expect(Suggestion.editDistance("ab", "ba") == 1 && Suggestion.editDistance("abc", "ca") == 3)
    }
}

@Suite struct LongLineDiagnosticsTests {
    @Test func longSourceLinesAreCutToAWindowAroundTheCaret() {
        let text = String(repeating: "a", count: 5_000) + "XYZ" + String(repeating: "b", count: 5_000)
        let file = SourceFile(path: "t.md", text: text)
        let diagnostic = Diagnostic.error("here", at: file.location(line: 1, column: 5_001, length: 3))
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].count <= DiagnosticRenderer.lineWindow + 2)
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
        let caret = lines[2].firstIndex(of: "^")!
        let offset = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(Array(lines[1])[offset...].prefix(3) == ["X", "Y", "Z"])
    }
}
