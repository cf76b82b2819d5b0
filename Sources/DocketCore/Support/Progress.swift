import Foundation

/// Counts the work of a long stage and reports it, at most ten times a
/// second, to a callback: the command line draws the bar, the library
/// never prints. Stages under 1,000 items report nothing.
public final class Progress: @unchecked Sendable {
    public struct Update: Sendable {
        public var label: String
        public var done: Int
        public var total: Int
        public var perSecond: Int
        /// The stage's last report.
        public var finished: Bool
    }

    private let lock = NSLock()
    private let report: @Sendable (Update) -> Void
    private var label = ""
    private var total = 0
    private var done = 0
    private var started = 0.0
    private var lastReport = 0.0

    public init(report: @escaping @Sendable (Update) -> Void) { self.report = report }

    public func start(_ label: String, total: Int) {
        lock.withLock {
            self.label = label
            self.total = total
            self.done = 0
            self.started = Self.seconds()
            self.lastReport = 0
        }
    }

    public func advance(by count: Int = 1) {
        lock.withLock {
            guard total >= 1000 else { return }
            done += count
            let now = Self.seconds()
            if now - lastReport >= 0.1 || done == total {
                lastReport = now
                report(update(now, finished: false))
            }
        }
    }

    public func finish() {
        lock.withLock {
            guard total >= 1000 else { return }
            report(update(Self.seconds(), finished: true))
        }
    }

    private func update(_ now: Double, finished: Bool) -> Update {
        Update(label: label, done: done, total: total, perSecond: Int(Double(done) / max(now - started, 0.001)), finished: finished)
    }

    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
