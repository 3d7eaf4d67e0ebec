/// A folder of `Content/` as a list page at its address (`Content/guides/` → `guides/`),
/// listing every essay beneath it. Its `_index.md`, when there is one, gives the page a title
/// and an introduction instead of becoming an essay.
struct SiteSection: Sendable {
    /// The folder below `Content/` (`guides`, `guides/setup`); "" for the home page.
    var folder: String
    var route: Route
    var title: String
    /// The `_index.md` body as HTML.
    var introHTML: String?
    /// Its `description` or `summary`, for the page's meta description.
    var description: String?
    /// Indices into `SitePlan.essays`, in list order.
    var members: [Int]
}
