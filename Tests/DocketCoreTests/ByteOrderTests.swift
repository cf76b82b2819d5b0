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
}
