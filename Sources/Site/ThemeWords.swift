import Content

/// The default theme's words in the site's `language`: English, German, French and Spanish.
/// Templates see them as `words.KEY` (`{{words.minRead}}`); dates get the language's month
/// names and order. Other languages fall back to English, with one warning per build.
struct ThemeWords: Sendable {
    let words: [String: String]
    let months: [String]
    /// How a date reads: day, month name, year.
    let format: @Sendable (_ day: Int, _ month: String, _ year: Int) -> String
    /// A tag's heading, around the tag's name.
    let tagged: @Sendable (_ name: String) -> String

    /// The words for a language tag (`de`, `de-AT`, `fr_CA`); nil when costmark has none.
    static func forLanguage(_ language: String) -> ThemeWords? {
        let base = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        switch base {
        case "en": return english
        case "de": return german
        case "fr": return french
        case "es": return spanish
        default: return nil
        }
    }

    static func resolved(_ language: String) -> ThemeWords { forLanguage(language) ?? english }

    func readable(_ date: SiteDate) -> String { format(date.day, months[date.month - 1], date.year) }

    static let english = ThemeWords(
        words: ["minRead": "min read", "tags": "Tags", "newer": "Newer", "older": "Older", "feed": "Feed",
                "skip": "Skip to content", "page": "Page", "of": "of", "noEssays": "No essays yet.",
                "noTags": "No tags yet.", "updated": "updated", "scheduled": "Scheduled:",
                "notPublished": "not published before then", "dated": "dated", "notFound": "Page not found",
                "notFoundText": "There is nothing at this address. The", "homePage": "home page",
                "listsEvery": "lists every essay.", "moreEssays": "More essays", "pages": "Pages", "site": "Site",
                "writtenBy": "Written by", "computed": "Numbers computed by costmark."],
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"],
        format: { "\($0) \($1) \($2)" }, tagged: { "Tagged “\($0)”" })

    static let german = ThemeWords(
        words: ["minRead": "Min. Lesezeit", "tags": "Schlagwörter", "newer": "Neuer", "older": "Älter", "feed": "Feed",
                "skip": "Zum Inhalt", "page": "Seite", "of": "von", "noEssays": "Noch keine Essays.",
                "noTags": "Noch keine Schlagwörter.", "updated": "aktualisiert", "scheduled": "Geplant:",
                "notPublished": "erscheint nicht vorher", "dated": "datiert auf", "notFound": "Seite nicht gefunden",
                "notFoundText": "Unter dieser Adresse gibt es nichts. Die", "homePage": "Startseite",
                "listsEvery": "führt alle Essays auf.", "moreEssays": "Weitere Essays", "pages": "Seiten",
                "site": "Website", "writtenBy": "Geschrieben von", "computed": "Zahlen berechnet von costmark."],
        months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                 "November", "Dezember"],
        format: { "\($0). \($1) \($2)" }, tagged: { "Schlagwort „\($0)“" })

    static let french = ThemeWords(
        words: ["minRead": "min de lecture", "tags": "Étiquettes", "newer": "Plus récent", "older": "Plus ancien",
                "feed": "Flux", "skip": "Aller au contenu", "page": "Page", "of": "sur",
                "noEssays": "Aucun essai pour l’instant.",
                "noTags": "Aucune étiquette pour l’instant.", "updated": "mis à jour", "scheduled": "Programmé :",
                "notPublished": "pas publié avant cette date", "dated": "daté du", "notFound": "Page introuvable",
                "notFoundText": "Il n’y a rien à cette adresse. La", "homePage": "page d’accueil",
                "listsEvery": "liste tous les essais.", "moreEssays": "Autres essais", "pages": "Pages", "site": "Site",
                "writtenBy": "Écrit par", "computed": "Chiffres calculés par costmark."],
        months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"],
        format: { "\($0) \($1) \($2)" }, tagged: { "Étiquette « \($0) »" })

    static let spanish = ThemeWords(
        words: ["minRead": "min de lectura", "tags": "Etiquetas", "newer": "Más reciente", "older": "Más antiguo",
                "feed": "Feed", "skip": "Ir al contenido", "page": "Página", "of": "de",
                "noEssays": "Aún no hay ensayos.",
                "noTags": "Aún no hay etiquetas.", "updated": "actualizado", "scheduled": "Programado:",
                "notPublished": "no se publica antes", "dated": "con fecha", "notFound": "Página no encontrada",
                "notFoundText": "No hay nada en esta dirección. La", "homePage": "página de inicio",
                "listsEvery": "enumera todos los ensayos.", "moreEssays": "Más ensayos", "pages": "Páginas",
                "site": "Sitio", "writtenBy": "Escrito por", "computed": "Números calculados por costmark."],
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre"],
        format: { "\($0) de \($1) de \($2)" }, tagged: { "Etiqueta «\($0)»" })
}
