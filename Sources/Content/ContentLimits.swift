import Diagnostics

/// Sizes past which costmark refuses to read a source instead of trying: a build runs on
/// whatever lands in the content folder, and one huge or hostile file must not take the whole
/// machine's memory. YAML has its own limits (`YAMLBudget`). The README lists them all.
public enum ContentLimits {
    /// The largest essay file read: 8 MiB, hundreds of times a long essay. Larger files are
    /// refused by their size before a byte is read.
    public static let essayBytes = 8 * 1024 * 1024

    /// Files and folders one scan of the content folder visits, symbolic links followed. Bounds
    /// a chain of folder links that branches at every level (not a loop, but 2^n paths).
    public static let contentEntries = 1_000_000

    public static func essayTooLarge(_ displayPath: String) -> Diagnostic {
        .error("essay is larger than \(essayBytes >> 20) MiB, the limit for one essay; it was not read",
               at: .file(displayPath),
               notes: [.init("split it into several essays, or keep large data in a file beside it")])
    }
}

/// The content folder lists more entries than `ContentLimits.contentEntries`.
public struct ContentTooLarge: Error, CustomStringConvertible {
    public var description: String {
        "the content folder holds more than \(ContentLimits.contentEntries) files and folders "
            + "(counting each path a symbolic link opens)"
    }
}
