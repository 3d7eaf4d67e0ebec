import Foundation
import Site
import Testing

/// The theme's words and dates follow `language` for English, German, French and Spanish.
@Suite struct ThemeWordsTests {
    func site(_ language: String) throws -> InlineSite {
        try InlineSite("""
        -- site.yml --
        language: \(language)
        page_size: 1
        -- Content/a.md --
        ---
        title: A
        date: 2026-03-14
        tags: [x]
        ---
        A.
        -- Content/b.md --
        ---
        title: B
        date: 2026-05-01
        ---
        B.
        """)
    }

    @Test(arguments: [
        ("en", "14 March 2026", "1 min read", "← Newer", "Older →", ">Tags<", "Tagged “x”"),
        ("de", "14. März 2026", "1 Min. Lesezeit", "← Neuer", "Älter →", ">Schlagwörter<", "Schlagwort „x“"),
        ("fr", "14 mars 2026", "1 min de lecture", "← Plus récent", "Plus ancien →", ">Étiquettes<", "Étiquette « x »"),
        ("es-MX", "14 de marzo de 2026", "1 min de lectura", "← Más reciente", "Más antiguo →", ">Etiquetas<", "Etiqueta «x»"),
    ])
    func wordsFollowTheLanguage(_ words: (String, String, String, String, String, String, String)) throws {
        let (language, date, minutes, newer, older, tags, tagged) = words
        let site = try site(language)
        defer { site.cleanUp() }
        #expect(site.build().diagnostics.isEmpty)
        let page = try site.output("a/index.html")
        #expect(page.contains(">\(date)</time>") && page.contains(minutes), "\(language)")
        #expect(page.contains(tags))
        let home = try site.output("index.html")
        #expect(home.contains(older) && home.contains(minutes))
        #expect(try site.output("page/2/index.html").contains(newer))
        #expect(try site.output("tags/x/index.html").contains(tagged))
    }

    @Test func otherLanguagesFallBackToEnglishWithOneWarning() throws {
        let site = try site("nl")
        defer { site.cleanUp() }
        let report = site.build()
        #expect(site.messages(report) == ["site.yml:1:11: warning: the theme has no words for language `nl`; pages use English"])
        #expect(try site.output("a/index.html").contains("14 March 2026"))
        #expect(try site.output("a/index.html").contains(#"<html lang="nl">"#))
    }
}
