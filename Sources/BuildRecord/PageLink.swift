import Diagnostics

/// A link or image of an essay that points inside the site, as written and where: every build
/// checks it again (`LinkCheck`), also for pages kept from the last build, so a link broken by
/// another essay's removal is reported even though its own page did not change. Recorded with
/// the page, because a kept page is not parsed again.
public struct PageLink: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    public var location: SourceLocation

    public init(destination: String, isImage: Bool, location: SourceLocation) {
        self.destination = destination; self.isImage = isImage; self.location = location
    }
}
