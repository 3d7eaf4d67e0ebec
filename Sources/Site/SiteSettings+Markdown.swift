import Content
import Markdown

extension SiteSettings {
    /// `heading_ids:` as the Markdown stage takes it (the settings are read before it exists).
    var headingIDScheme: HeadingIDScheme { HeadingIDScheme(rawValue: headingIDs) ?? .costmark }
}
