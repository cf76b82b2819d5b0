import Foundation

/// A folder's entries read straight from its descriptor with Linux's
/// `getdents64`, which Swift's Glibc module does not declare: a `DIR`
/// stream costs an `fstat`, two `fcntl` and a 32 KB buffer for each of the
/// 33,000 comment folders of a 100,000-task workspace. Where the call is
/// missing (another system), a stream over a copy of the descriptor.
enum DirectoryEntries {
    private typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int

    private static let getdents: GetDents? = {
        #if os(Linux)
        // A nil handle is glibc's RTLD_DEFAULT: the symbol as the process already links it.
        guard let symbol = dlsym(nil, "getdents64") else { return nil }
        return unsafeBitCast(symbol, to: GetDents.self)
        #else
        return nil
        #endif
    }()

    private static let lengthOffset = MemoryLayout<dirent>.offset(of: \dirent.d_reclen) ?? 16

    /// Calls `body` with each entry of the open folder `fd`, from its current
    /// position on. `stream` true takes the other systems' way (for tests).
    static func forEach(in fd: Int32, stream: Bool = false, _ body: (UnsafeMutablePointer<dirent>) -> Void) {
        guard let getdents, !stream else { return forEachInStream(fd, body) }
        withUnsafeTemporaryAllocation(byteCount: 16_384, alignment: 8) { buffer in
            while true {
                let count = getdents(fd, buffer.baseAddress, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0, count <= buffer.count else { return }
                var offset = 0
                while offset < count {
                    let start = buffer.baseAddress! + offset
                    // The length is read where it lies: an entry is only as long as its name.
                    let length = Int(start.loadUnaligned(fromByteOffset: lengthOffset, as: UInt16.self))
                    guard length > 0 else { return }
                    body(start.assumingMemoryBound(to: dirent.self))
                    offset += length
                }
            }
        }
    }

    private static func forEachInStream(_ fd: Int32, _ body: (UnsafeMutablePointer<dirent>) -> Void) {
        let copy = dup(fd)
        guard copy >= 0 else { return }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) { body(entry) }
    }
}
