import DocketCore
import Foundation

/// Where each of a list of byte strings (the site manifest's paths) sits in
/// the list, found by a hash of the bytes: an open-addressed table of
/// positions, so a lookup needs no `String` and the table no object per path.
/// The caller keeps the bytes; the table keeps their hashes and positions.
struct PathTable: Sendable {
    /// A position in the list, or -1 for an empty slot.
    private let slots: [Int]
    private let hashes: [UInt64]
    private let mask: Int

    /// `count` paths, the one at each position given by `path`. When a path
    /// comes twice, the later position is the one found.
    init(count: Int, path: (Int) -> UnsafeBufferPointer<UInt8>) {
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Int](repeating: -1, count: capacity)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        for position in 0..<count {
            let bytes = path(position)
            let hash = Self.hash(bytes)
            hashes.append(hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 {
                let other = slots[slot]
                if hashes[other] == hash && Self.equal(path(other), bytes) { break }
                slot = (slot + 1) & mask
            }
            slots[slot] = position
        }
        self.slots = slots
        self.hashes = hashes
    }

    /// The position of `bytes`, or nil; `path` gives the bytes at a position, as for `init`.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, path: (Int) -> UnsafeBufferPointer<UInt8>) -> Int? {
        if hashes.isEmpty { return nil }
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let position = slots[slot]
            if position < 0 { return nil }
            if hashes[position] == hash && Self.equal(path(position), bytes) { return position }
            slot = (slot + 1) & mask
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// `StableHash.words64`: eight bytes a step (paths share long prefixes,
    /// so every byte counts), mixed so the low bits the table uses depend on all of them.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        StableHash.words64(UnsafeRawBufferPointer(bytes))
    }
}
