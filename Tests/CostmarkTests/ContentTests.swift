import Content
import Diagnostics
import Foundation
import Testing

@Suite struct SiteDateTests {
    @Test func parsesDatesTimesAndZones() throws {
        let plain = try #require(SiteDate(parsing: "2026-03-14"))
        #expect(plain.rfc3339 == "2026-03-14T00:00:00Z")
        let zoned = try #require(SiteDate(parsing: "2026-03-14T09:30:15+01:00"))
        #expect(zoned.rfc3339 == "2026-03-14T09:30:15+01:00")
        #expect(zoned.epochSeconds == plain.epochSeconds + 8 * 3600 + 30 * 60 + 15)
        let spaced = try #require(SiteDate(parsing: "2026-03-14 09:30"))
        #expect(spaced.rfc3339 == "2026-03-14T09:30:00Z")
        #expect(SiteDate(parsing: "2024-02-29") != nil)
    }

    @Test(arguments: ["2026-13-01", "2026-02-29", "2026-3-14", "14/03/2026", "2026-03-14T25:00", "2026-03-14x", "tomorrow", ""])
    func rejectsInvalidDates(_ raw: String) {
        #expect(SiteDate(parsing: raw) == nil)
    }

    @Test func formatsForFeedsAndPeople() throws {
        let date = try #require(SiteDate(parsing: "2026-03-14"))
        #expect(date.rfc822 == "Sat, 14 Mar 2026 00:00:00 +0000")
        #expect(date.readable == "14 March 2026")
        #expect(try #require(SiteDate(parsing: "1970-01-01")).epochSeconds == 0)
        #expect(try #require(SiteDate(parsing: "2000-03-01")).rfc822.hasPrefix("Wed, 01 Mar 2000"))
    }
}

@Suite struct FrontMatterTests {
    func parse(_ text: String) -> (ParsedEssay?, [Diagnostic]) {
        let (essay, diagnostics) = FrontMatterParser.parse(SourceFile(path: "x.md", text: text))
        return (essay, diagnostics)
    }

    @Test func readsKnownAndUnknownKeys() throws {
        let (essay, diagnostics) = parse("""
        ---
        title: "Machines: a story"
        date: 2026-01-02
        tags: [a, b]
        draft: false
        slug: machines
        cover: img.png
        extra:
          nested: [1, 2]
        ---
        Body here.
        """)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(essay)
        #expect(parsed.frontMatter.title == "Machines: a story")
        #expect(parsed.frontMatter.tags == ["a", "b"])
        #expect(parsed.frontMatter.slug == "machines")
        #expect(parsed.frontMatter.extra["cover"] == .text("img.png"))
        #expect(parsed.frontMatter.extra["extra"] == .table(["nested": .list([.text("1"), .text("2")])]))
        #expect(parsed.body == "Body here.")
        #expect(parsed.bodyFirstLine == 11)
    }

    @Test func acceptsCommaSeparatedTagsAndCRLF() throws {
        let (essay, _) = parse("---\r\ntitle: T\r\ntags: one, two\r\n---\r\nBody")
        #expect(try #require(essay).frontMatter.tags == ["one", "two"])
    }

    @Test func locatesYAMLErrorsInsideTheFile() {
        let (essay, diagnostics) = parse("---\ntitle: [oops\ndate: 2026-01-01\n---\n")
        #expect(essay == nil)
        let location = diagnostics.first?.location
        #expect(location?.line == 3)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func reportsEveryProblemOfTheHeader() {
        let (_, diagnostics) = parse("---\ndate: 2026-02-30\ndraft: maybe\nslug: a/b\n---\n")
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("missing `title` in front matter"))
        #expect(messages.contains { $0.hasPrefix("unparseable date \"2026-02-30\"") })
        #expect(messages.contains { $0.hasPrefix("`draft` must be true or false") })
        #expect(messages.contains { $0.hasPrefix("`slug` may hold only") })
        #expect(diagnostics.first { $0.message.hasPrefix("unparseable") }?.location?.line == 2)
        #expect(diagnostics.first { $0.message.hasPrefix("unparseable") }?.location?.column == 7)
    }

    @Test func requiresFrontMatter() {
        let (_, diagnostics) = parse("# Just markdown\n")
        #expect(diagnostics.first?.message.hasPrefix("missing front matter") == true)
    }

    @Test func rejectsAHeaderThatIsNotAMapping() {
        let (_, diagnostics) = parse("---\n- a\n- b\n---\n")
        #expect(diagnostics.first?.message.contains("found a list") == true)
    }
}

@Suite struct TextDecodingTests {
    @Test func locatesTheFirstInvalidByte() {
        var bytes = Array("---\ntitle: caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\n---\n".utf8)
        guard case .failure(let diagnostic) = TextDecoding.decode(Data(bytes), displayPath: "e.md") else {
            Issue.record("expected a decoding failure")
            return
        }
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 11)
        #expect(diagnostic.message.contains("not valid UTF-8"))
    }

    @Test func stripsAByteOrderMark() throws {
        guard case .success(let file) = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("hi".utf8)), displayPath: "b.md") else {
            Issue.record("expected success")
            return
        }
        #expect(file.text == "hi")
    }
}

@Suite struct SiteSettingsTests {
    @Test func readsSettingsAndNormalizesTheBaseURL() throws {
        let (settings, diagnostics) = SiteSettings.parse(SourceFile(path: "site.yml", text: "title: T\nbase_url: https://x.org/blog\npage_size: 5\n"))
        #expect(diagnostics.isEmpty)
        #expect(settings?.baseURL == "https://x.org/blog/")
        #expect(settings?.basePath == "/blog/")
        #expect(settings?.pageSize == 5)
    }

    @Test func warnsOnUnknownKeysAndFailsOnBadValues() {
        let (settings, diagnostics) = SiteSettings.parse(SourceFile(path: "site.yml", text: "baseurl: x\npage_size: zero\n"))
        #expect(settings == nil)
        #expect(diagnostics.contains { $0.severity == .warning && $0.notes.first?.message == "did you mean `base_url`?" })
        #expect(diagnostics.contains { $0.severity == .error && $0.location?.line == 2 })
    }

    @Test func defaultsWhenTheFileIsAbsent() {
        let (settings, diagnostics) = SiteSettings.load(path: "/nonexistent/site.yml", displayPath: "site.yml")
        #expect(settings == SiteSettings())
        #expect(diagnostics.isEmpty)
    }
}
