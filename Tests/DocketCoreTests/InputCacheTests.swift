import Foundation
import Testing
@testable import DocketCore

/// The input cache may only ever save work: every load through it must give
/// exactly what reading the files gives (workspace and diagnostics alike).
struct InputCacheTests {
    static let taskPath = "/tasks/task_01HQ3K4A0000000000000000AA.json"

    /// A load through the cache, trusting files of any age (tests do not wait).
    func cachedLoad(_ directory: String, reading: Bool = true) -> WorkspaceLoader.Result {
        WorkspaceLoader.load(directory, cache: InputCache(workspace: directory, reading: reading, settle: 0))
    }

    /// The basic fixture in `directory`, loaded once through the cache: the cache file's path.
    func primedCache(_ directory: String) throws -> String {
        try overlay(fixtures + "/basic", onto: directory)
        _ = cachedLoad(directory)
        return directory + "/.docket/cache/inputs"
    }

    func expectSameAsReading(_ directory: String, _ cached: WorkspaceLoader.Result,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = WorkspaceLoader.load(directory)
        #expect(cached.diagnostics == plain.diagnostics, sourceLocation: sourceLocation)
        #expect(cached.workspace.tasks == plain.workspace.tasks, sourceLocation: sourceLocation)
        #expect(cached.workspace.comments == plain.workspace.comments, sourceLocation: sourceLocation)
        #expect(cached.workspace.records == plain.workspace.records, sourceLocation: sourceLocation)
    }

    @Test func aSecondLoadDecodesNothingAndGivesTheSameWorkspace() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            let first = cachedLoad(directory)
            #expect(first.reusedFiles?.reused == 0)
            let second = cachedLoad(directory)
            let (reused, total) = try #require(second.reusedFiles)
            #expect(total == 4 + 2 + 1 && reused == total)
            #expect(second.diagnostics.isEmpty)
            expectSameAsReading(directory, second)
            #expect(FileSystem.exists(directory + "/.docket/.gitignore"), "the cache folder is kept out of git")
        }
    }

    /// Every invalid fixture gives its exact diagnostics, line:column
    /// included, also when they come from the cache.
    @Test(arguments: WorkspaceLoaderTests.invalidCases)
    func problemsAreReportedTheSameFromTheCache(caseName: String) throws {
        try withTemporaryDirectory { directory in
            let expected = try WorkspaceLoaderTests.layOut(invalidCase: caseName, in: directory)
            _ = cachedLoad(directory)
            let second = cachedLoad(directory)
            #expect((second.reusedFiles?.reused ?? 0) > 0)
            #expect(second.diagnostics.map(\.description) == expected)
            // What validate does with nothing queued: the same problems and count, no value decoded.
            let checked = WorkspaceLoader.check(directory, cache: InputCache(workspace: directory, settle: 0))
            #expect(checked.reusedFiles?.reused == second.reusedFiles?.reused)
            #expect(checked.diagnostics.map(\.description) == expected)
            #expect(checked.validTasks == second.workspace.tasks.count)
        }
    }

    @Test func aFileChangedInPlaceIsReadAgain() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            _ = cachedLoad(directory)
            let path = directory + Self.taskPath
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let edited = original.replacingOccurrences(of: "Call Ada about the renewal", with: "Call Bob about the renewal")
            #expect(edited.utf8.count == original.utf8.count)
            Thread.sleep(forTimeInterval: 0.05)  // past the file system clock's tick
            let handle = try #require(FileHandle(forWritingAtPath: path))  // same inode, same size
            handle.write(Data(edited.utf8))
            try handle.close()
            let second = cachedLoad(directory)
            #expect(second.workspace.task("task_01HQ3K4A0000000000000000AA")?.title == "Call Bob about the renewal")
            #expect(second.reusedFiles?.reused == 6)
            expectSameAsReading(directory, second)
        }
    }

    @Test func whatTheDecodersCheckAgainstInvalidatesTheEntries() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            _ = cachedLoad(directory)
            // Sam leaves: tasks assigned to him are now errors.
            let people = try String(contentsOfFile: directory + "/people.json", encoding: .utf8)
                .split(separator: "\n").filter { !$0.contains("\"sam\"") }.joined(separator: "\n")
            try people.write(toFile: directory + "/people.json", atomically: true, encoding: .utf8)
            let withoutSam = cachedLoad(directory)
            #expect(withoutSam.diagnostics.contains { $0.message.contains("'sam', who is not in people.json") })
            expectSameAsReading(directory, withoutSam)
            // A linked record disappears: the link becomes a warning.
            try FileManager.default.removeItem(atPath: directory + "/records/deal/deal_acme.json")
            let withoutDeal = cachedLoad(directory)
            #expect(withoutDeal.diagnostics.contains { $0.severity == .warning && $0.message.contains("deal 'deal_acme'") })
            expectSameAsReading(directory, withoutDeal)
            // A comment's task is deleted: the comment is an error.
            for name in ["task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.json", "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.md"] {
                try FileManager.default.removeItem(atPath: directory + "/tasks/" + name)
            }
            let withoutTask = cachedLoad(directory)
            #expect(withoutTask.diagnostics.contains { $0.message.contains("which does not exist in tasks/") })
            expectSameAsReading(directory, withoutTask)
        }
    }

    @Test func aDamagedCacheFileIsAMissNeverAWrongValue() throws {
        try withTemporaryDirectory { directory in
            let path = try primedCache(directory)
            let good = try FileSystem.readBytes(path)
            var generator = SystemRandomNumberGenerator()
            var damaged: [[UInt8]] = [Array(good.prefix(good.count / 2)), Array(good.prefix(40)), Array("not a cache".utf8)]
            for _ in 0..<20 {
                var bytes = good
                for _ in 0..<8 { bytes[Int.random(in: 30..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
                damaged.append(bytes)
            }
            for bytes in damaged {
                try FileSystem.writeAtomically(path, bytes)
                expectSameAsReading(directory, cachedLoad(directory))
            }
        }
    }

    /// Opening finds each entry through the index written after the entries;
    /// an index that does not add up is not used, and without one the
    /// entries are walked, so every entry is still found.
    @Test func theIndexAfterTheEntriesFindsEveryEntry() throws {
        try withTemporaryDirectory { directory in
            let path = try primedCache(directory)
            let bytes = try FileSystem.readBytes(path)
            let start = try #require(InputCache.Header(bytes)).length
            let file = try MappedFile(path)
            let offsets = try #require(InputCache.Index.offsets(in: file.bytes, entriesStart: start))
            #expect(offsets.count == 4 + 2 + 1)
            for (hash, offset) in offsets {
                var reader = BinaryReader(file, offset..<file.bytes.count)
                #expect(StableHash.fnv1a64(bytes: reader.bytes(try reader.span(try reader.count()))) == hash, "the entry at \(offset) is its key's")
            }
            var changed = bytes
            changed[changed.count - InputCache.Index.trailerLength - 3] ^= 1
            let damaged = MappedFile(copying: changed), cut = MappedFile(copying: bytes.dropLast())
            withExtendedLifetime((damaged, cut)) {
                #expect(InputCache.Index.offsets(in: damaged.bytes, entriesStart: start) == nil, "a changed pair fails the checksum")
                #expect(InputCache.Index.offsets(in: cut.bytes, entriesStart: start) == nil)
            }

            let indexStart = Int(UInt64(littleEndian: file.bytes.loadUnaligned(fromByteOffset: bytes.count - InputCache.Index.trailerLength, as: UInt64.self)))
            try FileSystem.writeAtomically(path, Array(bytes[..<indexStart]))
            let walked = cachedLoad(directory)
            #expect(walked.reusedFiles?.reused == 4 + 2 + 1)
            expectSameAsReading(directory, walked)
        }
    }

    /// The payload checksum sees every byte (the last few, past the eight-byte words, too) and the length.
    @Test func thePayloadChecksumSeesEveryByte() {
        let bytes = (0..<101).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let sum = StableHash.words64(bytes[...])
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 1
            #expect(StableHash.words64(changed[...]) != sum, "byte \(index)")
        }
        #expect(StableHash.words64(bytes.dropLast()) != sum)
        #expect(StableHash.words64((bytes + [0])[...]) != sum)
        #expect(StableHash.words64(([7] + bytes)[1...]) == sum)  // a slice is checked from its own start
    }

    @Test func aTemporaryFileAKilledRunLeftIsRemovedOnTheNextSave() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            let leftover = directory + "/.docket/cache/.inputs.tmp-999999999"
            try FileSystem.createDirectory(directory + "/.docket/cache")
            try FileSystem.writeAtomically(leftover, Array(repeating: 0, count: 1000))
            _ = cachedLoad(directory)
            #expect(!FileSystem.exists(leftover))
            #expect(FileSystem.exists(directory + "/.docket/cache/inputs"))
        }
    }

    /// A file touched within the settle time is kept by its bytes alone: a
    /// second write in the same tick of the file system's clock could leave
    /// its stamps as they were, but not its bytes.
    @Test func freshFilesAreKeptByTheirBytesNotTheirStamps() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            // Default settle time: the files copied a moment ago are fresh.
            _ = WorkspaceLoader.load(directory, cache: InputCache(workspace: directory))
            let path = directory + Self.taskPath
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let handle = try #require(FileHandle(forWritingAtPath: path))  // same inode, same size
            handle.write(Data(original.replacingOccurrences(of: "Call Ada about the renewal", with: "Call Bob about the renewal").utf8))
            try handle.close()
            let again = WorkspaceLoader.load(directory, cache: InputCache(workspace: directory))
            #expect(again.workspace.task("task_01HQ3K4A0000000000000000AA")?.title == "Call Bob about the renewal")
            #expect(again.reusedFiles?.reused == 6, "the six files not edited come from the cache, by their bytes")
            expectSameAsReading(directory, again)
            // Without reading, nothing comes from the cache even when it has everything.
            #expect(cachedLoad(directory, reading: false).reusedFiles?.reused == 0)
        }
    }

    /// A fresh clone (CI restoring `.docket/cache` over a new checkout) gives
    /// every file new stamps and the same bytes: each is read, found by its
    /// bytes, not decoded; the cache is saved under the new stamps, so the
    /// run after reads nothing and saves nothing.
    @Test func aFreshCheckoutIsDecodedFromTheCacheByItsBytes() throws {
        try withTemporaryDirectory { directory in
            let cacheFile = try primedCache(directory)
            try overlay(fixtures + "/basic", onto: directory)  // every file again: new inodes and times
            let edited = directory + "/comments/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N/cmt_01HQ3K5Z0000000000000000ZZ.json"
            let comment = try String(contentsOfFile: edited, encoding: .utf8)
            try comment.replacingOccurrences(of: "\"content\": \"", with: "\"content\": \"Update: ").write(toFile: edited, atomically: true, encoding: .utf8)
            let checkedOut = cachedLoad(directory)
            #expect(checkedOut.reusedFiles?.reused == 6, "all but the edited comment")
            #expect(checkedOut.workspace.comments.values.joined().contains { $0.content.hasPrefix("Update: ") })
            expectSameAsReading(directory, checkedOut)
            let saved = try #require(FileManager.default.attributesOfItem(atPath: cacheFile)[.systemFileNumber] as? Int)
            let next = cachedLoad(directory)
            #expect(next.reusedFiles?.reused == 7)
            #expect(try FileManager.default.attributesOfItem(atPath: cacheFile)[.systemFileNumber] as? Int == saved,
                    "nothing changed, so the cache file was not written again")
        }
    }

    /// A run that finds a few files not in the cache reads just those and
    /// leaves the file as it was; once the misses outnumber the square root
    /// of its entries, it is written again, and the run after reads nothing.
    @Test func aFewMissesLeaveTheFileAsItWasAndMoreRewriteIt() throws {
        try withTemporaryDirectory { directory in
            let cacheFile = try primedCache(directory)  // 7 entries
            func fileNumber() throws -> Int? { try FileManager.default.attributesOfItem(atPath: cacheFile)[.systemFileNumber] as? Int }
            func edit(_ path: String, _ from: String, _ to: String) throws {
                let text = try String(contentsOfFile: directory + path, encoding: .utf8)
                #expect(text.contains(from))
                try text.replacingOccurrences(of: from, with: to).write(toFile: directory + path, atomically: true, encoding: .utf8)
            }
            let saved = try fileNumber()
            // One task edited: its new entry and its old one are two misses; the root of 7 is 2.6.
            try edit(Self.taskPath, "Call Ada about the renewal", "Call Bob about the renewal")
            for _ in 0..<2 {
                let run = cachedLoad(directory)
                #expect(run.reusedFiles?.reused == 6, "the edited file is read, every time")
                #expect(run.workspace.task("task_01HQ3K4A0000000000000000AA")?.title == "Call Bob about the renewal")
                expectSameAsReading(directory, run)
                #expect(try fileNumber() == saved, "two misses of seven entries: not written")
            }
            // A comment edited too: four misses.
            try edit("/comments/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N/cmt_01HQ3K5Z0000000000000000ZZ.json", "\"content\": \"", "\"content\": \"Update: ")
            let more = cachedLoad(directory)
            #expect(more.reusedFiles?.reused == 5)
            expectSameAsReading(directory, more)
            #expect(try fileNumber() != saved, "four misses of seven entries: written again")
            #expect(cachedLoad(directory).reusedFiles?.reused == 7)
        }
    }

    @Test func theFileIsWrittenWhenMissingOrOnceItsMissesPassTheRootOfItsEntries() {
        #expect(!InputCache.isWorthRewriting(misses: 0, stored: 0), "an empty workspace and no file")
        #expect(InputCache.isWorthRewriting(misses: 1, stored: 0))
        #expect(!InputCache.isWorthRewriting(misses: 0, stored: 287_000))
        #expect(!InputCache.isWorthRewriting(misses: 2, stored: 7) && InputCache.isWorthRewriting(misses: 3, stored: 7))
        #expect(!InputCache.isWorthRewriting(misses: 535, stored: 287_000) && InputCache.isWorthRewriting(misses: 536, stored: 287_000))
    }

    /// The file names the docket that wrote it by version, the stamp of its
    /// binary and a hash of the binary's bytes: the same bytes in a new file
    /// (a CI runner restoring docket from its cache) still count.
    @Test func theCacheIsKeyedByTheBinarysBytesWhenItsStampDiffers() throws {
        try withTemporaryDirectory { directory in
            let path = try primedCache(directory)
            let written = try FileSystem.readBytes(path)
            let header = try #require(InputCache.Header(written))
            #expect(header.version == DocketVersion.current && header.stamp == DocketVersion.executableStamp)
            let body = Array(written[header.length...])
            func load(version: String, stamp: String, hash: String) throws -> Int? {
                try FileSystem.writeAtomically(path, Array("docket inputs \(version) \(stamp) \(hash)\n".utf8) + body)
                return cachedLoad(directory).reusedFiles?.reused
            }
            #expect(try load(version: header.version, stamp: "1.2.3", hash: header.hash) == 7)
            #expect(try InputCache.Header(FileSystem.readBytes(path))?.stamp == DocketVersion.executableStamp,
                    "saved again under this binary's stamp")
            #expect(try load(version: header.version, stamp: header.stamp, hash: "0") == 7, "the stamp alone vouches")
            #expect(try load(version: header.version, stamp: "1.2.3", hash: "0") == 0, "another binary")
            #expect(try load(version: "0.0.1", stamp: header.stamp, hash: header.hash) == 0, "another version")
            #expect(try load(version: header.version, stamp: "-", hash: "-") == 0, "an unreadable binary matches nothing")
        }
    }
}

struct BinaryCodingTests {
    @Test func numbersAndTextRoundTrip() throws {
        let numbers: [Int64] = [0, 1, -1, 63, -64, 64, 300, -300, .max, .min, 1_700_000_000_000_000_000]
        var bytes: [UInt8] = []
        for number in numbers { bytes.appendVarint(number) }
        bytes.appendString("héllo ✓")
        bytes.appendLittleEndian(UInt64(0x0102_0304_0506_0708))
        var reader = BinaryReader(bytes[...])
        for number in numbers { #expect(try reader.signed() == number) }
        #expect(try reader.string() == "héllo ✓")
        #expect(try reader.fixedUInt64() == 0x0102_0304_0506_0708)
        #expect(reader.isAtEnd)
        #expect(throws: BinaryReader.Truncated.self) { _ = try reader.byte() }
    }

    /// ASCII, other text and bytes that are not UTF-8 (a cache written by something else) each read as they should.
    @Test func textIsReadExactlyAndBadUTF8Throws() throws {
        var bytes: [UInt8] = []
        for text in ["", "plain ascii", "ümlaut", String(repeating: "x", count: 300)] { bytes.appendString(text) }
        bytes.appendVarint(UInt64(3))
        bytes += [0x61, 0xFF, 0x62]
        var reader = BinaryReader(bytes[...])
        for text in ["", "plain ascii", "ümlaut", String(repeating: "x", count: 300)] { #expect(try reader.string() == text) }
        #expect(throws: BinaryReader.Truncated.self) { _ = try reader.string() }
    }

    @Test func aLengthPastTheEndThrows() {
        var bytes: [UInt8] = []
        bytes.appendVarint(UInt64(50))
        bytes += Array("short".utf8)
        var reader = BinaryReader(bytes[...])
        #expect(throws: BinaryReader.Truncated.self) { _ = try reader.string() }
    }

    @Test func aTaskWithEveryFieldRoundTrips() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        for task in workspace.tasks {
            var bytes: [UInt8] = []
            task.encode(into: &bytes)
            var reader = BinaryReader(bytes[...])
            #expect(try DocketCore.Task(from: &reader) == task)
            #expect(reader.isAtEnd)
        }
    }
}
