extension InputCache {
    /// Where each entry of the cache file starts, by the hash of its key,
    /// written after the entries so that opening the file need not walk
    /// them: there is one per input file, and opening comes before any
    /// other loading can use the cache.
    ///
    /// Layout after the last entry: `count` pairs of little-endian words
    /// (key hash, offset of the entry), then a trailer of four words: where
    /// the pairs start, `count`, a checksum of the pairs, and `magic`. An
    /// index that does not add up is ignored and the entries are walked as
    /// before, so a torn or damaged file still only costs reading the inputs;
    /// each entry is checked on use anyway (its key, stamps, checksum).
    struct Index {
        static let magic: UInt64 = 0x5845_444E_4954_4B44  // "DKTINDEX", little-endian
        static let trailerLength = 32

        /// The entries appended so far: the hash of each key and where it starts.
        private(set) var pairs: [(hash: UInt64, offset: Int)] = []

        mutating func add(key: String, at offset: Int) {
            pairs.append((StableHash.fnv1a64(key), offset))
        }

        /// Appends the pairs and the trailer to `bytes`, which holds the entries they point into.
        func append(to bytes: inout [UInt8]) {
            let start = bytes.count
            bytes.reserveCapacity(start + pairs.count * 16 + Self.trailerLength)
            for pair in pairs {
                bytes.appendLittleEndian(pair.hash)
                bytes.appendLittleEndian(UInt64(pair.offset))
            }
            let checksum = StableHash.words64(bytes[start...])
            for word in [UInt64(start), UInt64(pairs.count), checksum, Self.magic] { bytes.appendLittleEndian(word) }
        }

        /// The offsets by key hash, from the index at the end of the file's bytes; nil
        /// when there is none or it does not add up. `entriesStart` is where
        /// the first entry begins (after the header line).
        static func offsets(in raw: UnsafeRawBufferPointer, entriesStart: Int) -> [UInt64: Int]? {
            let end = raw.count
            guard end - entriesStart >= trailerLength else { return nil }
            let trailer = end - trailerLength
            func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            guard word(trailer + 24) == magic else { return nil }
            let start = word(trailer)
            let count = word(trailer + 8)
            guard start >= UInt64(entriesStart), start <= UInt64(trailer), count <= UInt64(trailer) / 16,
                  UInt64(trailer) - start == count * 16 else { return nil }
            let first = Int(start)
            guard StableHash.words64(UnsafeRawBufferPointer(rebasing: raw[first..<trailer])) == word(trailer + 16) else { return nil }
            var offsets: [UInt64: Int] = [:]
            offsets.reserveCapacity(Int(count))
            for pair in 0..<Int(count) {
                let offset = word(first + pair * 16 + 8)
                guard offset >= UInt64(entriesStart), offset < start else { return nil }
                offsets[word(first + pair * 16)] = Int(offset)
            }
            return offsets
        }
    }
}
