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
    public func localDate(of instant: Instant) -> LocalDate { local(instant).date }

    /// The local wall-clock time of an instant.
    public func localTime(of instant: Instant) -> LocalTime { local(instant).time }

    /// Both, from one offset: each lookup goes through ICU, and pages and
    /// lists say hundreds of thousands of instants as a date and a time.
    public func local(_ instant: Instant) -> (date: LocalDate, time: LocalTime) {
        let local = instant.seconds + Int64(offset(at: instant))
        let day = Instant.floorDiv(local, 86_400)
        let secondOfDay = Int(local - day * 86_400)
        return (LocalDate(dayNumber: Int(day)), LocalTime(hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60)!)
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
