import Dispatch
import Foundation

/// Maps over an array on every core, keeping the input order so the result
/// (and every file written from it) never depends on thread timing.
/// Fewer items than `serialBelow` are mapped on the calling thread (for many
/// tiny items the hand-off costs more than it saves; pass 2 for a few big ones).
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], serialBelow: Int = 32, _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    let workers = ProcessInfo.processInfo.activeProcessorCount
    if count < max(serialBelow, 2) || workers < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let chunks = min(count, workers * 8)
    nonisolated(unsafe) let buffer = results
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let low = count * chunk / chunks
        let high = count * (chunk + 1) / chunks
        for index in low..<high { buffer[index] = transform(items[index]) }
    }
    return results.map { $0! }
}
