import Content
import FileSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build read and wrote: every essay's stamp, front matter and
/// rendered facts, and every output file with the fingerprint of what it was made from.
///
/// With it, a rebuild reads only the essays whose stamps changed and writes only the output
/// files whose inputs changed, instead of re-reading and re-writing 10,000 pages. Anything
/// the manifest cannot vouch for is rebuilt: a damaged or missing manifest, an output folder
/// replaced behind its back, an output file edited or deleted since, or an update that was
/// interrupted (the journal file still exists).
public struct BuildManifest: Sendable {
    /// Bumped whenever the encoding or the meaning of a field changes.
    public static let formatVersion: UInt64 = 8
    public static let fileName = "manifest"
    public static let journalName = "updating"

    /// What a build was doing to the output folder while its journal existed.
    public enum JournalStage: String, Sendable {
        /// Renaming changed files over their old versions one by one, and removing old ones:
        /// until it ends, the folder holds some files of each build.
        case moving
        /// Swapping a complete staging folder for the output folder in one rename.
        case swapping
        /// The folder is complete; the record of the build is being written.
        case recording

        public var explanation: String {
            switch self {
            case .moving:
                return "changed files are being moved over their old versions one by one, so until this file"
                    + " goes the folder may mix files of the old and the new build."
            case .swapping:
                return "a complete new folder is being swapped in with one rename; the folder is either the old"
                    + " build or the new one."
            case .recording:
                return "the folder holds the new build; its record in this folder is being written."
            }
        }
    }

    /// One essay as the last build left it. A class, immutable: a rebuild moves 10,000 of these
    /// from one manifest to the next, and a reference moves with one retain.
    public final class Essay: Sendable {
        public let stamp: FileStamp
        /// True when `stamp` alone vouches for the contents: modified well before it was read.
        public let settled: Bool
        /// Fingerprint of the file's bytes, when the build read them in full.
        public let contentHash: UInt64?
        public let frontMatter: FrontMatter
        /// The fingerprint its page was rendered from, or "" when the page must render again
        /// (it was not built, or it had warnings that must be shown again).
        public let pageKey: String
        public let rendered: RenderedFacts?
        /// Where this record's bytes (its path included) sit in the manifest it was loaded from,
        /// so an unchanged record is copied into the next manifest instead of encoded again;
        /// runs of unchanged records are copied in one piece.
        public let encoded: (ManifestBytes, Range<Int>)?

        public init(stamp: FileStamp, settled: Bool, contentHash: UInt64?, frontMatter: FrontMatter, pageKey: String,
             rendered: RenderedFacts?, encoded: (ManifestBytes, Range<Int>)? = nil) {
            self.stamp = stamp; self.settled = settled; self.contentHash = contentHash; self.frontMatter = frontMatter
            self.pageKey = pageKey; self.rendered = rendered; self.encoded = encoded
        }

        /// True when this record still describes a file with `current` stamp, so the file need
        /// not be read: the stamp has not moved, and it had settled when the record was made.
        public func vouches(for current: FileStamp) -> Bool {
            settled && stamp == current
        }
    }

    public struct Output: Sendable, Equatable {
        /// What the file was made from; "" never matches, so the file is always written again.
        public var key: String
        /// The file as written, to notice it was edited, replaced or deleted since.
        public var stamp: FileStamp

        public init(key: String, stamp: FileStamp) {
            self.key = key; self.stamp = stamp
        }
    }

    public var siteKey: String
    /// How essays were named in messages (front matter keeps the locations of its values).
    public var contentDisplay: String
    public var outputPath: String
    /// The output folder itself: its inode and its entries' last change.
    public var outputFolder: FileStamp?
    /// Every essay by its path below the content folder, in the content scan's order (sorted
    /// by path), so a build matches them to the files it finds in one pass, without hashing.
    public var essays: [(path: String, essay: Essay)]
    public var outputs: [String: Output]

    public init(siteKey: String, contentDisplay: String, outputPath: String, outputFolder: FileStamp?,
                essays: [(path: String, essay: Essay)], outputs: [String: Output]) {
        self.siteKey = siteKey; self.contentDisplay = contentDisplay; self.outputPath = outputPath
        self.outputFolder = outputFolder; self.essays = essays; self.outputs = outputs
    }

    /// The manifest in `directory`, or nil when there is none, it is damaged or of another format.
    public static func load(directory: String) -> BuildManifest? {
        guard case .success(let bytes) = TextDecoding.readBytes(directory + "/" + fileName) else { return nil }
        let storage = ManifestBytes(bytes)
        var reader = ManifestReader(bytes)
        do {
            guard try reader.uint() == formatVersion else { return nil }
            var manifest = BuildManifest(siteKey: try reader.string(), contentDisplay: try reader.string(),
                                         outputPath: try reader.string(), outputFolder: try reader.optional { try $0.stamp() },
                                         essays: [], outputs: [:])
            // The essays come in chunks that decode on all cores.
            var chunks: [(count: Int, range: Range<Int>)] = []  // ranges from the first chunk's start
            var start = 0
            for _ in 0..<(try reader.count()) {
                let count = try reader.count(), length = try reader.count()
                guard count <= length else { return nil }
                chunks.append((count, start..<start + length))
                start += length
            }
            let chunkStart = reader.offset
            let decoded: [[(path: String, essay: Essay)]?] = parallelMap(chunks.count) { index in
                let chunk = chunks[index]
                var reader = ManifestReader(bytes, at: chunkStart + chunk.range.lowerBound)
                let end = chunkStart + chunk.range.upperBound
                var essays: [(path: String, essay: Essay)] = []
                essays.reserveCapacity(chunk.count)
                do {
                    for _ in 0..<chunk.count { essays.append(try readEssay(&reader, storage)) }
                } catch {
                    return nil
                }
                return reader.offset == end ? essays : nil
            }
            for chunk in decoded {
                guard let chunk else { return nil }
                manifest.essays += chunk
            }
            guard chunkStart + start <= bytes.count else { return nil }
            reader = ManifestReader(bytes, at: chunkStart + start)
            let outputCount = try reader.count()
            manifest.outputs.reserveCapacity(outputCount)
            for _ in 0..<outputCount {
                let path = try reader.string()
                manifest.outputs[path] = Output(key: try reader.string(), stamp: try reader.stamp())
            }
            guard reader.isAtEnd else { return nil }
            // An update that did not finish leaves its journal: the outputs are then unknown.
            if access(directory + "/" + journalName, F_OK) == 0 {
                manifest.outputs = [:]
                manifest.outputFolder = nil
            }
            return manifest
        } catch {
            return nil
        }
    }

    private static func readEssay(_ reader: inout ManifestReader, _ storage: ManifestBytes) throws -> (path: String, essay: Essay) {
        let start = reader.offset
        let path = try reader.string()
        let (stamp, settled) = (try reader.stamp(), try reader.bool())
        let contentHash = try reader.optional { try $0.uint() }
        let (frontMatter, pageKey) = (try reader.frontMatter(), try reader.string())
        var rendered: RenderedFacts?
        if try reader.bool() {
            let factsStart = reader.offset
            try reader.skipRenderedEssay()
            rendered = .stored(storage, factsStart..<reader.offset)
        }
        return (path, Essay(stamp: stamp, settled: settled, contentHash: contentHash, frontMatter: frontMatter,
                            pageKey: pageKey, rendered: rendered, encoded: (storage, start..<reader.offset)))
    }

    /// Writes the manifest and closes the update's journal: the build it describes is complete.
    /// On failure the journal stays, so the next build starts afresh rather than from a record
    /// that does not match the output folder.
    public func record(in directory: String) throws {
        try save(directory: directory)
        BuildManifest.endUpdate(directory: directory)
    }

    /// Writes the manifest atomically (a temporary file renamed over the old one).
    private func save(directory: String) throws {
        let chunkCount = Swift.min(8, Swift.max(1, essays.count / 2_500))
        let perChunk = (essays.count + chunkCount - 1) / chunkCount
        let chunkRanges = (0..<chunkCount).map { Swift.min(essays.count, $0 * perChunk)..<Swift.min(essays.count, ($0 + 1) * perChunk) }
        // The last manifest's size is a good guess at this one's: no regrowing a 10 MB buffer.
        let guess = essays.first?.essay.encoded.map { $0.0.bytes.count + 65_536 } ?? 1 << 20
        let chunks = chunkRanges.map { range in
            var writer = ManifestWriter()
            writer.reserve(guess / chunkCount)
            // Records unchanged since the last build sit one after another in its bytes:
            // each such run is copied in one piece.
            var run: (ManifestBytes, Range<Int>)?
            func flush() {
                if let (storage, range) = run { writer.append(storage.bytes[range]) }
                run = nil
            }
            for (path, essay) in essays[range] {
                if let (storage, range) = essay.encoded {
                    if let (runStorage, runRange) = run, runStorage === storage, runRange.upperBound == range.lowerBound {
                        run = (storage, runRange.lowerBound..<range.upperBound)
                    } else {
                        flush()
                        run = (storage, range)
                    }
                    continue
                }
                flush()
                writer.add(path)
                writer.add(essay.stamp); writer.add(essay.settled)
                writer.add(essay.contentHash) { $0.add($1) }
                writer.add(essay.frontMatter); writer.add(essay.pageKey)
                switch essay.rendered {
                case nil: writer.add(false)
                case .value(let rendered)?: writer.add(true); writer.add(rendered)
                case .stored(let storage, let range)?: writer.add(true); writer.append(storage.bytes[range])
                }
            }
            flush()
            return writer
        }
        var writer = ManifestWriter()
        writer.reserve(guess)
        writer.add(BuildManifest.formatVersion)
        writer.add(siteKey); writer.add(contentDisplay); writer.add(outputPath)
        writer.add(outputFolder) { $0.add($1) }
        writer.add(UInt64(chunkCount))
        for (range, chunk) in zip(chunkRanges, chunks) {
            writer.add(UInt64(range.count)); writer.add(UInt64(chunk.bytes.count))
        }
        for chunk in chunks { writer.append(chunk.bytes[...]) }
        // In dictionary order: the manifest is a cache, and sorting 12,000 paths buys nothing.
        writer.add(UInt64(outputs.count))
        for (path, output) in outputs {
            writer.add(path); writer.add(output.key); writer.add(output.stamp)
        }
        let target = directory + "/" + BuildManifest.fileName
        let temporary = target + ".tmp\(getpid())"
        try OutputDirectory.writeFile(temporary, writer.bytes)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// The outputs this manifest vouches for in the folder at `outputPath`, or nil when the
    /// folder is not the one it describes (deleted, replaced, or changed by another program).
    public func outputs(stillIn outputPath: String) -> [String: Output]? {
        guard outputPath == self.outputPath, let recorded = outputFolder, !outputs.isEmpty,
              FileStamp.ofLink(outputPath) == recorded else { return nil }
        return outputs
    }

    /// Makes the record's folder (`.costmark`) if needed and clears what older versions of
    /// costmark kept there (rendered pages, `pages-v*`); nil when the folder cannot be made.
    public static func prepare(directory: String) -> String? {
        let fm = FileManager.default
        guard (try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return nil }
        for name in (try? fm.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix("pages-v") {
            try? fm.removeItem(atPath: directory + "/" + name)
        }
        return directory
    }

    /// Marks a stage of putting a build in place; `endUpdate` marks it finished. The journal's
    /// first line names the stage, so whoever finds it left behind can tell whether the output
    /// folder may mix two builds' files; the rest explains it to a person who opens it.
    public static func beginUpdate(directory: String, stage: JournalStage, outputPath: String) throws {
        let text = stage.rawValue + "\n" + """
        costmark (process \(getpid())) is putting a build into \(outputPath): \(stage.explanation)
        This file is removed when the build is complete. If it outlives that process, run
        `costmark build` again before publishing \(outputPath).

        """
        try OutputDirectory.writeFile(directory + "/" + journalName, Array(text.utf8))
    }

    /// The stage named by a journal that is still there, or nil when there is none.
    public static func journalStage(directory: String) -> JournalStage? {
        let path = directory + "/" + journalName
        guard case .success(let bytes) = TextDecoding.readBytes(path, limit: 4096) else { return nil }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        // An empty journal comes from costmark before 2026-11: it marked the moving of files.
        return JournalStage(rawValue: String(decoding: firstLine, as: UTF8.self)) ?? .moving
    }

    public static func endUpdate(directory: String) {
        unlink(directory + "/" + journalName)
    }
}
