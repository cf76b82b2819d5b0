import DocketCore
import Foundation

/// Draws a `Progress` as a bar on stderr, only on a terminal and never
/// with `--quiet`, so it costs nothing when piped or in CI.
enum TerminalProgress {
    static func make(quiet: Bool) -> DocketCore.Progress? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        return DocketCore.Progress { update in
            let width = 30
            let fraction = update.total == 0 ? 1 : Double(update.done) / Double(update.total)
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r\(update.label) \(bar) \(update.done)/\(update.total) \(update.perSecond)/s " + (update.finished ? "\n" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
