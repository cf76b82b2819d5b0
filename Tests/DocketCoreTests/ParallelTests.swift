import Foundation
import Testing
@testable import DocketCore

struct ParallelMapTests {
    /// Every width, including more threads than cores (the reading stages'),
    /// must give the serial result: order kept, every item mapped once.
    @Test(arguments: [1, 2, 3, 16])
    func keepsOrderAndMapsEachItemOnce(width: Int) {
        let items = Array(0..<10_007)
        let calls = Counter()
        let mapped = parallelMap(items, width: width) { item -> Int in
            calls.add()
            return item * 3
        }
        #expect(mapped == items.map { $0 * 3 })
        #expect(calls.value == items.count)
    }

    /// Cut into one piece, into a piece per item, or into more pieces than
    /// items, a map still gives the serial result.
    @Test(arguments: [1, 7, 10_007, 50_000])
    func anyNumberOfPiecesKeepsOrder(pieces: Int) {
        let items = Array(0..<10_007)
        let calls = Counter()
        let mapped = parallelMap(items, width: 2, pieces: pieces) { item -> Int in
            calls.add()
            return item &* 7
        }
        #expect(mapped == items.map { $0 &* 7 })
        #expect(calls.value == items.count)
    }

    /// The threads of a wide map really run at once: a map whose items each
    /// wait for a slow read overlaps those waits instead of queuing them.
    @Test func wideMapOverlapsWaits() {
        let running = Counter()
        let peak = Counter()
        _ = parallelMap(Array(0..<64), width: 8) { _ -> Int in
            peak.raise(to: running.add())
            usleep(2_000)
            running.add(-1)
            return 0
        }
        #expect(peak.value > Parallel.cores)
    }

    @Test func fewItemsStayOnTheCallingThread() {
        let caller = pthread_self()
        let threads = parallelMap(Array(0..<5), serialBelow: 32, width: 16) { _ in pthread_self() }
        #expect(threads.allSatisfy { pthread_equal($0, caller) != 0 })
    }
}

struct BackgroundValueTests {
    @Test func aValueIsWhatItsWorkMade() {
        let value = BackgroundValue { (1...1000).reduce(0, +) }
        #expect(value.value() == 500_500)
    }

    /// A build that fails in a stage drops the values it started: dropping
    /// one waits for its work, which must still have somewhere to put its result.
    @Test func aValueDroppedBeforeItsWorkEndsWaitsForIt() {
        let finished = Counter()
        do {
            _ = BackgroundValue { () -> Int in
                usleep(50_000)
                finished.add()
                return 1
            }
        }
        #expect(finished.value == 1)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }

    @discardableResult
    func add(_ amount: Int = 1) -> Int { lock.withLock { count += amount; return count } }

    func raise(to candidate: Int) { lock.withLock { count = max(count, candidate) } }
}

struct BackgroundJobTests {
    @Test func waitReturnsOnceTheJobHasRun() {
        let ran = Counter()
        let job = BackgroundJob {
            usleep(20_000)
            ran.add()
        }
        job.wait()
        #expect(ran.value == 1)
        job.wait()  // a second wait returns at once
        #expect(ran.value == 1)
    }
}

struct AtomicFileWriterTests {
    /// Pieces land in order, and only when committed; until then the old
    /// file stays whole.
    @Test func piecesReplaceTheFileOnlyOnCommit() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/cache/rows"
            try FileSystem.writeAtomically(path, Array("old".utf8))
            let file = try AtomicFileWriter(path)
            file.write(Array("new ".utf8))
            file.write(Array("pieces".utf8))
            #expect(try FileSystem.readString(path) == "old")
            try file.commit(durable: false)
            #expect(try FileSystem.readString(path) == "new pieces")
            #expect(FileSystem.list(directory + "/cache", includingHidden: true) == ["rows"])
        }
    }

    @Test func aWriterDroppedUncommittedLeavesNothingBehind() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/rows"
            try FileSystem.writeAtomically(path, Array("old".utf8))
            do {
                let file = try AtomicFileWriter(path)
                file.write(Array("half".utf8))
            }
            #expect(try FileSystem.readString(path) == "old")
            #expect(FileSystem.list(directory, includingHidden: true) == ["rows"])
        }
    }

    /// `docket add` writes through a dot-file beside the edit: an apply
    /// running at that moment never sees it (it once applied the temporary file).
    @Test func aWritersTemporaryFileIsInvisibleToApply() throws {
        try withTemporaryDirectory { directory in
            let file = try AtomicFileWriter(directory + "/queue/edit.json")
            file.write(Array(#"{"op": "task.delete", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA"}"#.utf8))
            let during = EditQueue.load(workspace: directory, now: Instant(milliseconds: 0))
            #expect(during.items.isEmpty && during.skipped.isEmpty)
            #expect(FileSystem.list(directory + "/queue", includingHidden: true).first?.hasPrefix(".edit.json.tmp-") == true)
            try file.commit(durable: false)
            #expect(EditQueue.load(workspace: directory, now: Instant(milliseconds: 0)).items.count == 1)
        }
    }

    @Test func aFolderThatCannotBeWrittenIsNamedInTheError() throws {
        try withTemporaryDirectory { directory in
            let blocker = directory + "/file"
            try FileSystem.writeAtomically(blocker, [])
            #expect {
                _ = try AtomicFileWriter(blocker + "/inside")
            } throws: { error in
                (error as? FileError)?.path == blocker || (error as? FileError)?.path == blocker + "/inside"
            }
        }
    }
}
