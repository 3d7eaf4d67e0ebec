/// The theme compiled into the binary, so a site with no `Templates/` folder builds and a copied
/// binary needs no resource folder beside it. A file of the same name in `Templates/` replaces
/// any of these.
public enum DefaultTheme {
    /// Mustache templates by name (`page` is `page.mustache` in a Templates folder).
    public static let templates: [String: String] = [
        "base": base,
        "head": head,
        "header": header,
        "footer": footer,
        "summary": summary,
        "page": page,
        "list": list,
        "tags": tags,
        "404": notFound,
    ]

    /// Files written to the output root as they are.
    public static let assets: [String: String] = [
        "style.css": stylesheet,
    ]
}
