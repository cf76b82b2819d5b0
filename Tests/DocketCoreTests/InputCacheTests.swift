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
            try overlay(fixtures + "/basic", onto: directory)
            _ = cachedLoad(directory)
            let path = directory + "/.docket/cache/inputs"
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

    @Test func freshFilesAreNotTrustedByTheirStamp() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            // Default settle time: files copied a moment ago are read, not kept.
            _ = WorkspaceLoader.load(directory, cache: InputCache(workspace: directory))
            let again = WorkspaceLoader.load(directory, cache: InputCache(workspace: directory))
            #expect(again.reusedFiles?.reused == 0)
            // Without reading, nothing comes from the cache even when it has everything.
            _ = cachedLoad(directory)
            #expect(cachedLoad(directory, reading: false).reusedFiles?.reused == 0)
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
