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
    /// Capped so a many-core machine does not start hundreds of threads.
    public static var ioWidth: Int { min(64, max(8, 4 * cores)) }
}

/// Maps over an array on `width` threads (every core by default), keeping
/// the input order so the result (and every file written from it) never
/// depends on thread timing. Fewer items than `serialBelow` are mapped on the
/// calling thread (for many tiny items the hand-off costs more than it saves;
/// pass 2 for a few big ones). On the cores, the items are cut into `pieces`
/// runs that the threads take in turn (8 a thread by default); items of very different
/// sizes go one a piece (`pieces: items.count`), largest first, so no thread
/// is left alone with a big one at the end. A width above the core count
/// (`Parallel.ioWidth`) is for work that blocks on reads; it runs on threads of its own.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], serialBelow: Int = 32, width: Int = Parallel.cores,
                                                  pieces: Int? = nil, _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count < max(serialBelow, 2) || width < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let buffer = results
    if width <= Parallel.cores {
        let chunks = max(1, min(count, pieces ?? width * 8))
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
            let drain = {
                while let range = cursor.next() {
                    for index in range { buffer[index] = transform(items[index]) }
                }
            }
            // Joined before the closure ends: nothing holds `transform` afterwards.
            let threads = (1..<min(width, count)).compactMap { _ in startThread(drain) }
            drain()  // the calling thread works too; if no thread started, it does it all
            for thread in threads { pthread_join(thread, nil) }
        }
    }
    return results.map { $0! }
}

/// Work on a thread of its own while the caller goes on (a cache saved
/// while pages render); `wait()` returns once it has ended.
public final class BackgroundJob: @unchecked Sendable {
    private var thread: pthread_t?

    /// Starts `body` (or, when no thread can be started, runs it right away).
    public init(_ body: @escaping @Sendable () -> Void) {
        thread = startThread(body)
        if thread == nil { body() }
    }

    public func wait() {
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }
}

/// A value made on a thread of its own while the caller goes on (the safety
/// walk while files are read, the task listing while the input cache opens);
/// `value()` waits for it.
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    /// Where the work puts its result: its own object, not this one, which
    /// may be dropped before the work ends (a stage that failed) and then
    /// waits for it in `deinit`, when nothing may reach it any more.
    private final class Slot: @unchecked Sendable {
        var result: Value?
    }

    private let slot = Slot()
    private var job: BackgroundJob?

    public init(_ make: @escaping @Sendable () -> Value) {
        let slot = slot
        job = BackgroundJob { slot.result = make() }
    }

    /// Call from one thread (the one that made it).
    public func value() -> Value {
        job?.wait()
        job = nil
        return slot.result!  // set by `make` before the job ended
    }

    deinit { job?.wait() }
}

/// Starts `body` on a new POSIX thread; nil when none could be started. The
/// thread lets go of `body` when it ends, so once it is joined nothing holds it.
func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    guard pthread_create(&thread, nil, { context in
        Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context) == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return nil
    }
    return thread
}

private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
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
