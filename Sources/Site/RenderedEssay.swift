/// What the list pages and feeds need from an essay once its page has been rendered and written.
struct RenderedEssay: Sendable {
    var summary: String
    var readingTime: Int
    /// The body HTML, kept only for essays that appear in the feeds, so memory stays flat as a site grows.
    var feedHTML: String?
}
