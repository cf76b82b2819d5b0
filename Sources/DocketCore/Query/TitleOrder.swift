import Foundation

/// How titles sort, in `docket list --sort title` and on the site's task
/// list: by their letters, ignoring case and accents ("Émile" beside
/// "emile"), byte by byte; equal titles keep the caller's tie-break (the id).
/// Each title's key is made once, so a sort compares bytes: Foundation's
/// localized comparison, called for each pair, took seconds at 100,000 tasks.
public enum TitleOrder {
    /// The bytes a title sorts by: ASCII lowercased in place, anything else
    /// folded by Foundation (no locale, so every machine sorts alike).
    public static func key(_ title: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        for byte in title.utf8 {
            guard byte < 0x80 else {
                return Array(title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return bytes
    }

    /// Byte order, a shorter key before a longer one that starts with it.
    public static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// The two keys' order.
    public static func compare(_ a: [UInt8], _ b: [UInt8]) -> ComparisonResult {
        a == b ? .orderedSame : (precedes(a, b) ? .orderedAscending : .orderedDescending)
    }

    /// Dense ranks of `titles` (equal keys share a rank, counting from 0) and
    /// how many ranks there are: the task list sorts by these numbers.
    public static func ranks(_ titles: [String]) -> (ranks: [Int], count: Int) {
        let keys = titles.map(key)
        let order = keys.indices.sorted { precedes(keys[$0], keys[$1]) }
        var ranks = [Int](repeating: 0, count: keys.count)
        var rank = -1
        for (position, index) in order.enumerated() {
            if position == 0 || keys[order[position - 1]] != keys[index] { rank += 1 }
            ranks[index] = rank
        }
        return (ranks, rank + 1)
    }
}
