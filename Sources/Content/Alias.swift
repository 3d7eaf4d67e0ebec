/// An old address that redirects to an essay (`aliases: [/old/path/]`, as in Hugo).
public enum Alias {
    /// The output file of an alias: `/old/path/` and `old/path` → `old/path/index.html`,
    /// `/old/page.html` → `old/page.html`. Nil when it is no path on this site (a URL with a
    /// scheme, `..`, the site root, or a query or fragment).
    public static func outputFile(_ raw: String) -> String? {
        let trimmed = raw.trimmedWhitespace
        guard !trimmed.contains("://"), !trimmed.contains("?"), !trimmed.contains("#"), !trimmed.contains("\\") else {
            return nil
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let path = parts.joined(separator: "/")
        if path.hasSuffix(".html") || path.hasSuffix(".htm") { return path }
        return path + "/index.html"
    }
}
