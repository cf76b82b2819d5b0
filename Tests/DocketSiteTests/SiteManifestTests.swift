@testable import DocketSite
import Testing

struct SiteManifestTests {
    static func file(_ lines: [(UInt64, String)]) -> [UInt8] {
        SiteManifest.header + lines.flatMap { Array("\(String($0.0, radix: 16)) \($0.1)\n".utf8) }
    }

    /// Prints are written as `String(_:radix: 16)` writes them (the file is read back by that reading).
    @Test func printsAreWrittenInLowerCaseHexWithoutLeadingZeros() {
        var values: [UInt64] = [0, 1, 9, 10, 15, 16, 255, 256, 0xabcdef, .max, .max - 1, 1 << 63]
        for shift in 0..<64 { values += [1 << UInt64(shift), (1 << UInt64(shift)) - 1] }
        for value in values {
            var bytes: [UInt8] = []
            SiteManifest.appendHex(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value, radix: 16))
        }
    }

    /// Kept entries and written ones come out as one list in byte order, each path once,
    /// a rewritten path with its new print, and what this build neither kept nor wrote gone.
    @Test func keptAndWrittenEntriesMergeInByteOrder() {
        let manifest = SiteManifest(Self.file([(1, "api/a.json"), (2, "tasks/b.html"), (3, "tasks/d.html"), (4, "tasks/gone.html")]))
        for path in ["api/a.json", "tasks/b.html", "tasks/d.html", "tasks/gone.html"] { #expect(manifest.notePresent(path)) }
        #expect(manifest.keep("api/a.json", fingerprint: 1))
        #expect(!manifest.keep("tasks/b.html", fingerprint: 9))  // its inputs changed
        #expect(manifest.keep("tasks/d.html", fingerprint: 3))
        manifest.record("tasks/b.html", fingerprint: 9)
        manifest.record("tasks/c.html", fingerprint: 5)
        manifest.record("Z.html", fingerprint: 6)  // "Z" sorts before "a"
        #expect(manifest.keep("tasks/d.html", fingerprint: 3))
        manifest.record("tasks/d.html", fingerprint: 7)  // kept, then written again anyway
        #expect(manifest.bytes() == Self.file([(6, "Z.html"), (1, "api/a.json"), (9, "tasks/b.html"), (5, "tasks/c.html"), (7, "tasks/d.html")]))
        #expect(manifest.keptCount == 1 && manifest.isKept("api/a.json") && !manifest.isKept("tasks/d.html"))
    }

    /// An output the last build made is kept only while its file is still in
    /// the folder: one a reader deleted is made again, though its inputs did not change.
    @Test func anOutputNoLongerInTheFolderIsNotKept() {
        let manifest = SiteManifest(Self.file([(1, "a.html"), (2, "b.html")]))
        #expect(manifest.notePresent("b.html"))
        #expect(!manifest.notePresent("stray.html"), "a file the last build did not make is not the manifest's")
        #expect(!manifest.isPresent("a.html") && manifest.isPresent("b.html") && !manifest.isPresent("stray.html"))
        #expect(!manifest.keep("a.html", fingerprint: 1))
        #expect(manifest.keep("b.html", fingerprint: 2))
        #expect(manifest.presentPaths == ["b.html"])
        #expect(manifest.bytes() == Self.file([(2, "b.html")]))
    }

    /// A file not in byte order (not one docket wrote) is sorted, not merged into disorder.
    @Test func aFileOutOfOrderIsWrittenInOrder() {
        let manifest = SiteManifest(Self.file([(2, "b"), (1, "a")]))
        #expect(manifest.notePresent("a") && manifest.notePresent("b"))
        #expect(manifest.keep("a", fingerprint: 1) && manifest.keep("b", fingerprint: 2))
        manifest.record("c", fingerprint: 3)
        #expect(manifest.bytes() == Self.file([(1, "a"), (2, "b"), (3, "c")]))
    }

    /// Paths are found by their bytes, as the folder's walk hands them over; a
    /// path listed twice is one entry, the later line's.
    @Test func pathsAreFoundByTheirBytesAndALaterDuplicateWins() {
        let manifest = SiteManifest(Self.file([(1, "a.html"), (2, "b.html"), (3, "a.html")]))
        #expect(Array("b.html".utf8).withUnsafeBufferPointer(manifest.notePresent))
        #expect(!Array("b.htm".utf8).withUnsafeBufferPointer(manifest.notePresent))
        #expect(!Array("b.html/".utf8).withUnsafeBufferPointer(manifest.notePresent))
        #expect(manifest.notePresent("a.html"))
        #expect(!manifest.keep("a.html", fingerprint: 1) && manifest.keep("a.html", fingerprint: 3))
        #expect(manifest.keep("b.html", fingerprint: 2))
        #expect(manifest.bytes() == Self.file([(3, "a.html"), (2, "b.html")]))
    }

    /// Every one of many paths that share long prefixes is found at its place,
    /// and no other path is found.
    @Test func thePathTableFindsExactlyItsPaths() {
        let texts = (0..<20_000).map { "api/tasks/task_01KM\(String($0, radix: 32))/comments.json" } + ["", "a"]
        let joined = Array(texts.joined().utf8)
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: joined.count)
        defer { bytes.deallocate() }
        _ = bytes.initialize(from: joined)
        let starts = texts.reduce(into: [0]) { $0.append($0.last! + $1.utf8.count) }
        let path = { (position: Int) in UnsafeBufferPointer(rebasing: UnsafeBufferPointer(bytes)[starts[position]..<starts[position + 1]]) }
        let table = PathTable(count: texts.count, path: path)
        #expect(texts.indices.map { table.find(path($0), path: path) } == Array(texts.indices))
        for absent in ["api/tasks/task_01KMzzzz/comments.json", "api/tasks/task_01KM0/comments.jso", "b"] {
            #expect(Array(absent.utf8).withUnsafeBufferPointer { table.find($0, path: path) } == nil)
        }
        #expect(PathTable(count: 0, path: path).find(path(0), path: path) == nil)
    }

    /// Lines that are not `<hex> <path>` are skipped; nothing else is lost.
    @Test func linesThatAreNotEntriesAreSkipped() {
        let bytes = SiteManifest.header + Array("zz nope\nff ok\n12345678901234567 too-long\n\nab\n".utf8)
        let entries = SiteManifest(bytes).entries
        #expect(entries.map(\.path) == ["ok"] && entries.map(\.print) == [255])
        #expect(SiteManifest(nil).bytes() == SiteManifest.header)
    }
}
