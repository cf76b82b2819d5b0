import Testing
@testable import DocketCore

struct ByteOrderTests {
    /// The packed-prefix sort must order exactly as comparing whole strings
    /// byte by byte: long shared prefixes, prefixes of each other, empty and
    /// non-ASCII strings, duplicates.
    @Test func sortedByBytesEqualsTheByteOrder() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["task_01KGS9QNW0YDVJ6FX312E9", "a", "b", "", "é", "✓", "Z", "\u{7F}", "0", "zz"]
        var names: [String] = []
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...4, using: &generator)
            names.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        names += names.prefix(50)  // duplicates
        let expected = names.sorted { $0.precedesInByteOrder($1) }
        #expect(names.sortedByBytes() == expected)
        #expect(Array(names.prefix(10)).sortedByBytes() == Array(names.prefix(10)).sorted { $0.precedesInByteOrder($1) })
    }

    /// The order itself: UTF-8 bytes compared one by one, a prefix first.
    @Test func theOrderIsTheOrderOfTheBytes() {
        let texts = ["", "a", "ab", "b", "B", "é", "e\u{301}", "✓", "\u{7F}", "task_01", "task_02", "task_0", "zz", "Ω"]
        for a in texts {
            for b in texts {
                #expect(a.precedesInByteOrder(b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)), "\(a) against \(b)")
            }
        }
    }
}
