import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two builds of one output folder (a `costmark serve` and a `costmark build` in another
/// terminal, say) from running into each other: each would clear the other's staging folder
/// and move files into place between the other's. The lock is an advisory `flock` on the
/// folder that holds the output folder, so there is no lock file to leave behind; a second
/// build waits for the first to finish, which takes a fraction of a second when it rebuilds.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32

    /// Blocks until no other build of `outputPath` runs. Nil when the folder cannot be opened,
    /// in which case the build goes ahead unlocked (as on file systems without `flock`).
    public init?(outputPath: String) {
        let parent = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            return nil
        }
    }

    /// True while a build of `outputPath` holds the lock (checked without waiting for it).
    public static func isHeld(outputPath: String) -> Bool {
        let parent = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        let descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    /// Lets the next build go; also done when the lock is freed.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
