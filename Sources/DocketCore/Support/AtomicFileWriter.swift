import Foundation

/// A file made piece by piece and put in place whole: the pieces go to a
/// temporary file, which `commit` renames over `path`, so a reader (or a
/// crash) sees the old file or the new one, never half of one. Writing in
/// pieces keeps a cache of hundreds of megabytes from being held in memory
/// at once. Dropped without `commit`, the temporary file is removed.
public final class AtomicFileWriter {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var failure: String?

    public init(_ path: String) throws(FileError) {
        self.path = path
        let directory = FileSystem.parent(of: path)
        if !FileSystem.isDirectory(directory) { try FileSystem.createDirectory(directory) }
        temporary = Self.temporary(for: path, process: getpid())
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
    }

    /// A writer for a cache file, or nil when it cannot be written (a cache
    /// is optional). It first removes the temporary files of runs that were
    /// killed while writing this file (a cache's can be 100 MB); another
    /// process writing it at that moment loses its write, which for a cache
    /// only costs a miss.
    public static func forCache(_ path: String) -> AtomicFileWriter? {
        removeAbandonedTemporaries(of: path)
        return try? AtomicFileWriter(path)
    }

    /// `dir/.name.tmp-PID`: a dot-file beside the file it becomes, so the
    /// rename is atomic and no reader of the folder (apply reading `queue/`)
    /// ever sees it, since every listing leaves dot-files out.
    static func temporary(for path: String, process: pid_t) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = FileSystem.parent(of: path)
        return (path.contains("/") ? folder + "/" : "") + "." + name + ".tmp-\(process)"
    }

    /// Removes what killed writers of `path` left, except this process's own.
    static func removeAbandonedTemporaries(of path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = FileSystem.parent(of: path)
        let own = temporary(for: path, process: getpid())
        for entry in FileSystem.list(folder, includingHidden: true)
        where entry.hasPrefix("." + name + ".tmp-") && folder + "/" + entry != own {
            unlink(folder + "/" + entry)
        }
    }

    /// Appends `bytes`; a failure is kept and reported by `commit`.
    public func write(_ bytes: [UInt8]) {
        guard failure == nil, descriptor >= 0 else { return }
        failure = FileSystem.writeAll(descriptor, bytes)
    }

    /// Puts the file in place. `durable: false` skips the fsync: a crashed
    /// process still leaves the old or the new file, a power cut may leave an
    /// empty one.
    public func commit(durable: Bool = true) throws(FileError) {
        defer { descriptor = -1 }
        if let failure {
            abandon()
            throw FileError(path: path, reason: "cannot write: \(failure)")
        }
        if durable { fsync(descriptor) }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError(path: path, reason: "cannot replace: \(reason)")
        }
    }

    private func abandon() {
        close(descriptor)
        unlink(temporary)
    }

    deinit {
        if descriptor >= 0 { abandon() }
    }
}
