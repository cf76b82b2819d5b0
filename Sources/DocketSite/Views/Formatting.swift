import DocketCore

/// How dates read on a page: in the workspace zone, absolute for hover and
/// relative ("in 2 days", "3 days overdue") for the eye.
struct DateFormatting: Sendable {
    let day: DayContext

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Wed 18 Mar 2026".
    func date(_ date: LocalDate) -> String {
        "\(Self.weekdays[date.weekday]) \(date.day) \(Self.months[date.month - 1]) \(date.year)"
    }

    /// "Wed 18 Mar 2026, 14:00" in the workspace zone.
    func instant(_ instant: Instant) -> String {
        date(day.zone.localDate(of: instant)) + ", " + day.zone.localTime(of: instant).description
    }

    func due(_ due: Due) -> String {
        switch due {
        case .allDay(let d): date(d)
        case .at(let i): instant(i)
        }
    }

    /// A short relative phrase for a due, from the reader's today.
    func relativeDue(_ due: Due, timing: Timing, isOpen: Bool) -> String {
        let dueDay = day.dueDay(due)
        let days = dueDay.dayNumber - day.today.dayNumber
        if isOpen && timing.isOverdue {
            if days < 0 { return days == -1 ? "1 day overdue" : "\(-days) days overdue" }
            if case .at(let at) = due { return "overdue since \(day.zone.localTime(of: at))" }
        }
        switch days {
        case 0:
            if case .at(let at) = due { return "today at \(day.zone.localTime(of: at))" }
            return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case 2...: return "in \(days) days"
        default: return "\(-days) days ago"
        }
    }

    /// "2 hours ago", "3 days ago", "in 5 minutes": for comments and history.
    func relative(_ instant: Instant) -> String {
        let seconds = (instant.milliseconds - day.now.milliseconds) / 1000
        let magnitude = abs(seconds)
        let phrase: String
        switch magnitude {
        case ..<60: return "just now"
        case ..<3600: phrase = plural(Int(magnitude / 60), "minute")
        case ..<86_400: phrase = plural(Int(magnitude / 3600), "hour")
        default: phrase = plural(Int(magnitude / 86_400), "day")
        }
        return seconds < 0 ? phrase + " ago" : "in " + phrase
    }

    private func plural(_ n: Int, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
}
