import Foundation

/// A regular file's bytes, mapped read-only into memory. docket's caches are
/// read whole at every run and hold 100 MB and more at 100,000 tasks: reading
/// one into an array took 0.15 s (mostly the kernel zeroing and faulting in
/// fresh pages for it), mapping it and touching every page 5 ms.
///
/// docket never changes a cache file in place: it renames a new file over
/// it, or appends to it, so the mapped bytes stay as they were while they are
/// read. (Only another program cutting the file short under a running build
/// could take pages away.)
public final class MappedFile: @unchecked Sendable {
    /// The file's bytes, valid while this object lives: read them through a
    /// stored reference (Swift may end a local's life at its last use).
    public let bytes: UnsafeRawBufferPointer
    /// Mapped (unmapped when done), or a copy (freed when done).
    private let isMapped: Bool

    /// A copy of `bytes` in memory, read as a mapped file is (tests, and bytes made in memory).
    public init(copying bytes: some Collection<UInt8>) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        copy.copyBytes(from: bytes)
        self.bytes = UnsafeRawBufferPointer(copy)
        isMapped = false
    }

    /// Maps `path` like `FileSystem.readBytes` reads it: a link is not
    /// followed, and only a regular file is mapped.
    public init(_ path: String) throws(FileError) {
        let (fd, count) = try FileSystem.openRegularFile(path)
        defer { close(fd) }
        isMapped = true
        guard count > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let start = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else {
            throw FileError(path: path, reason: "cannot map: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: start, count: count)
    }

    deinit {
        if !isMapped {
            bytes.deallocate()
        } else if let start = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: start), bytes.count)
        }
    }
}
