import Foundation

extension FileSystem {
    /// An open directory, so files in it are opened relative to it (`openat`)
    /// instead of walking the whole path again for each of 100,000 files.
    public final class Directory: @unchecked Sendable {
        public let path: String
        let fd: Int32
        private var listed = false

        /// A link is not followed: opening one fails, so nothing behind it is read.
        public init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            self.path = path
            self.fd = fd
        }

        /// The folder `name` in `parent`, opened relative to it (the 33,000
        /// comment folders of a large workspace each skip a walk of the whole path).
        public init?(_ name: String, in parent: Directory) {
            let fd = openat(parent.fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            self.path = parent.path + "/" + name
            self.fd = fd
        }

        deinit { close(fd) }

        /// The stamps of regular files in this directory, in order; nil when
        /// any is missing or not a file.
        public func stamps(_ name: String, _ second: String? = nil) -> [Stamp]? {
            guard let first = stamp(name) else { return nil }
            guard let second else { return [first] }
            guard let other = stamp(second) else { return nil }
            return [first, other]
        }

        private func stamp(_ name: String) -> Stamp? {
            var info = stat()
            // A link is not followed, so it is no regular file here (and reading it then names it).
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Stamp(info)
        }

        /// Names in this directory (as `FileSystem.list`), read through the
        /// open descriptor instead of opening the path a second time, with
        /// what else the listing saw (`Unusual`). Not for two threads at
        /// once: they would share the listing's position.
        public func listing() -> (names: [String], unusual: Unusual) {
            var names: [String] = []
            let unusual = forEachName { names.append(String(decoding: $0, as: UTF8.self)) }
            return (names.sortedByBytes(), unusual)
        }

        /// Hands each name (dot-files left out) to `body` as the listing's
        /// bytes, valid only during the call, so a caller that keeps few of
        /// 200,000 names makes no string of the others. Returns what else the
        /// listing saw (from each entry's kind, no `stat`): what is neither a
        /// file nor a folder, and folders. From the start on every call.
        public func forEachName(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Unusual {
            if listed { lseek(fd, 0, SEEK_SET) }
            listed = true
            var unusual = Unusual()
            DirectoryEntries.forEach(in: fd) { entry in
                let name = FileSystem.nameBytes(entry)
                guard name.first != UInt8(ascii: ".") else { return }
                if Int32(entry.pointee.d_type) != Int32(DT_REG) { unusual.note(entry, in: path) }
                body(name)
            }
            return unusual
        }

        /// A small file's bytes with one `openat`, one `read` and one `close`;
        /// larger files take more reads. Links are not followed and only a
        /// regular file is read (a pipe is opened without blocking, then refused).
        public func readBytes(_ name: String) throws(FileError) -> [UInt8] {
            let file = openat(fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard file >= 0 else {
                if errno == ELOOP { throw FileError(path: path + "/" + name, reason: "is a symbolic link; docket never follows links") }
                throw FileError(path: path + "/" + name, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            defer { close(file) }
            var info = stat()
            guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw FileError(path: path + "/" + name, reason: "is \(Kind(mode: info.st_mode)), not a regular file; docket reads only regular files")
            }
            let chunk = 16_384
            var bytes: [UInt8] = []
            while true {
                var got = 0
                let part = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                    got = read(file, buffer.baseAddress!, chunk)
                    count = max(got, 0)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw FileError(path: path + "/" + name, reason: "cannot read: \(String(cString: strerror(errno)))")
                }
                if bytes.isEmpty && got < chunk { return part }  // the common case: one read, no copy
                bytes += part
                if got == 0 { return bytes }
            }
        }
    }
}
