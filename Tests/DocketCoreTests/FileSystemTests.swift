import Foundation
import Testing
@testable import DocketCore

@Suite struct FileSystemTests {
    /// Names of every length, so the listing's entries end at every offset of
    /// its buffer. Reading a whole `dirent` for each one read past the buffer's
    /// end and crashed `docket list` on a 20,000-task workspace one run in four.
    @Test func listingsReadEveryNameExactlyAndNoFurther() throws {
        try withTemporaryDirectory { root in
            var expected: [String] = []
            for n in 0..<3_000 {
                let name = String(n) + String(repeating: "x", count: (n * 7) % 200) + (n % 2 == 0 ? ".json" : ".md")
                expected.append(name)
                #expect(FileManager.default.createFile(atPath: root + "/" + name, contents: nil))
            }
            let sorted = expected.sortedByBytes()
            for _ in 0..<20 {
                #expect(FileSystem.list(root) == sorted)
                #expect(FileSystem.listByKind(root).others == sorted)
                #expect(FileSystem.walk(root).files.sortedByBytes() == sorted)
                let split = FileSystem.listStems(root, suffixes: [".json"])
                #expect((split.stems[0].map { $0 + ".json" } + split.others).sortedByBytes() == sorted)
            }
        }
    }
}
