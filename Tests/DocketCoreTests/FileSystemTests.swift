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
                var names: [String] = []
                _ = FileSystem.forEachName(in: root) { names.append(String(decoding: $0, as: UTF8.self)) }
                #expect(names.sortedByBytes() == sorted)
            }
            // An open directory lists the same names, again after stamping files through it.
            let directory = try #require(FileSystem.Directory(root))
            #expect(directory.listing().names == sorted)
            #expect(directory.stamps(sorted[0], sorted[1]) != nil)
            #expect(directory.listing().names == sorted)
            #expect(directory.listing().unusual.specials.isEmpty && directory.listing().unusual.folders.isEmpty)
        }
    }

    /// A mapped cache file reads as its bytes, keeps them when a new file is
    /// renamed over it (as docket replaces its caches), and is refused, as a
    /// read is, when it is a link or a pipe.
    @Test func aMappedFileReadsItsBytesAndKeepsThem() throws {
        try withTemporaryDirectory { root in
            let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try FileSystem.writeAtomically(root + "/cache", bytes)
            let mapped = try MappedFile(root + "/cache")
            #expect(mapped.array == bytes)
            try FileSystem.writeAtomically(root + "/cache", Array("new".utf8))
            #expect(mapped.array == bytes, "a file renamed over the mapped one leaves its bytes as they were")
            #expect(try MappedFile(root + "/cache").array == Array("new".utf8))
            try FileSystem.writeAtomically(root + "/empty", [])
            #expect(try MappedFile(root + "/empty").array.isEmpty)
            #expect(MappedFile(copying: bytes[5..<9]).array == Array(bytes[5..<9]))

            #expect(symlink(root + "/cache", root + "/link") == 0)
            #expect(mkfifo(root + "/pipe", 0o644) == 0)
            for (name, reason) in [("link", "is a symbolic link"), ("pipe", "is a FIFO (named pipe), not a regular file"),
                                   ("missing", "cannot read: No such file or directory")] {
                #expect {
                    _ = try MappedFile(root + "/" + name)
                } throws: { error in
                    (error as? FileError)?.path == root + "/" + name && (error as? FileError)?.reason.hasPrefix(reason) == true
                }
            }
        }
    }

    /// `writeIfChanged` leaves a file alone only when it holds exactly the
    /// bytes: compared in pieces, a difference in the last byte of a file
    /// longer than a piece, or one byte more or less, is still a difference.
    @Test func aFileHoldsExactlyItsBytesOrIsWrittenAgain() throws {
        try withTemporaryDirectory { root in
            let path = root + "/page.html"
            let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            try FileSystem.writeAtomically(path, bytes)
            #expect(FileSystem.holds(path, exactly: bytes))
            var last = bytes
            last[last.count - 1] ^= 1
            #expect(!FileSystem.holds(path, exactly: last))
            #expect(!FileSystem.holds(path, exactly: Array(bytes.dropLast())))
            #expect(!FileSystem.holds(path, exactly: bytes + [0]))
            #expect(!FileSystem.holds(root + "/missing", exactly: []))
            #expect(symlink(path, root + "/link") == 0)
            #expect(!FileSystem.holds(root + "/link", exactly: bytes), "a link is never read through")
            try FileSystem.writeAtomically(root + "/empty", [])
            #expect(FileSystem.holds(root + "/empty", exactly: []))

            #expect(try FileSystem.writeIfChanged(path, bytes) == false)
            #expect(try FileSystem.writeIfChanged(path, last) == true)
            #expect(try FileSystem.readBytes(path) == last)
        }
    }

    /// A listing names what is not a regular file (a folder, a link, a pipe)
    /// from the entries' kinds, for the workspace's safety check.
    @Test func listingsNameFoldersLinksAndPipes() throws {
        try withTemporaryDirectory { root in
            #expect(FileManager.default.createFile(atPath: root + "/a.json", contents: nil))
            try FileSystem.createDirectory(root + "/folder")
            try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/a.json")
            #expect(mkfifo(root + "/pipe.md", 0o644) == 0)
            var named: [String] = []
            let unusualNamed = FileSystem.forEachName(in: root) { named.append(String(decoding: $0, as: UTF8.self)) }
            #expect(named.sortedByBytes() == ["a.json", "folder", "link.json", "pipe.md"])
            let directory = try #require(FileSystem.Directory(root))
            let listed = directory.listing()
            for unusual in [unusualNamed, listed.unusual] {
                #expect(unusual.folders == ["folder"])
                #expect(Dictionary(uniqueKeysWithValues: unusual.specials.map { ($0.path, $0.kind) }) == ["link.json": .symbolicLink, "pipe.md": .fifo])
            }
            #expect(listed.names == ["a.json", "folder", "link.json", "pipe.md"])
            let byKind = FileSystem.listByKind(root)
            #expect(byKind.directories == ["folder"] && byKind.others == ["a.json", "link.json", "pipe.md"])
            #expect(byKind.specials.map(\.path).sortedByBytes() == ["link.json", "pipe.md"])
        }
    }

    /// `getdents64` and a `DIR` stream (where that call is missing) see the
    /// same entries, kinds included, over names of every length.
    @Test func bothWaysOfListingAFolderSeeTheSameEntries() throws {
        try withTemporaryDirectory { root in
            for n in 0..<1_500 {
                #expect(FileManager.default.createFile(atPath: root + "/" + String(n) + String(repeating: "y", count: (n * 11) % 230), contents: nil))
            }
            try FileSystem.createDirectory(root + "/folder")
            let fd = open(root, O_RDONLY | O_DIRECTORY)
            try #require(fd >= 0)
            defer { close(fd) }
            func entries(stream: Bool) -> [String] {
                lseek(fd, 0, SEEK_SET)
                var seen: [String] = []
                DirectoryEntries.forEach(in: fd, stream: stream) { entry in
                    seen.append(String(decoding: FileSystem.nameBytes(entry), as: UTF8.self) + " \(entry.pointee.d_type)")
                }
                return seen.sortedByBytes()
            }
            let direct = entries(stream: false)
            #expect(direct.count == 1_503)  // with "." and ".."
            #expect(direct == entries(stream: true))
            #expect(direct.contains("folder \(DT_DIR)"))
        }
    }

    /// The walk goes into every folder, however deep, names a
    /// folder before what is in it (the stale sweep removes emptied folders in
    /// reverse), leaves hidden entries out unless asked, and never goes
    /// through a link: it names the link instead.
    @Test func theWalkNamesEveryFolderBeforeItsContentsAndNeverFollowsALink() throws {
        try withTemporaryDirectory { root in
            try FileSystem.createDirectory(root + "/a/b/c")
            try FileSystem.createDirectory(root + "/a/.hidden")
            try FileSystem.createDirectory(root + "/outside")
            for file in ["top.html", "a/one.json", "a/b/two.json", "a/b/c/three.json", "a/.hidden/four", "outside/five"] {
                #expect(FileManager.default.createFile(atPath: root + "/" + file, contents: nil))
            }
            try FileManager.default.createSymbolicLink(atPath: root + "/a/b/link", withDestinationPath: root + "/outside")
            let walked = FileSystem.walk(root)
            #expect(walked.files.sortedByBytes() == ["a/b/c/three.json", "a/b/two.json", "a/one.json", "outside/five", "top.html"])
            #expect(walked.directories.sortedByBytes() == ["a", "a/b", "a/b/c", "outside"])
            for (index, folder) in walked.directories.enumerated() {
                let parent = folder.split(separator: "/").dropLast().joined(separator: "/")
                if !parent.isEmpty { #expect(walked.directories[..<index].contains(parent), "\(folder) after \(parent)") }
            }
            #expect(walked.specials.map(\.path) == ["a/b/link"] && walked.specials.first?.kind == .symbolicLink)
            #expect(FileSystem.walk(root, includingHidden: true).files.contains("a/.hidden/four"))
            #expect(FileSystem.specials(under: root).map(\.path) == ["a/b/link"])
            // A tree hundreds of folders deep is walked to its end, without a stack or a descriptor per level.
            var deep = root + "/deep"
            for _ in 0..<400 { deep += "/d" }
            try FileSystem.createDirectory(deep)
            try FileManager.default.createSymbolicLink(atPath: deep + "/bottom", withDestinationPath: root)
            #expect(FileSystem.walk(root).directories.count == 4 + 401)
            #expect(FileSystem.specials(under: root).map(\.path).last == "deep" + String(repeating: "/d", count: 400) + "/bottom")
        }
    }

    /// A folder opened relative to its parent lists and stamps as one opened
    /// by its path; a link in its place is not followed.
    @Test func aFolderOpensRelativeToItsParentAndNeverThroughALink() throws {
        try withTemporaryDirectory { root in
            try FileSystem.createDirectory(root + "/comments/task")
            #expect(FileManager.default.createFile(atPath: root + "/comments/task/b.json", contents: Data("{}".utf8)))
            #expect(FileManager.default.createFile(atPath: root + "/comments/task/a.json", contents: nil))
            try FileManager.default.createSymbolicLink(atPath: root + "/comments/link", withDestinationPath: root + "/comments/task")
            let parent = try #require(FileSystem.Directory(root + "/comments"))
            let child = try #require(FileSystem.Directory("task", in: parent))
            #expect(child.path == root + "/comments/task")
            #expect(child.listing().names == ["a.json", "b.json"])
            #expect(child.stamps("b.json")?.first?.size == 2)
            #expect(try child.readBytes("b.json") == Array("{}".utf8))
            #expect(FileSystem.Directory("link", in: parent) == nil)
            #expect(FileSystem.Directory("missing", in: parent) == nil)
        }
    }

    /// Folders are made as `mkdir -p` makes them, again without complaint; a
    /// file or a link where a folder belongs is an error naming the path.
    @Test func foldersAreCreatedWithTheirParentsAndNothingIsFollowed() throws {
        try withTemporaryDirectory { root in
            try FileSystem.createDirectory(root + "/a/b/c")
            #expect(FileSystem.isDirectory(root + "/a/b/c"))
            try FileSystem.createDirectory(root + "/a/b/c")  // already there
            try FileSystem.createDirectory(root + "/a")
            func failure(_ path: String) -> FileError? {
                do throws(FileError) { try FileSystem.createDirectory(path) } catch { return error }
                return nil
            }
            #expect(FileManager.default.createFile(atPath: root + "/file", contents: nil))
            #expect(failure(root + "/file")?.reason == "cannot create directory: a regular file is in the way")
            #expect(failure(root + "/file/below")?.path == root + "/file/below")
            try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/a")
            #expect(failure(root + "/link")?.reason == "cannot create directory: is a symbolic link; docket never writes through links")
            #expect(FileSystem.parent(of: "a/b/c.json") == "a/b" && FileSystem.parent(of: "c.json") == "." && FileSystem.parent(of: "/c") == "/")
            #expect(FileSystem.parent(of: "é/✓/x") == "é/✓")
        }
    }
}

extension MappedFile {
    /// A copy of the bytes, made while the file is surely alive.
    var array: [UInt8] { withExtendedLifetime(self) { Array(bytes) } }
}
