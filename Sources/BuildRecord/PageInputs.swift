/// Everything an essay's page is made from. Its `key` is what the build record stores for the
/// page: when every input is the same, the page the output folder holds is the page this build
/// would write, so it is kept instead of rendered. Every input a page can have is named here, in
/// one place, so that adding a kind of input (data files, model files) cannot miss one of the
/// places a key used to be assembled in.
public struct PageInputs: Sendable {
    /// A page's "newer" or "older" link: the neighbour's title and address are on the page.
    public struct Neighbour: Sendable {
        public var relation: String
        public var title: String
        public var address: String

        public init(relation: String, title: String, address: String) {
            self.relation = relation; self.title = title; self.address = address
        }
    }

    /// A file besides the essay that the page read (a data file), relative to the content folder,
    /// with the fingerprint of its bytes, or of its absence.
    public struct InputFile: Sendable {
        public var path: String
        public var fingerprint: String

        public init(path: String, fingerprint: String) {
            self.path = path; self.fingerprint = fingerprint
        }
    }

    /// `templateKey`: costmark, the settings, and the texts of the templates the page renders with.
    public var templates: String
    /// The essay's path below the content folder and the fingerprint of its bytes.
    public var source: String
    public var sourceHash: UInt64
    /// The page's address.
    public var address: String
    /// Whether the feeds carry its body (then its HTML is kept for them).
    public var inFeeds: Bool
    /// A page dated in the future says so until its date.
    public var scheduled: Bool
    public var neighbours: [Neighbour] = []
    /// Each internal link's destination as this build resolves it ("as written" when it is not
    /// rewritten): another essay's new slug changes the pages that link to it.
    public var linkTargets: [String] = []
    public var inputFiles: [InputFile] = []
    /// What the page's entry on list pages shows that its file alone does not decide: the
    /// summary and reading time of a page whose numbers come from data files ("" otherwise).
    public var listedAs = ""

    public init(templates: String, source: String, sourceHash: UInt64, address: String, inFeeds: Bool, scheduled: Bool) {
        self.templates = templates; self.source = source; self.sourceHash = sourceHash
        self.address = address; self.inFeeds = inFeeds; self.scheduled = scheduled
    }

    /// The fingerprint of every input, as the build record stores it.
    public var key: String {
        var fingerprint = Fingerprint()
        fingerprint.add(templates)
        fingerprint.add(source)
        fingerprint.add(address)
        fingerprint.add(inFeeds ? "feed" : "page")
        fingerprint.add(scheduled ? "scheduled" : "published")
        for neighbour in neighbours {
            fingerprint.add(neighbour.relation)
            fingerprint.add(neighbour.title)
            fingerprint.add(neighbour.address)
        }
        fingerprint.add(String(sourceHash, radix: 16))
        fingerprint.add(inputFiles.count)
        for file in inputFiles {
            fingerprint.add(file.path)
            fingerprint.add(file.fingerprint)
        }
        for target in linkTargets { fingerprint.add(target) }
        return fingerprint.hex
    }

    /// What list pages show of the essay (title, date, summary, reading time, address): its file,
    /// its address, and what it was rendered as when data files took part, whatever its
    /// neighbours or templates. A data edit that leaves the summary alone leaves the lists alone.
    public var entryKey: String {
        var fingerprint = Fingerprint()
        fingerprint.add(source)
        fingerprint.add(address)
        fingerprint.add(String(sourceHash, radix: 16))
        fingerprint.add(listedAs)
        return fingerprint.hex
    }

    /// What every output file depends on besides its own sources and templates: costmark itself,
    /// the record's format, the settings, and the flags that change output. When it changes, the
    /// output folder is built afresh.
    public static func siteKey(costmarkVersion: String, settings: String, flags: [String]) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(costmarkVersion)
        fingerprint.add(String(BuildManifest.formatVersion))
        fingerprint.add(settings)
        for flag in flags { fingerprint.add(flag) }
        return fingerprint.hex
    }

    /// The site key with the text of every template a kind of page renders with.
    public static func templateKey(siteKey: String, templates: [(name: String, text: String)]) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(siteKey)
        for template in templates {
            fingerprint.add(template.name)
            fingerprint.add(template.text)
        }
        return fingerprint.hex
    }
}
