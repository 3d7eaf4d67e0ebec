import Content
import Diagnostics
import FileSupport

/// A compact binary encoding for the build manifest: variable-length integers and
/// length-prefixed UTF-8. A 10,000-essay manifest must load in milliseconds on every rebuild,
/// which rules out JSON or YAML here.
public struct ManifestWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    public mutating func add(_ value: Int64) { add(UInt64(bitPattern: value)) }
    public mutating func add(_ value: Int) { add(Int64(value)) }
    public mutating func add(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    public mutating func add(_ text: String) {
        let utf8 = text.utf8
        add(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    public mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    public mutating func append(_ slice: ArraySlice<UInt8>) { bytes.append(contentsOf: slice) }

    public mutating func add<T>(_ value: T?, _ encode: (inout ManifestWriter, T) -> Void) {
        guard let value else { return add(false) }
        add(true)
        encode(&self, value)
    }
}

/// Reads what `ManifestWriter` wrote; any damage (a truncated file, a wrong tag) throws, and
/// the build then treats the manifest as absent.
public struct ManifestReader {
    public struct Damaged: Error {}

    private let bytes: [UInt8]
    public private(set) var offset: Int
    public var isAtEnd: Bool { offset == bytes.count }

    public init(_ bytes: [UInt8], at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public mutating func uint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A number of items to follow: each takes at least a byte, so more than the bytes left
    /// means damage (and must not reach `reserveCapacity`).
    public mutating func count() throws -> Int {
        let value = try uint()
        guard value <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(value)
    }

    public mutating func int64() throws -> Int64 { Int64(bitPattern: try uint()) }
    public mutating func int() throws -> Int { Int(try int64()) }

    public mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    public mutating func string() throws -> String {
        let count = try self.count()
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }
    }

    /// Steps over a string without decoding it.
    public mutating func skipString() throws {
        offset += try count()
    }

    public mutating func optional<T>(_ decode: (inout ManifestReader) throws -> T) throws -> T? {
        try bool() ? try decode(&self) : nil
    }
}

// MARK: - The values the manifest holds

extension ManifestWriter {
    public mutating func add(_ stamp: FileStamp) {
        add(stamp.size); add(stamp.modified); add(stamp.changed); add(stamp.inode)
    }

    public mutating func add(_ date: SiteDate) {
        for part in [date.year, date.month, date.day, date.hour, date.minute, date.second, date.offsetMinutes] { add(part) }
        add(date.hasTime)
    }

    public mutating func add(_ location: SourceLocation) {
        add(location.file); add(location.line); add(location.column); add(location.length)
        add(location.lineText) { $0.add($1) }
    }

    public mutating func add(_ value: MetaValue) {
        switch value {
        case .text(let text): add(0 as UInt64); add(text)
        case .flag(let flag): add(1 as UInt64); add(flag)
        case .list(let items):
            add(2 as UInt64); add(UInt64(items.count))
            for item in items { add(item) }
        case .table(let table):
            add(3 as UInt64); add(UInt64(table.count))
            // Sorted, so the same front matter always gives the same bytes.
            for key in table.keys.sorted() { add(key); add(table[key]!) }
        }
    }

    public mutating func add(_ front: FrontMatter) {
        add(front.title)
        add(front.date) { $0.add($1) }
        add(front.updated) { $0.add($1) }
        add(UInt64(front.tags.count))
        for tag in front.tags { add(tag) }
        add(front.summary) { $0.add($1) }
        add(front.draft)
        add(front.slug) { $0.add($1) }
        add(front.author) { $0.add($1) }
        add(.table(front.extra))
        add(front.slugLocation) { $0.add($1) }
        add(front.tagsLocation) { $0.add($1) }
        add(UInt64(front.aliases.count))
        for alias in front.aliases { add(alias) }
        add(front.aliasesLocation) { $0.add($1) }
        add(front.expires) { $0.add($1) }
        add(front.headless)
        add(front.url) { $0.add($1) }
    }

    public mutating func add(_ essay: RenderedEssay) {
        add(essay.summary); add(essay.readingTime)
        add(essay.feedHTML) { $0.add($1) }
        add(UInt64(essay.links.count))
        for link in essay.links {
            add(link.destination); add(link.isImage); add(link.location)
        }
        add(UInt64(essay.anchors.count))
        for anchor in essay.anchors { add(anchor) }
        add(UInt64(essay.inputFiles.count))
        for file in essay.inputFiles { add(file) }
    }
}

extension ManifestReader {
    public mutating func stamp() throws -> FileStamp {
        FileStamp(size: try int64(), modified: try int64(), changed: try int64(), inode: try uint())
    }

    public mutating func date() throws -> SiteDate {
        SiteDate(year: try int(), month: try int(), day: try int(), hour: try int(), minute: try int(),
                 second: try int(), offsetMinutes: try int(), hasTime: try bool())
    }

    public mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int(), length: try int(),
                       lineText: try optional { try $0.string() })
    }

    public mutating func meta() throws -> MetaValue {
        switch try uint() {
        case 0: return .text(try string())
        case 1: return .flag(try bool())
        case 2: return .list(try (0..<count()).map { _ in try meta() })
        case 3:
            var table: [String: MetaValue] = [:]
            for _ in 0..<(try count()) { table[try string()] = try meta() }
            return .table(table)
        default: throw Damaged()
        }
    }

    public mutating func frontMatter() throws -> FrontMatter {
        let title = try string()
        let date = try optional { try $0.date() }
        let updated = try optional { try $0.date() }
        let tags = try (0..<count()).map { _ in try string() }
        let summary = try optional { try $0.string() }
        let draft = try bool()
        let slug = try optional { try $0.string() }
        let author = try optional { try $0.string() }
        guard case .table(let extra) = try meta() else { throw Damaged() }
        let slugLocation = try optional { try $0.location() }
        var front = FrontMatter(title: title, date: date, updated: updated, tags: tags, summary: summary, draft: draft,
                                slug: slug, author: author, extra: extra, slugLocation: slugLocation)
        front.tagsLocation = try optional { try $0.location() }
        front.aliases = try (0..<count()).map { _ in try string() }
        front.aliasesLocation = try optional { try $0.location() }
        front.expires = try optional { try $0.date() }
        front.headless = try bool()
        front.url = try optional { try $0.string() }
        return front
    }

    public mutating func renderedEssay() throws -> RenderedEssay {
        var essay = RenderedEssay(summary: try string(), readingTime: try int(),
                                  feedHTML: try optional { try $0.string() }, listFragment: nil)
        essay.links = try (0..<count()).map { _ in
            PageLink(destination: try string(), isImage: try bool(), location: try location())
        }
        essay.anchors = try (0..<count()).map { _ in try string() }
        essay.inputFiles = try (0..<count()).map { _ in try string() }
        return essay
    }

    /// Steps over an encoded `RenderedEssay`, which most rebuilds never need to decode.
    public mutating func skipRenderedEssay() throws {
        try skipString()
        _ = try uint()
        if try bool() { try skipString() }
        for _ in 0..<(try count()) {
            try skipString(); _ = try bool(); _ = try location()
        }
        for _ in 0..<(try count()) { try skipString() }
        for _ in 0..<(try count()) { try skipString() }
    }
}
