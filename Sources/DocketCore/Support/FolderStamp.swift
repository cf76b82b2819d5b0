import Foundation

/// What a folder's inode says about it: which folder it is and when its
/// entries last changed. Adding, removing or renaming anything in a folder
/// moves its change time, which no program can set back, so an equal stamp
/// means the same entries (files edited in place are not entries changing).
public struct FolderStamp: Hashable, Sendable {
    public var inode: UInt64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64

    public init(inode: UInt64, modified: Int64, changed: Int64) {
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    init(_ info: stat) {
        self.init(inode: UInt64(info.st_ino),
                  modified: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec))
    }

    /// Whether a change after `instant` (nanoseconds, the wall clock) is sure
    /// to move the stamp. The kernel stamps with a clock that ticks every few
    /// milliseconds (some file systems keep whole seconds), so a folder
    /// changed in the same tick as its stamp was taken could change again
    /// unseen: such a stamp vouches for nothing, as git treats a racily clean index.
    public func isSettled(at instant: Int64) -> Bool {
        let tick: Int64 = changed % 1_000_000_000 == 0 ? 2_000_000_000 : 20_000_000
        return instant &- changed >= tick
    }

    /// The wall clock in nanoseconds, as the kernel's file times count.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    /// The folder at `relative` under the open folder `root`, not following a
    /// link; nil when it is missing or not a folder.
    public static func of(_ relative: String, in root: Int32) -> FolderStamp? {
        var info = stat()
        guard fstatat(root, relative, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FolderStamp(info)
    }

    public static func of(_ path: String) -> FolderStamp? {
        of(path, in: AT_FDCWD)
    }
}
