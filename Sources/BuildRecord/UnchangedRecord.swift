import Content
import FileSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build that finds nothing changed needs in order to stop right after listing its
/// inputs, without loading the manifest or planning the site: a key over every input's stamp,
/// the moment the record stops holding (an essay scheduled to appear), the summary's counts,
/// and each output file's stamp, so an output someone touched is noticed and rebuilt.
///
/// Written only after a build that reported nothing, whose inputs had all settled; removed
/// before any build writes to the output folder. Missing, damaged or stale, it only costs the
/// full build it would have saved.
public struct UnchangedRecord: Sendable {
    public static let fileName = "unchanged"
    static let formatVersion: UInt64 = 1

    public var inputsKey: String
    /// Seconds since 1970 when the first essay still scheduled for later becomes due.
    public var validUntil: Int?
    public var essays: Int, pages: Int, copied: Int
    public var outputFolder: FileStamp
    public var outputs: [(path: String, stamp: FileStamp)]

    public init(inputsKey: String, validUntil: Int?, essays: Int, pages: Int, copied: Int,
                outputFolder: FileStamp, outputs: [(path: String, stamp: FileStamp)]) {
        self.inputsKey = inputsKey; self.validUntil = validUntil
        self.essays = essays; self.pages = pages; self.copied = copied
        self.outputFolder = outputFolder; self.outputs = outputs
    }

    /// Written atomically (a temporary file renamed over the old one).
    public func save(directory: String) throws {
        var writer = ManifestWriter()
        writer.reserve(64 + outputs.count * 72)
        writer.add(Self.formatVersion)
        writer.add(inputsKey)
        writer.add(validUntil) { $0.add($1) }
        writer.add(essays); writer.add(pages); writer.add(copied)
        writer.add(outputFolder)
        writer.add(outputs.count)
        for (path, stamp) in outputs { writer.add(path); writer.add(stamp) }
        let target = directory + "/" + Self.fileName
        let temporary = target + ".tmp\(getpid())"
        try OutputDirectory.writeFile(temporary, writer.bytes)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    public static func load(directory: String) -> UnchangedRecord? {
        guard case .success(let bytes) = TextDecoding.readBytes(directory + "/" + fileName) else { return nil }
        var reader = ManifestReader(bytes)
        do {
            guard try reader.uint() == formatVersion else { return nil }
            var record = UnchangedRecord(inputsKey: try reader.string(),
                                         validUntil: try reader.optional { try $0.int() },
                                         essays: try reader.int(), pages: try reader.int(), copied: try reader.int(),
                                         outputFolder: try reader.stamp(), outputs: [])
            let count = try reader.count()
            record.outputs.reserveCapacity(count)
            for _ in 0..<count { record.outputs.append((try reader.string(), try reader.stamp())) }
            return record
        } catch {
            return nil
        }
    }

    /// Before a build changes the output folder, so the record never outlives what it describes.
    public static func remove(directory: String) {
        unlink(directory + "/" + fileName)
    }

    /// True when the output folder and every file in it are as this record saw them.
    public func outputsAreIntact(outputPath: String) -> Bool {
        guard FileStamp.ofLink(outputPath) == outputFolder else { return false }
        let folder = open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let chunks = 8
        let per = (outputs.count + chunks - 1) / chunks
        let intact = parallelMap(chunks) { chunk in
            outputs[Swift.min(outputs.count, chunk * per)..<Swift.min(outputs.count, (chunk + 1) * per)].allSatisfy {
                var info = stat()
                return fstatat(folder, $0.path, &info, AT_SYMLINK_NOFOLLOW) == 0 && FileStamp(info) == $0.stamp
            }
        }
        return intact.allSatisfy { $0 }
    }
}
