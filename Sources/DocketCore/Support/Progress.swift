import Foundation

/// A progress bar with counts and rate on stderr, for long stages. It draws
/// only on a terminal and at most ten times a second, so it costs nothing
/// when piped, in CI, or with `--quiet`.
public final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var label = ""
    private var total = 0
    private var done = 0
    private var started = 0.0
    private var lastDraw = 0.0

    /// `enabled` is usually `isatty(stderr) && !quiet`.
    public init(enabled: Bool) { self.enabled = enabled }

    public static func forTerminal(quiet: Bool) -> Progress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : Progress(enabled: true)
    }

    public func start(_ label: String, total: Int) {
        lock.withLock {
            self.label = label
            self.total = total
            self.done = 0
            self.started = Self.seconds()
            self.lastDraw = 0
        }
    }

    public func advance(by count: Int = 1) {
        guard enabled, total >= 1000 else { return }
        lock.withLock {
            done += count
            let now = Self.seconds()
            if now - lastDraw >= 0.1 || done == total {
                lastDraw = now
                draw(now)
            }
        }
    }

    public func finish() {
        guard enabled, total >= 1000 else { return }
        lock.withLock {
            draw(Self.seconds())
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }

    private func draw(_ now: Double) {
        let width = 30
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * Double(width))
        let rate = Double(done) / max(now - started, 0.001)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(label) \(bar) \(done)/\(total) \(Int(rate))/s "
        FileHandle.standardError.write(Data(line.utf8))
    }

    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
