#if canImport(Glibc)
import Glibc
#endif
import Diagnostics

/// Decides whether the content scan follows a symbolic link. A site's content folder is
/// published as it is, so a link must not become a way to publish something else: a link to
/// `/etc` would otherwise copy `/etc/shadow` into the output folder, and a link copied as a
/// link would point readers' servers at the builder's own files.
///
/// Followed: a link whose fully resolved target is a visible file or folder inside the content
/// folder; its content is published under the link's name, as regular files. Skipped, with a
/// warning on the link: a target outside the folder, a hidden target, a dangling link, a
/// chain of links that loops, and a link to a folder that contains the link (which would list
/// forever).
struct SymbolicLinkPolicy {
    enum Decision {
        /// The link's resolved target and what `stat` says about it.
        case follow(target: String, info: stat)
        case skip(Diagnostic)
    }

    /// The content folder with every link in its own path resolved, or nil when it cannot be.
    let realRoot: String?
    let displayRoot: String

    init(root: String, displayRoot: String) {
        self.realRoot = SymbolicLinkPolicy.realPath(root)
        self.displayRoot = displayRoot
    }

    func resolve(linkPath: String, relativePath: String, ancestors: [FolderIdentity]) -> Decision {
        let display = displayRoot + "/" + relativePath
        func skip(_ reason: String) -> Decision {
            .skip(.warning("symbolic link \(reason); skipped", at: .file(display)))
        }
        let written = SymbolicLinkPolicy.linkText(linkPath) ?? "?"
        guard let realRoot else { return skip("cannot be checked against \(displayRoot)/") }
        guard let target = SymbolicLinkPolicy.realPath(linkPath) else {
            return errno == ELOOP ? skip("loops (to \(written))") : skip("leads nowhere (to \(written))")
        }
        guard target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
            return skip("leads outside \(displayRoot)/ (to \(target))")
        }
        let inside = target.dropFirst(realRoot.count).split(separator: "/")
        let shown = displayRoot + (inside.isEmpty ? "" : "/" + inside.joined(separator: "/"))
        if inside.contains(where: { $0.hasPrefix(".") }) {
            return skip("leads to a hidden file (\(shown))")
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return skip("leads nowhere (to \(written))") }
        if info.st_mode & S_IFMT == S_IFDIR, ancestors.contains(FolderIdentity(info)) {
            return skip("loops back to \(shown)/, a folder it is in")
        }
        return .follow(target: target, info: info)
    }

    /// `realpath(3)`: the absolute path with every link, `.` and `..` resolved; nil (with
    /// `errno` set) when a part is missing or the links loop.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What the link itself says, as written, for messages.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
