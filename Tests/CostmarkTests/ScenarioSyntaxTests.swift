import Diagnostics
import ScenarioSyntax
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFragment(standalone: text, path: "t")).0.map(\.kind)
    }

    @Test func readsNumbersWithSeparatorsSuffixesAndExponents() {
        #expect(kinds("1_000 100k 2.5M 1e6 3.25") == [
            .number(1000, decimals: 0, scale: 1), .number(100_000, decimals: 0, scale: 1000), .number(2_500_000, decimals: 1, scale: 1e6),
            .number(1e6, decimals: 0, scale: 1), .number(3.25, decimals: 2, scale: 1), .end,
        ])
    }

    @Test func acceptsThousandsCommasOnlyAfterACurrency() {
        #expect(kinds("$100,000") == [.currency("$"), .number(100_000, decimals: 0, scale: 1), .end])
        #expect(kinds("max(1,200)") == [.identifier("max"), .leftParen, .number(1, decimals: 0, scale: 1), .comma,
                                        .number(200, decimals: 0, scale: 1), .rightParen, .end])
    }

    @Test func readsSymbolsOperatorsAndComments() {
        #expect(kinds("€30 5% 12.6× a <= b # note\nc") == [
            .currency("€"), .number(30, decimals: 0, scale: 1), .number(5, decimals: 0, scale: 1), .percent,
            .number(12.6, decimals: 1, scale: 1), .times, .identifier("a"), .lessEqual, .identifier("b"), .newline, .identifier("c"), .end,
        ])
    }

    @Test func spansAreByteOffsets() {
        let tokens = Lexer.tokenize(SourceFragment(standalone: "é = 1", path: "t")).0
        #expect(tokens[0].span == SourceSpan(0, 2))
        #expect(tokens[2].span == SourceSpan(5, 6))
    }

    @Test func reportsUnexpectedCharactersWithTheirLocation() {
        let (_, diagnostics) = Lexer.tokenize(SourceFragment(standalone: "a = 1 ? 2", path: "t.scenario"))
        #expect(diagnostics.first?.message == "unexpected character `?`")
        #expect(diagnostics.first?.location?.column == 7)
    }
}

@Suite struct ParserTests {
    func parse(_ text: String) -> [String] {
        let (statements, diagnostics) = Parser.parseBlock(SourceFragment(standalone: text, path: "t"))
        return statements.map(\.description) + diagnostics.map { "error: \($0.message)" }
    }

    @Test func precedenceAndJuxtaposition() {
        #expect(parse("hourly = salary / (250 days/year * 8 hours/day)") ==
                ["hourly = (/ salary (/ (* (/ (· 250 days) year) (· 8 hours)) day))"])
        #expect(parse("x = -2 ^ 2 ^ 3") == ["x = (- (^ 2 (^ 2 3)))"])
        #expect(parse("x = 1 + 2 * 3 - 4") == ["x = (- (+ 1 (* 2 3)) 4)"])
        #expect(parse("m = floor(1.05 ^ (4m))") == ["m = (floor (^ 1.05 (· 4 m)))"])
    }

    @Test func moneyPercentagesAndConversions() {
        #expect(parse("price = $20/month") == ["price = (/ ($ 20) month)"])
        #expect(parse("g = 5%/week") == ["g = (/ (% 5) week)"])
        #expect(parse("d = hourly as $/day") == ["d = (as hourly (/ $ day))"])
        #expect(parse("p = x as %") == ["p = (as x %)"])
        #expect(parse("e = 30 EUR + €5") == ["e = (+ (· 30 EUR) (€ 5))"])
    }

    @Test func conditionsAndLogic() {
        #expect(parse("c = if a > b and not d == e then 1 else 2") == ["c = (if (and (> a b) (not (== d e))) 1 2)"])
    }

    @Test func unitsAndTimeline() {
        #expect(parse("unit machine\nunit month = 4 weeks\ntimeline = 0..12 months") ==
                ["unit machine", "unit month = (· 4 weeks)", "timeline 0..12 months"])
    }

    @Test func newlinesInsideParenthesesContinueTheLine() {
        #expect(parse("x = max(1,\n  2)") == ["x = (max 1 2)"])
    }

    @Test func reportsEveryBadLineAndKeepsTheGoodOnes() {
        #expect(parse("a = 1 +\nb = 2\nc == 3\nd = (4") == [
            "b = 2",
            "error: expected a value, found the end of the line",
            "error: use `=` to define a name; `==` compares",
            "error: expected `)`, found the end of the block",
        ])
    }

    @Test func inlineExpressionsWithClaimsAndFormats() throws {
        let (inline, diagnostics) = Parser.parseInline(SourceFragment(standalone: " total = $1,140 | 2 decimals ", path: "t"))
        #expect(diagnostics.isEmpty)
        let parsed = try #require(inline)
        #expect(parsed.expression.description == "total")
        #expect(parsed.claim?.description == "($ 1140)")
        #expect(parsed.format == .decimals(2))
    }

    @Test func errorsInsideAFragmentPointAtTheEssay() {
        let file = SourceFile(path: "x.md", text: "line 1\nline 2\n  ```scenario\n  a = 1 +\n  ```\n")
        let fragment = SourceFragment(text: "a = 1 +\n", file: file, startLine: 4, startColumn: 3, continuationColumn: 3)
        let (_, diagnostics) = Parser.parseBlock(fragment)
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.location?.column == 10)
        #expect(diagnostics.first?.location?.lineText == "  a = 1 +")
    }
}
