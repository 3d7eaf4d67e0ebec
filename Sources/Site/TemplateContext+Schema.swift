import Theme

/// What `TemplateContext` and the page writers give each template, as a shape templates are
/// checked against when they load (`TemplateNameCheck`): the README's table of keys, in code.
/// A key added to a context is added here too, or a theme that reads it gets a warning
/// (`TemplateSchemaTests` checks the built-in theme reads nothing outside it).
extension TemplateContext {
    static let schemas: [String: TemplateSchema] = [
        "page": essayPage, "list": listPage, "tags": tagsPage, "404": common(), "summary": summaryItem,
    ]

    private static func object(_ fields: [String: TemplateSchema]) -> TemplateSchema { .object(fields) }

    private static let date = object(["rfc3339": .value, "iso": .value, "readable": .value])
    private static let link = object(["title": .value, "href": .value])

    /// `site`, `root`, `pageTitle`, `canonical`, `description`, `og`, `words`, `favicon`.
    private static func common(_ more: [String: TemplateSchema] = [:]) -> TemplateSchema {
        var fields: [String: TemplateSchema] = [
            "site": object(["title": .value, "language": .value, "baseURL": .value, "description": .value,
                            "author": .value]),
            "root": .value, "pageTitle": .value, "canonical": .value, "description": .value,
            "og": object(["title": .value, "type": .value, "card": .value, "image": .value]),
            "words": .any,
            "favicon": object(["href": .value, "type": .value]),
        ]
        fields.merge(more) { $1 }
        return .object(fields)
    }

    private static let contentsEntry: TemplateSchema = object([
        "title": .value, "titleHTML": .value, "id": .value, "href": .value, "level": .value, "hasChildren": .value,
        "children": .list(object(["title": .value, "titleHTML": .value, "id": .value, "href": .value,
                                  "level": .value, "hasChildren": .value, "children": .list(.any)])),
    ])

    private static let essayPage = common([
        "page": object([
            "title": .value, "href": .value, "url": .value, "content": .value, "readingTime": .value, "words": .value,
            "summary": .value, "meta": .any, "tags": .list(object(["name": .value, "href": .value])),
            "hasTags": .value, "draft": .value, "toc": .list(contentsEntry), "hasToc": .value, "scheduled": date,
            "date": date, "updated": date, "author": .value,
        ]),
        "newer": link, "older": link, "hasNeighbours": .value,
    ])

    private static let summaryItem: TemplateSchema = object([
        "title": .value, "titleHTML": .value, "href": .value, "readingTime": .value, "date": date, "words": .any,
        "summary": .value, "summaryHTML": .value, "html": .value,
    ])

    private static let listPage = common([
        "heading": .value, "tagFeed": link, "introHTML": .value, "intro": .value, "essays": .list(summaryItem),
        "hasEssays": .value, "pagination": object(["current": .value, "total": .value, "newer": .value, "older": .value]),
    ])

    private static let tagsPage = common([
        "tags": .list(object(["name": .value, "href": .value, "count": .value])), "hasTags": .value,
    ])
}
