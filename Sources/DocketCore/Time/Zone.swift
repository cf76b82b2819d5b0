import Foundation

/// The workspace time zone: turns instants into local dates and local
/// wall-clock times into instants, across DST changes.
public struct Zone: Sendable {
    public let identifier: String
    private let timeZone: TimeZone

    /// nil for an identifier that is not in the IANA database.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = tz
    }

    public static let utc = Zone(identifier: "UTC")!

    /// Seconds east of UTC in force at an instant.
    public func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
    }

    /// The local calendar date of an instant.
    public func localDate(of instant: Instant) -> LocalDate {
        let local = instant.seconds + Int64(offset(at: instant))
        return LocalDate(dayNumber: Int(Instant.floorDiv(local, 86_400)))
    }

    /// The local wall-clock time of an instant.
    public func localTime(of instant: Instant) -> LocalTime {
        let local = instant.seconds + Int64(offset(at: instant))
        let secondOfDay = Int(local - Instant.floorDiv(local, 86_400) * 86_400)
        return LocalTime(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60)!
    }

    /// The instant a local wall-clock time happens. In a DST gap the time is
    /// read with the offset before the change (02:30 on a spring-forward day
    /// becomes 03:30); in an overlap the earlier instant is chosen.
    public func instant(date: LocalDate, secondsIntoDay: Int) -> Instant {
        let wall = Int64(date.dayNumber) * 86_400 + Int64(secondsIntoDay)
        let before = Int64(offset(at: Instant(seconds: wall - 86_400 / 2)))
        let after = Int64(offset(at: Instant(seconds: wall + 86_400 / 2)))
        let candidateEarly = wall - max(before, after)
        let candidateLate = wall - min(before, after)
        for candidate in [candidateEarly, candidateLate] {
            if candidate + Int64(offset(at: Instant(seconds: candidate))) == wall {
                return Instant(seconds: candidate)
            }
        }
        return Instant(seconds: wall - before)
    }

    /// The first instant of a local date.
    public func startOfDay(_ date: LocalDate) -> Instant {
        instant(date: date, secondsIntoDay: 0)
    }
}

extension Zone {
    /// Up to three IANA names close to a mistyped one, for "did you mean":
    /// the same name in other case, names whose city matches, then the
    /// fewest edits.
    public static func suggestions(for text: String) -> [String] {
        let known = TimeZone.knownTimeZoneIdentifiers
        let wanted = String(text.lowercased().prefix(64))
        if let exact = known.first(where: { $0.lowercased() == wanted }) { return [exact] }
        let city = wanted.split(separator: "/").last.map(String.init) ?? wanted
        let byCity = known.filter { $0.lowercased().hasSuffix("/" + city) || $0.lowercased().contains(city) && city.count >= 4 }
        if !byCity.isEmpty { return Array(byCity.sorted().prefix(3)) }
        let scored = known.map { ($0, editDistance(Array($0.lowercased().utf8), Array(wanted.utf8))) }
        return scored.filter { $0.1 <= max(2, wanted.count / 3) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
