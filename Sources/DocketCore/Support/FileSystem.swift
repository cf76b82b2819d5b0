import Foundation

/// An input/output failure, always naming the file.
public struct FileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): error: \(reason)" }
}

/// Thin, fast file access. POSIX calls are used on the hot paths because
/// reading many small files through Foundation costs several times more.
public enum FileSystem {
    /// What kind of entry a path is, without following a link.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case file, directory, symbolicLink, fifo, socket, device

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .file
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symbolicLink
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            default: self = .device
            }
        }

        public var description: String {
            switch self {
            case .file: "a regular file"
            case .directory: "a folder"
            case .symbolicLink: "a symbolic link"
            case .fifo: "a FIFO (named pipe)"
            case .socket: "a socket"
            case .device: "a device"
            }
        }
    }

    public static func kind(_ path: String) -> Kind? {
        var info = stat()
        return lstat(path, &info) == 0 ? Kind(mode: info.st_mode) : nil
    }

    /// Reads a regular file whole. A link is not followed and a FIFO, socket
    /// or device is refused (opened without blocking, so a pipe cannot hang).
    public static func readBytes(_ path: String) throws(FileError) -> [UInt8] {
        let (fd, expected) = try openRegularFile(path)
        defer { close(fd) }
        // Read straight into the array's memory, not zeroed first: the site's manifest is megabytes.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            while count < expected {
                let n = read(fd, buffer.baseAddress! + count, expected - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                count += n
            }
        }
        if failure != 0 { throw FileError(path: path, reason: "cannot read: \(String(cString: strerror(failure)))") }
        var total = bytes.count
        while true {
            // A regular file of the size fstat gave is read whole: no second call to see EOF.
            if total == expected && expected > 0 { break }
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            total += n
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    /// Opens `path` for reading, with its size, when it is a regular file: a
    /// link is not followed and a FIFO, socket or device is refused (opened
    /// without blocking, so a pipe cannot hang). The caller closes it.
    static func openRegularFile(_ path: String) throws(FileError) -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ELOOP { throw FileError(path: path, reason: "is a symbolic link; docket never follows links") }
            throw FileError(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = "cannot stat: \(String(cString: strerror(errno)))"
            close(fd)
            throw FileError(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FileError(path: path, reason: "is \(Kind(mode: info.st_mode)), not a regular file; docket reads only regular files")
        }
        return (fd, Int(info.st_size))
    }

    /// What `stat` says of a file, enough to tell that its content may have
    /// changed (as git's index does): any write changes the change time, a
    /// rename into place (how docket and git write) also the inode.
    public struct Stamp: Sendable, Equatable {
        public var inode: UInt64
        public var size: Int64
        /// Modification and status-change times, nanoseconds since 1970.
        public var modified: Int64
        public var changed: Int64

        public init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        init(_ info: stat) {
            self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                      modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                      changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
        }

        /// Last touched before `instant` (nanoseconds since 1970).
        public func isOlder(than instant: Int64) -> Bool {
            max(modified, changed) < instant
        }
    }

    /// Now, on the clock file times are taken from (nanoseconds since 1970).
    public static func wallClock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    public static func readString(_ path: String) throws(FileError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(path: path, reason: "is not valid UTF-8 text")
        }
        return text
    }

    /// Names in a directory, sorted by code point (unless `sorted` is false),
    /// dot-files left out unless asked for; empty when the directory does not
    /// exist, or is a link (WorkspaceSafety reports it) unless `followingLinks`
    /// (for a folder the user named, such as a theme).
    public static func list(_ path: String, sorted: Bool = true, includingHidden: Bool = false,
                            followingLinks: Bool = false) -> [String] {
        guard let dir = openDirectory(path, followingLinks: followingLinks) else { return [] }
        defer { closedir(dir) }
        return names(in: dir, sorted: sorted, includingHidden: includingHidden)
    }

    /// `list`, split into folders (never links to folders) and
    /// everything else, each kind taken from the listing: no `stat` per
    /// entry, which matters for the 33,000 comment folders of a large workspace.
    /// `specials` are those of `others` that are neither a file nor a folder.
    public static func listByKind(_ path: String) -> (directories: [String], others: [String], specials: [Special]) {
        guard let dir = openDirectory(path, followingLinks: false) else { return ([], [], []) }
        defer { closedir(dir) }
        var directories: [String] = []
        var others: [String] = []
        var specials: [Special] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name.hasPrefix(".") { continue }
            if isDirectory(entry, path + "/" + name, followingLinks: false) {
                directories.append(name)
            } else {
                others.append(name)
                if let kind = specialKind(entry, path + "/" + name) { specials.append(Special(path: name, kind: kind)) }
            }
        }
        return (directories.sortedByBytes(), others.sortedByBytes(), specials)
    }

    /// `Directory.forEachName` of the folder at `path`; nothing for a missing folder or a link.
    public static func forEachName(in path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Unusual {
        Directory(path)?.forEachName(body) ?? Unusual()
    }

    /// An entry that is neither a regular file nor a folder, by its path.
    public struct Special: Sendable {
        public var path: String
        public var kind: Kind
    }

    /// What a listing saw besides regular files: entries that are neither a
    /// file nor a folder, and folders, by name.
    public struct Unusual: Sendable {
        public var specials: [Special] = []
        public var folders: [String] = []

        public init(specials: [Special] = [], folders: [String] = []) {
            self.specials = specials
            self.folders = folders
        }

        mutating func note(_ entry: UnsafeMutablePointer<dirent>, in directory: String) {
            let name = entryName(entry)
            if isDirectory(entry, directory + "/" + name, followingLinks: false) {
                folders.append(name)
            } else if let kind = specialKind(entry, directory + "/" + name) {
                specials.append(Special(path: name, kind: kind))
            }
        }
    }

    /// A directory stream; nil for a missing folder, or a link when not `followingLinks`.
    private static func openDirectory(_ path: String, followingLinks: Bool) -> OpaquePointer? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return nil
        }
        return dir
    }

    private static func names(in dir: OpaquePointer, sorted: Bool, includingHidden: Bool = false) -> [String] {
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name == "." || name == ".." || (name.hasPrefix(".") && !includingHidden) { continue }
            names.append(name)
        }
        return sorted ? names.sortedByBytes() : names
    }

    /// Every file and folder under `root` (relative paths, hidden entries and
    /// what is inside hidden folders left out), from one walk that takes each
    /// entry's kind from the directory listing instead of a `stat` per file.
    public static func walk(_ root: String, includingHidden: Bool = false, skippingFiles: Bool = false)
        -> (files: [String], directories: [String], specials: [Special]) {
        var files: [String] = []
        let (directories, specials) = walk(root, includingHidden: includingHidden, skippingFiles: skippingFiles) { folder, name in
            let name = String(decoding: name, as: UTF8.self)
            files.append(folder.isEmpty ? name : folder + "/" + name)
        }
        return (files, directories, specials)
    }

    /// The same walk, handing each regular file to `file` as its folder's
    /// relative path ("" at the top) and its name's bytes, so a caller that
    /// only looks files up makes no string of the 274,000 in a site folder.
    /// All of a folder's files come together, with the same `folder` string.
    public static func walk(_ root: String, includingHidden: Bool = false, skippingFiles: Bool = false,
                            file: (_ folder: String, _ name: UnsafeBufferPointer<UInt8>) -> Void)
        -> (directories: [String], specials: [Special]) {
        let walk = walk(root, includingHidden: includingHidden, skippingFiles: skippingFiles, reusing: nil, file: file)
        return (walk.directories, walk.specials)
    }

    /// A walk that may skip listing folders an earlier walk listed (`walk(_:reusing:file:)`).
    public struct Walk {
        /// Every folder below the root, a folder before what is in it.
        public var directories: [String] = []
        /// Per folder, its stamp when the walk reached it (nil: gone, or no
        /// longer a folder); filled only when the walk was given `reusing`.
        public var stamps: [FolderStamp?] = []
        /// How many folders below the root were listed (the others `reusing` vouched for, or were gone).
        public var listed = 0
        public var specials: [Special] = []
    }

    /// The walk, asking `reusing` before it lists a folder below the root
    /// (the top is always listed): given the folder and its stamp, it
    /// returns the subfolders an earlier listing found when the stamp shows
    /// nothing changed since, and the folder is not listed; its files are
    /// then not handed to `file`. Nil lists the folder.
    public static func walk(_ root: String, includingHidden: Bool = false, skippingFiles: Bool = false,
                            reusing: ((_ folder: String, _ stamp: FolderStamp) -> [String]?)?,
                            file: (_ folder: String, _ name: UnsafeBufferPointer<UInt8>) -> Void) -> Walk {
        var walk = Walk()
        // Breadth first, with no recursion (a hostile tree may be thousands of folders deep): each
        // folder opened relative to the root's descriptor and listed with `getdents64`. A 100,000-task
        // site has 53,000 folders. A folder comes before what is in it.
        let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return walk }
        defer { close(top) }
        func visit(_ fd: Int32, _ relative: String) {
            DirectoryEntries.forEach(in: fd) { entry in
                let regular = Int32(entry.pointee.d_type) == Int32(DT_REG)
                if skippingFiles && regular { return }
                let bytes = nameBytes(entry)
                if bytes.first == UInt8(ascii: ".") && (!includingHidden || bytes.count == 1 || (bytes.count == 2 && bytes[1] == UInt8(ascii: "."))) {
                    return
                }
                if regular { return file(relative, bytes) }
                let name = String(decoding: bytes, as: UTF8.self)
                let path = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(entry, root + "/" + path, followingLinks: false) {
                    walk.directories.append(path)
                } else if let special = specialKind(entry, root + "/" + path) {
                    walk.specials.append(Special(path: path, kind: special))
                } else if !skippingFiles {
                    file(relative, bytes)
                }
            }
        }
        visit(top, "")
        var next = 0
        while next < walk.directories.count {
            let path = walk.directories[next]
            next += 1
            if let reusing {
                // Stamped before it is listed: a change made while it is listed moves the stamp.
                let stamp = FolderStamp.of(path, in: top)
                walk.stamps.append(stamp)
                guard let stamp else { continue }
                if let subfolders = reusing(path, stamp) {
                    walk.directories += subfolders
                    continue
                }
            }
            walk.listed += 1
            let folder = openat(top, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            if folder >= 0 {
                visit(folder, path)
                close(folder)
            }
        }
        return walk
    }

    /// What under `root` is neither a regular file nor a folder (relative
    /// paths): `walk` without the files, so a regular file costs no string,
    /// which at 300,000 files is most of a walk.
    public static func specials(under root: String, includingHidden: Bool = false) -> [Special] {
        walk(root, includingHidden: includingHidden, skippingFiles: true).specials
    }

    /// The kind of a listed entry that is neither a regular file nor a folder, from `d_type`.
    /// `path` is made only when `d_type` does not tell: a walk of the site
    /// folder made two such strings per file for nothing.
    private static func specialKind(_ entry: UnsafeMutablePointer<dirent>, _ path: @autoclosure () -> String) -> Kind? {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG): return nil
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_FIFO): return .fifo
        case Int32(DT_SOCK): return .socket
        case Int32(DT_CHR), Int32(DT_BLK): return .device
        default:
            let kind = Self.kind(path())
            return kind == .file || kind == nil ? nil : kind
        }
    }

    /// Whether a listed entry is a folder, from its `d_type` where the file
    /// system gives one (a `stat` of `path` otherwise, or for a link to follow).
    private static func isDirectory(_ entry: UnsafeMutablePointer<dirent>, _ path: @autoclosure () -> String, followingLinks: Bool) -> Bool {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): true
        case Int32(DT_UNKNOWN): isDirectory(path()) && (followingLinks || !isSymbolicLink(path()))
        case Int32(DT_LNK): followingLinks && isDirectory(path())
        default: false
        }
    }

    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        String(decoding: nameBytes(entry), as: UTF8.self)
    }

    /// A listed entry's name, read where it lies. An entry is only as long as
    /// its name, so copying the whole `dirent` (as passing `d_name` by value
    /// does) reads past the listing's buffer, which crashed at a page's end.
    static func nameBytes(_ entry: UnsafeMutablePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
        let start = UnsafeRawPointer(entry) + Self.nameOffset
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self),
                                   count: strlen(start.assumingMemoryBound(to: CChar.self)))
    }

    /// 19 is where glibc puts it on 64-bit Linux; a stored C field always has an offset.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The folder holding `path` ("." for a bare name).
    public static func parent(of path: String) -> String {
        // By bytes: a Character-wise search from the end costs ~10 times as much, once per file written.
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == utf8.startIndex ? "/" : String(path[..<slash])
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// A regular file, not a link to one (links are never followed).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and any missing parent, as `mkdir -p` does. With
    /// `mkdir(2)` directly: Foundation's version costs several times as much,
    /// and a site at 10,000 tasks creates 4,000 folders.
    /// A link where the folder belongs is refused, not followed.
    public static func createDirectory(_ path: String) throws(FileError) {
        var failure = mkdir(path, 0o755) == 0 ? 0 : errno
        if failure == ENOENT {
            let up = parent(of: path)
            if up != path && up != "." && up != "/" {
                try createDirectory(up)
                failure = mkdir(path, 0o755) == 0 ? 0 : errno
            }
        }
        if failure == 0 { return }
        if failure == EEXIST {
            switch kind(path) {
            case .directory?: return
            case .symbolicLink?: throw FileError(path: path, reason: "cannot create directory: is a symbolic link; docket never writes through links")
            case let other: throw FileError(path: path, reason: "cannot create directory: \(other.map(String.init(describing:)) ?? "something") is in the way")
            }
        }
        throw FileError(path: path, reason: "cannot create directory: \(String(cString: strerror(failure)))")
    }

    /// Writes through a temporary file, fsync and rename (`AtomicFileWriter`),
    /// so a reader (or a crash) sees the old file or the new one, never half.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], durable: Bool = true) throws(FileError) {
        let file = try AtomicFileWriter(path)
        file.write(bytes)
        try file.commit(durable: durable)
    }

    public static func writeAtomically(_ path: String, _ text: String) throws(FileError) {
        try writeAtomically(path, Array(text.utf8))
    }

    /// Writes only when the content differs from what is there: creating and
    /// rewriting files costs far more than reading them on this file system.
    /// Returns whether the file was written. `mayExist: false` (the caller
    /// knows the file is new) skips the comparison's failing open.
    @discardableResult
    public static func writeIfChanged(_ path: String, _ bytes: [UInt8], mayExist: Bool = true) throws(FileError) -> Bool {
        if mayExist && holds(path, exactly: bytes) { return false }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            if errno == ELOOP { throw FileError(path: path, reason: "is a symbolic link; docket never writes through links") }
            throw FileError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        if let reason = writeAll(fd, bytes) { throw FileError(path: path, reason: "cannot write: \(reason)") }
        return true
    }

    /// Whether `path` is a regular file whose bytes are `bytes`: a file of
    /// another size is not read, and one of the same size is compared a
    /// piece at a time as it is read (a site's unchanged pages are most of
    /// what a rebuild reads).
    static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bytes.count, 1 << 16) + 1, alignment: 16)
        defer { piece.deallocate() }
        return bytes.withUnsafeBytes { wanted in
            var compared = 0
            while true {
                // One byte more than is left, so a file that grew since `fstat` is seen to differ.
                let n = read(fd, piece.baseAddress!, min(piece.count, wanted.count - compared + 1))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return n == 0 && compared == wanted.count }
                guard compared + n <= wanted.count, memcmp(piece.baseAddress!, wanted.baseAddress! + compared, n) == 0 else { return false }
                compared += n
            }
        }
    }

    /// Appends to an existing file (a cache's log); false when that failed.
    @discardableResult
    public static func append(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return writeAll(fd, bytes) == nil
    }

    /// Writes all of `bytes`, retrying short writes and EINTR; the reason on failure.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        return nil
    }

    public static func remove(_ path: String) throws(FileError) {
        if unlink(path) != 0 && errno != ENOENT {
            throw FileError(path: path, reason: "cannot remove: \(String(cString: strerror(errno)))")
        }
    }

    /// Fsyncs a directory so renames and unlinks in it survive a power cut.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
