#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file that changes whenever its bytes do: size, modification time,
/// status-change time and inode (an editor that saves by renaming gives a new inode). Builds
/// compare stamps to skip reading files that have not changed since the last build. The
/// status-change time (ctime) cannot be set by programs, so a rewrite that restores the old
/// modification time is still seen.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    /// Status-change time in nanoseconds since 1970: moves on every write, rename or `chmod`.
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size; self.modified = modified; self.changed = changed; self.inode = inode
    }

    public init(_ info: stat) {
        self.init(size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }

    /// The later of the two times: when the file last changed in any way.
    public var lastChange: Int64 { Swift.max(modified, changed) }

    /// The stamp of the file at `path` (symbolic links followed), or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Like `of(_:)`, but a symbolic link is stamped itself, not followed.
    public static func ofLink(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// The wall-clock time now, on the same scale as `modified`.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
