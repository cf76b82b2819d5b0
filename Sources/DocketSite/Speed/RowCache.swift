import DocketCore

/// Rendered task rows kept between builds, by row fingerprint, so a rebuild
/// after one edit renders one row instead of 100,000 (the rows were the
/// largest part of such a rebuild: 8 s of 25 s at 100,000 tasks).
///
/// One append-only file in the workspace's `.docket/cache/` (git ignores
/// `.docket/`). A build appends the rows it rendered; when superseded rows
/// outnumber live ones the file is rewritten with the live rows only. It is
/// only a cache: a missing, foreign or torn file (a build killed while
/// appending) costs a re-render, never a wrong page, because every entry is
/// found by the fingerprint of everything its row shows and its lengths are
/// checked against the file.
final class RowCache: @unchecked Sendable {
    static let fileName = "rows"
    private static let magic = Array("docket rows \(DocketVersion.current)\n".utf8)

    let path: String?
    /// The file as it was when this build began (mapped, not copied: see `MappedFile`).
    private let file: MappedFile?
    private var entries: [UInt64: (list: Range<Int>, table: Range<Int>)] = [:]
    /// Entries in the file, superseded ones included.
    private var stored = 0
    /// The file ends in part of an entry (a build was killed while
    /// appending): appending after it would shift every later entry, so the
    /// next save rewrites the file.
    private var torn = false

    /// `directory` nil: no cache (every row is rendered, nothing is kept);
    /// `reading` false: every row is rendered, and the file rewritten.
    init(directory: String?, reading: Bool = true) {
        path = directory.map { $0 + "/" + Self.fileName }
        guard let path, reading, let file = try? MappedFile(path), file.bytes.starts(with: Self.magic) else {
            file = nil
            return
        }
        self.file = file
        let bytes = file.bytes
        var offset = Self.magic.count
        // Entry: fingerprint (8 bytes), list row length (4), table row length (4), both rows' UTF-8.
        while offset + 16 <= bytes.count {
            let fingerprint = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let listCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)))
            let tableCount = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            let start = offset + 16
            guard start + listCount + tableCount <= bytes.count else { break }
            entries[fingerprint] = (start..<start + listCount, start + listCount..<start + listCount + tableCount)
            offset = start + listCount + tableCount
            stored += 1
        }
        torn = offset != bytes.count
    }

    /// The list row and table row rendered earlier from the same inputs.
    func rows(for fingerprint: UInt64) -> (list: String, table: String)? {
        guard let file, let (list, table) = entries[fingerprint] else { return nil }
        let utf8 = file.bytes.assumingMemoryBound(to: UInt8.self)
        return (String(decoding: UnsafeBufferPointer(rebasing: utf8[list]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: utf8[table]), as: UTF8.self))
    }

    /// Keeps `fresh` (rows rendered by this build) for the next one. `live`
    /// is every row of this build, written alone when the file has grown to
    /// more than twice their number. The file is written in pieces of about
    /// a megabyte: at 100,000 tasks it holds 160 MB.
    func save(fresh: [(UInt64, String, String)], live: () -> [(UInt64, String, String)]) {
        guard let path, !fresh.isEmpty || torn else { return }
        let all = live()
        if file == nil || torn || stored + fresh.count > 2 * all.count + 1024 {
            guard let file = AtomicFileWriter.forCache(path) else { return }
            var piece = Self.magic
            for row in all {
                Self.append(row, to: &piece)
                if piece.count >= 1 << 20 {
                    file.write(piece)
                    piece.removeAll(keepingCapacity: true)
                }
            }
            file.write(piece)
            // No fsync: after a power cut a cache may be empty, never wrong.
            try? file.commit(durable: false)
            return
        }
        var tail: [UInt8] = []
        for row in fresh { Self.append(row, to: &tail) }
        FileSystem.append(path, tail)
    }

    private static func append(_ row: (UInt64, String, String), to file: inout [UInt8]) {
        let (fingerprint, list, table) = row
        file.appendLittleEndian(fingerprint)
        file.appendLittleEndian(UInt32(list.utf8.count))
        file.appendLittleEndian(UInt32(table.utf8.count))
        file.append(contentsOf: list.utf8)
        file.append(contentsOf: table.utf8)
    }
}
