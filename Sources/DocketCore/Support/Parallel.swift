import Dispatch
import Foundation

/// How wide the parallel stages run.
public enum Parallel {
    /// Cores this process may use: the width of stages that compute.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Threads for stages that mostly wait for the file system (reading the
    /// workspace). On this machine's disk a read waits far longer than it
    /// computes, and more reads in flight overlap those waits: reading the
    /// 287,000 files of a 100,000-task workspace took 8–21 s with one reader
    /// and 4.5–5.3 s with eight (`xargs -P`, measured; sixteen bought no more).
    public static var ioWidth: Int { max(8, 4 * cores) }
}

/// Maps over an array on `width` threads (every core by default), keeping
/// the input order so the result (and every file written from it) never
/// depends on thread timing. Fewer items than `serialBelow` are mapped on the
/// calling thread (for many tiny items the hand-off costs more than it saves;
/// pass 2 for a few big ones). A width above the core count (`Parallel.ioWidth`)
/// is for work that blocks on reads; it runs on threads of its own.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], serialBelow: Int = 32, width: Int = Parallel.cores,
                                                  _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count < max(serialBelow, 2) || width < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let buffer = results
    if width <= Parallel.cores {
        let chunks = min(count, width * 8)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let low = count * chunk / chunks
            let high = count * (chunk + 1) / chunks
            for index in low..<high { buffer[index] = transform(items[index]) }
        }
    } else {
        // Threads take small runs of items from a shared cursor, so a thread
        // stuck on a slow read does not hold up a large share of the work.
        let run = max(1, min(64, count / (width * 16)))
        let cursor = RunCursor(count: count, run: run)
        withoutActuallyEscaping(transform) { transform in
            let work = ThreadWork {
                while let range = cursor.next() {
                    for index in range { buffer[index] = transform(items[index]) }
                }
            }
            work.runOnThreads(min(width, count) - 1)
        }
    }
    return results.map { $0! }
}

/// One body run on several POSIX threads at once, returning when all have
/// ended. Threads are joined (not just signalled), so nothing holds the body
/// once `runOnThreads` returns: it may capture a closure that must not escape.
private final class ThreadWork: @unchecked Sendable {
    private let body: () -> Void

    init(_ body: @escaping () -> Void) { self.body = body }

    func runOnThreads(_ count: Int) {
        var threads: [pthread_t] = []
        for _ in 0..<count {
            let context = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { context in
                Unmanaged<ThreadWork>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, context)
            if started == 0 {
                threads.append(thread)
            } else {
                Unmanaged<ThreadWork>.fromOpaque(context).release()
            }
        }
        // The calling thread works too: if no thread could start, it does it all.
        body()
        for thread in threads { pthread_join(thread, nil) }
    }
}

/// Hands out consecutive index ranges to threads.
private final class RunCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private let count: Int
    private let run: Int

    init(count: Int, run: Int) {
        self.count = count
        self.run = run
    }

    func next() -> Range<Int>? {
        lock.withLock {
            guard position < count else { return nil }
            let low = position
            position = min(count, position + run)
            return low..<position
        }
    }
}
