import Foundation

/// A due as people type it on the command line: `today`, `tomorrow`, a
/// weekday (`friday`, `fri`: the next one after today), `+3d`, `+2w`,
/// `YYYY-MM-DD`, any of those followed by ` HH:MM` (in the workspace time
/// zone), or an RFC 3339 date-time.
public enum DueInput {
    public static let accepted = "today, tomorrow, a weekday (friday), +3d, +2w, YYYY-MM-DD, 'YYYY-MM-DD HH:MM' or an RFC 3339 time"

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    public static func parse(_ input: String, now: Instant, zone: Zone) -> Due? {
        let text = input.trimmingCharacters(in: .whitespaces)
        if let instant = Instant(rfc3339: text) { return .at(instant) }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map { $0.lowercased() }
        guard (1...2).contains(words.count), let date = day(words[0], today: zone.localDate(of: now)) else { return nil }
        guard words.count == 2 else { return .allDay(date) }
        guard let time = LocalTime(text: words[1]) else { return nil }
        return .at(zone.instant(date: date, secondsIntoDay: time.secondsIntoDay))
    }

    /// The calendar day a word names, counted from `today`.
    static func day(_ word: String, today: LocalDate) -> LocalDate? {
        switch word {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if let weekday = weekdays.firstIndex(where: { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }) {
            let ahead = (weekday - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        if word.hasPrefix("+"), let unit = word.last, unit == "d" || unit == "w",
           let count = Int(word.dropFirst().dropLast()), (0...3650).contains(count) {
            return today.adding(days: unit == "w" ? count * 7 : count)
        }
        return LocalDate(iso8601: word)
    }
}
