extension InputCache {
    /// The cache file's first line, `docket inputs <version> <binary stamp>
    /// <binary hash>`: which docket decoded the entries. A file is used only
    /// by the same version and binary, recognised by the stamp of its file
    /// (no reading) or else by the hash of its bytes (a CI runner restoring
    /// docket from its cache gets a new file with the same bytes).
    struct Header {
        static let prefix = "docket inputs"
        /// A header line is never longer (its newline included).
        static let maximumLength = 512
        var version: String
        var stamp: String
        /// Hex; "-" when the binary could not be read, which matches nothing.
        var hash: String
        /// Bytes of the line, its newline included.
        var length: Int

        /// The header at the start of `bytes`, or nil when there is none.
        init?(_ bytes: [UInt8]) {
            guard let end = bytes.prefix(Self.maximumLength).firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let fields = String(decoding: bytes[..<end], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0] + " " + fields[1] == Self.prefix else { return nil }
            version = String(fields[2])
            stamp = String(fields[3])
            hash = String(fields[4])
            length = end + 1
        }

        /// This binary's header; `hash` when a header already vouched for it.
        init(hash: String?) {
            version = DocketVersion.current
            stamp = DocketVersion.executableStamp
            self.hash = hash ?? Self.hex(DocketVersion.executableHash)
            length = 0
        }

        var isThisBinary: Bool {
            guard version == DocketVersion.current else { return false }
            if stamp != "-" && stamp == DocketVersion.executableStamp { return true }
            return hash != "-" && hash == Self.hex(DocketVersion.executableHash)
        }

        var bytes: [UInt8] { Array("\(Self.prefix) \(version) \(stamp) \(hash)\n".utf8) }

        static func hex(_ value: UInt64?) -> String { value.map { String($0, radix: 16) } ?? "-" }
    }
}
