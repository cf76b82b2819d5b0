import DocketCore
@testable import DocketSite
import Foundation
import Testing

/// Opening the site folder lists only the folders whose stamps moved since
/// the last build; what it learns must equal what listing every folder would.
struct FolderStampsTests {
    /// A site of fingerprinted pages and pages made without one, in folders two deep.
    static let pages: [String: UInt64?] = [
        "index.html": nil, "a/one.html": 1, "a/two.html": 2, "a/list.html": nil,
        "b/three.html": 3, "b/c/four.json": 4, "b/c/list.json": nil, "d/five.html": 5,
    ]

    /// One build: each page kept when current, else written; then the sweep and the manifest.
    @discardableResult
    static func build(_ root: String, _ pages: [String: UInt64?] = pages) throws -> SiteOutput {
        let output = try SiteOutput(root: root, folderStamps: stamps(root))
        for (path, print) in pages.sorted(by: { $0.key < $1.key }) {
            if let print {
                if !output.isCurrent(path, fingerprint: print) { try output.write(path, "page \(path) \(print)", fingerprint: print) }
            } else {
                try output.write(path, "page \(path)")
            }
        }
        try output.removeStale()
        try output.saveManifest()
        return output
    }

    /// Waits until every folder's last change is old enough for its stamp to vouch for it.
    static func settle(_ root: String) {
        for _ in 0..<300 {
            let folders = FileSystem.walk(root).directories
            if folders.allSatisfy({ FolderStamp.of(root + "/" + $0)?.isSettled(at: FolderStamp.now()) ?? true }) { return }
            usleep(10_000)
        }
    }

    /// A site built twice, each build settled: the first finds no folder to
    /// stamp, the second stamps them all, so the next build lists none it did not change.
    static func stampedSite(_ root: String) throws {
        try build(root)
        settle(root)
        try build(root)
        settle(root)
    }

    /// Beside the site, as the workspace's cache is.
    static func stamps(_ root: String) -> String { root + "-folders" }

    static func withSite(_ body: (String) throws -> Void) throws {
        let root = NSTemporaryDirectory() + "docket-stamps-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: stamps(root))
        }
        try body(root)
    }

    @Test func aRebuildListsOnlyTheFoldersThatChanged() throws {
        try Self.withSite { root in
            try Self.build(root)
            Self.settle(root)
            // The first build found no folders to stamp, so the second lists them all.
            #expect(try Self.build(root).listedFolders == 4)
            Self.settle(root)
            let quiet = try Self.build(root)
            #expect(quiet.listedFolders == 0)
            #expect(quiet.written == 0 && quiet.removed == 0 && quiet.unchanged == Self.pages.count)

            // A reader deletes a page and leaves a stray file: those two folders are listed,
            // the page is made again though its inputs did not change, and the stray is swept.
            try FileManager.default.removeItem(atPath: root + "/b/c/four.json")
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/d/stray.txt"))
            Self.settle(root)
            let mended = try Self.build(root)
            #expect(mended.listedFolders == 2)
            #expect(FileManager.default.fileExists(atPath: root + "/b/c/four.json"))
            #expect(!FileManager.default.fileExists(atPath: root + "/d/stray.txt"))
            #expect(mended.removed == 1)
        }
    }

    /// A page made without a fingerprint, in a folder that was not listed, is
    /// still known: compared before it is written, and swept once no longer made.
    @Test func pagesWithoutAFingerprintInUnlistedFoldersAreKnown() throws {
        try Self.withSite { root in
            try Self.stampedSite(root)
            var pages = Self.pages
            pages.removeValue(forKey: "a/list.html")
            let output = try Self.build(root, pages)
            #expect(output.listedFolders == 0)
            #expect(output.removed == 1 && output.written == 0)
            #expect(!FileManager.default.fileExists(atPath: root + "/a/list.html"))
        }
    }

    /// Stamps saved with another manifest (a build stopped halfway leaves the
    /// marker without fingerprints) vouch for nothing: every folder is listed.
    @Test func stampsOfAnotherManifestVouchForNothing() throws {
        try Self.withSite { root in
            try Self.stampedSite(root)
            let marker = root + "/" + SiteOutput.marker
            var bytes = try FileSystem.readBytes(marker)
            bytes += Array("ff extra/page.html\n".utf8)
            try FileSystem.writeAtomically(marker, bytes)
            #expect(try Self.build(root).listedFolders == 4)
        }
    }

    /// A link or a removed folder in a folder that was unchanged moves its stamp,
    /// so the link is found and refused, and the folder is made again.
    @Test func linksAndRemovedFoldersAreFound() throws {
        try Self.withSite { root in
            try Self.build(root)
            Self.settle(root)
            try Self.build(root)
            try FileManager.default.removeItem(atPath: root + "/b/c")
            Self.settle(root)
            #expect(try Self.build(root).written == 2)
            #expect(FileManager.default.fileExists(atPath: root + "/b/c/list.json"))
            Self.settle(root)
            try FileManager.default.createSymbolicLink(atPath: root + "/a/link.html", withDestinationPath: "/etc/passwd")
            #expect(throws: SiteOutput.SetupError.self) { try SiteOutput(root: root, folderStamps: Self.stamps(root)) }
        }
    }

    /// The file reads back as written; cut short, edited or of another manifest, it reads as nothing.
    @Test func theFileRoundTripsAndRefusesWhatItDidNotWrite() throws {
        let folders = [
            FolderStamps.Folder(path: "a", stamp: FolderStamp(inode: 12, modified: 1_700_000_000_123_456_789, changed: 1_700_000_000_123_456_790),
                                extras: ["list.html", "name with space.html"]),
            FolderStamps.Folder(path: "a/- odd", stamp: nil, extras: []),
            FolderStamps.Folder(path: "b c", stamp: FolderStamp(inode: 1, modified: 0, changed: 5), extras: []),
        ]
        let bytes = try #require(FolderStamps.bytes(folders, root: "site", manifest: 77))
        let read = try #require(FolderStamps(bytes, root: "site", manifest: 77))
        #expect(read.subfolders(ifUnchanged: "a", FolderStamp(inode: 12, modified: 1_700_000_000_123_456_789, changed: 1_700_000_000_123_456_790))
            == ["a/- odd"])
        #expect(read.subfolders(ifUnchanged: "a/- odd", FolderStamp(inode: 1, modified: 0, changed: 0)) == nil, "an unknown stamp vouches for nothing")
        #expect(read.subfolders(ifUnchanged: "b c", FolderStamp(inode: 1, modified: 0, changed: 6)) == nil)
        #expect(read.subfolders(ifUnchanged: "b c", FolderStamp(inode: 1, modified: 0, changed: 5)) == [])
        #expect(read.unchangedExtras == ["a/list.html", "a/name with space.html"])
        #expect(FolderStamps(bytes, root: "site", manifest: 78) == nil, "another manifest")
        #expect(FolderStamps(bytes, root: "other", manifest: 77) == nil, "another site folder")
        #expect(FolderStamps(Array(bytes.dropLast(3)), root: "site", manifest: 77) == nil)
        #expect(FolderStamps(bytes + Array("zz 1 2 x\n".utf8), root: "site", manifest: 77) == nil)
        #expect(FolderStamps.bytes([FolderStamps.Folder(path: "a\nb", stamp: nil, extras: [])], root: "site", manifest: 1) == nil)
    }

    /// A folder changed in the same clock tick as its stamp was taken could change again unseen.
    @Test func aStampTooCloseToItsChangeVouchesForNothing() {
        let now: Int64 = 1_800_000_000_000_000_000
        #expect(!FolderStamp(inode: 1, modified: 0, changed: now - 5_000_123).isSettled(at: now))
        #expect(FolderStamp(inode: 1, modified: 0, changed: now - 25_000_123).isSettled(at: now))
        #expect(!FolderStamp(inode: 1, modified: 0, changed: now - 1_000_000_000).isSettled(at: now), "whole seconds: a coarse file system")
        #expect(FolderStamp(inode: 1, modified: 0, changed: now - 3_000_000_000).isSettled(at: now))
        #expect(!FolderStamp(inode: 1, modified: 0, changed: now + 40_000_123).isSettled(at: now), "a change time ahead of the clock")
    }
}
