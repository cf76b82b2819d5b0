import Foundation

/// Decides the one instant a build computes everything at: `--now`, else
/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the clock.
public enum NowResolver {
    public struct InvalidNow: Error, CustomStringConvertible {
        public var source: String
        public var value: String
        public var description: String {
            "error: \(source) '\(value)' is not a time; expected RFC 3339 such as 2026-03-18T14:00:00Z"
                + (source == "SOURCE_DATE_EPOCH" ? " (or whole seconds since 1970)" : "")
        }
    }

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(InvalidNow) -> Instant {
        if let option {
            guard let instant = Instant(rfc3339: option) else { throw InvalidNow(source: "--now", value: option) }
            return instant
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw InvalidNow(source: "SOURCE_DATE_EPOCH", value: epoch) }
            return Instant(seconds: seconds)
        }
        return Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
