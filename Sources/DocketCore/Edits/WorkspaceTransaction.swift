import Foundation

/// Commits a `Changeset` to the workspace so that a process killed at any
/// instant (kill -9, power cut) leaves either the old state or, after the
/// next run, exactly the new one.
///
/// Protocol: (1) every change — file contents included — is written to
/// `.docket/transaction.json` through a temporary file, fsync and rename:
/// that rename is the commit point. (2) Each change is applied: writes go to
/// `.docket/tmp/` and are renamed into place, deletions ignore files already
/// gone, so applying twice equals applying once. (3) The file system is
/// synced and the transaction file removed. A run that finds a transaction
/// file first applies it again (roll forward); a run killed before the
/// commit point changed nothing, and the queue is still there to apply.
public enum WorkspaceTransaction {
    public static let directory = ".docket"
    static let transactionFile = ".docket/transaction.json"
    static let temporaryDirectory = ".docket/tmp"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finishes a transaction a killed run left behind. Returns whether there was one.
    @discardableResult
    public static func recover(_ root: String) throws(Failure) -> Bool {
        try prepare(root)
        let path = root + "/" + transactionFile
        guard FileSystem.exists(path) else { return false }
        let changes = try readTransaction(path)
        try applyChanges(changes, root: root)
        finish(root, changes.map(\.path))
        return true
    }

    /// Whether a killed run left an apply to finish (`recover` finishes it).
    public static func isPending(_ root: String) -> Bool {
        FileSystem.exists(root + "/" + transactionFile)
    }

    /// Commits `changeset` atomically (see the type's comment).
    public static func commit(_ changeset: Changeset, to root: String) throws(Failure) {
        guard !changeset.isEmpty else { return }
        try prepare(root)
        let operations = changeset.ordered
        var list: [JSONNode] = []
        list.reserveCapacity(operations.count)
        for (path, change) in operations {
            var members = [JSONMember(key: "path", value: JSONNode(.string(path)))]
            switch change {
            case .write(let bytes):
                members.append(JSONMember(key: "op", value: JSONNode(.string("write"))))
                members.append(JSONMember(key: "content", value: JSONNode(.string(String(decoding: bytes, as: UTF8.self)))))
            case .delete:
                members.append(JSONMember(key: "op", value: JSONNode(.string("delete"))))
            case .removeEmptyDirectory:
                members.append(JSONMember(key: "op", value: JSONNode(.string("rmdir"))))
            }
            list.append(JSONNode(.object(members)))
        }
        let document = JSONValue.object(["format": .int(1), "changes": .array(list)])
        do throws(FileError) {
            try FileSystem.writeAtomically(root + "/" + transactionFile, JSONWriter.compactForHTML(document))
            FileSystem.syncDirectory(root + "/" + directory)
        } catch { throw Failure(description: error.description) }
        try applyChanges(operations, root: root)
        finish(root, operations.map(\.path))
    }

    /// Creates `.docket/` with a `.gitignore` that keeps all of it out of git.
    public static func createDirectory(_ root: String) throws(FileError) {
        let base = root + "/" + directory
        if !FileSystem.isDirectory(base) { try FileSystem.createDirectory(base) }
        if !FileSystem.exists(base + "/.gitignore") {
            try FileSystem.writeAtomically(base + "/.gitignore", "# docket's lock, transaction and cache files: never commit them\n*\n")
        }
    }

    /// Creates `.docket/` (ignored by git) and clears temporary files a killed run left.
    static func prepare(_ root: String) throws(Failure) {
        let base = root + "/" + directory
        do throws(FileError) {
            try createDirectory(root)
            if !FileSystem.isDirectory(root + "/" + temporaryDirectory) { try FileSystem.createDirectory(root + "/" + temporaryDirectory) }
            for name in FileSystem.list(root + "/" + temporaryDirectory, includingHidden: true) {
                try FileSystem.remove(root + "/" + temporaryDirectory + "/" + name)
            }
            try FileSystem.remove(AtomicFileWriter.temporary(for: base + "/transaction.json", process: getpid()))
            AtomicFileWriter.removeAbandonedTemporaries(of: base + "/transaction.json")
        } catch { throw Failure(description: error.description) }
    }

    static func readTransaction(_ path: String) throws(Failure) -> [(path: String, change: Changeset.Change)] {
        do {
            let node = try JSONParser.parse(try FileSystem.readBytes(path))
            guard let list = node["changes"]?.arrayValue else { throw Failure(description: "\(path): error: not a docket transaction") }
            return try list.map { item throws(Failure) -> (String, Changeset.Change) in
                guard let relative = item["path"]?.stringValue, isSafe(relative), let op = item["op"]?.stringValue else {
                    throw Failure(description: "\(path): error: damaged transaction entry")
                }
                switch op {
                case "write": return (relative, .write(Array((item["content"]?.stringValue ?? "").utf8)))
                case "delete": return (relative, .delete)
                default: return (relative, .removeEmptyDirectory)
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path): error: cannot read the unfinished transaction: \(error)")
        }
    }

    /// A transaction path never leaves the workspace.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
    }

    static func applyChanges(_ operations: [(path: String, change: Changeset.Change)], root: String) throws(Failure) {
        var created: Set<String> = []
        var counter = 0
        do throws(FileError) {
            for (relative, change) in operations {
                let target = root + "/" + relative
                switch change {
                case .write(let bytes):
                    let parent = FileSystem.parent(of: target)
                    if !created.contains(parent) {
                        if !FileSystem.isDirectory(parent) { try FileSystem.createDirectory(parent) }
                        created.insert(parent)
                    }
                    counter += 1
                    let temporary = root + "/" + temporaryDirectory + "/\(counter)"
                    try FileSystem.writeIfChanged(temporary, bytes)
                    guard rename(temporary, target) == 0 else {
                        throw FileError(path: target, reason: "cannot replace: \(String(cString: strerror(errno)))")
                    }
                case .delete:
                    try FileSystem.remove(target)
                case .removeEmptyDirectory:
                    rmdir(target)
                }
            }
        } catch { throw Failure(description: error.description) }
    }

    /// Up to this many changed files are synced one by one; more, and the
    /// whole file system is synced at once.
    static let individualSyncLimit = 256

    /// Makes the changes durable, then drops the transaction file. A few
    /// files are fsynced one by one (with their folders): `syncfs` would also
    /// flush everything else waiting to be written on that disk — after a
    /// render, a whole site's worth — and stall a one-edit build for seconds.
    static func finish(_ root: String, _ paths: [String]) {
        if paths.count <= individualSyncLimit {
            var folders: Set<String> = [root]
            for relative in paths {
                let path = root + "/" + relative
                let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
                if fd >= 0 {
                    fsync(fd)
                    close(fd)
                }
                folders.insert(FileSystem.parent(of: path))
            }
            for folder in folders.sorted() { FileSystem.syncDirectory(folder) }
        } else {
            let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                _ = linuxSyncfs(fd)
                close(fd)
            }
        }
        unlink(root + "/" + transactionFile)
        FileSystem.syncDirectory(root + "/" + directory)
    }
}

/// An exclusive lock on a workspace, so two runs never interleave. It is an
/// `flock`, which the kernel releases when its process dies: a lock left by
/// a killed run never blocks anyone.
public final class WorkspaceLock {
    private let fd: Int32

    public struct Busy: Error, CustomStringConvertible {
        public var description: String
    }

    /// Waits up to `timeout` seconds; `onWait` is told once who holds it.
    public init(workspace root: String, timeout: Double, onWait: (String) -> Void) throws(Busy) {
        let directory = root + "/" + WorkspaceTransaction.directory
        if !FileSystem.isDirectory(directory) { try? FileSystem.createDirectory(directory) }
        let path = directory + "/lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Busy(description: "\(path): error: cannot open the lock file: \(String(cString: strerror(errno)))") }
        let deadline = Progress.seconds() + timeout
        var told = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? FileSystem.readString(path))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            if Progress.seconds() >= deadline {
                close(fd)
                throw Busy(description: "error: another docket (pid \(holder)) is working on \(root); it still was after \(Int(timeout)) s. Try again when it has finished, or raise --lock-timeout")
            }
            if !told {
                onWait("waiting for another docket (pid \(holder)) to finish with \(root)…")
                told = true
            }
            usleep(50_000)
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// glibc's syncfs(2), which Swift's Glibc module does not export (it needs _GNU_SOURCE).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
