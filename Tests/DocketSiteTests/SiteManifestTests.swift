@testable import DocketSite
import Testing

struct SiteManifestTests {
    static func file(_ lines: [(UInt64, String)]) -> [UInt8] {
        SiteManifest.header + lines.flatMap { Array("\(String($0.0, radix: 16)) \($0.1)\n".utf8) }
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

    /// Lines that are not `<hex> <path>` are skipped; nothing else is lost.
    @Test func linesThatAreNotEntriesAreSkipped() {
        let bytes = SiteManifest.header + Array("zz nope\nff ok\n12345678901234567 too-long\n\nab\n".utf8)
        let entries = SiteManifest.parse(bytes)
        #expect(entries.map(\.path) == ["ok"] && entries.map(\.print) == [255])
        #expect(SiteManifest(nil).bytes() == SiteManifest.header)
    }
}
