import DocketCore

/// How dates read on a page: in the workspace zone, absolute for hover and
/// relative ("in 2 days", "3 days overdue") for the eye.
struct DateFormatting: Sendable {
    let day: DayContext

    /// "Wed 18 Mar 2026".
    func date(_ date: LocalDate) -> String { HumanTime.date(date) }

    /// "Wed 18 Mar 2026, 14:00" in the workspace zone.
    func instant(_ instant: Instant) -> String { HumanTime.instant(instant, zone: day.zone) }

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
        let bucket = relativeBucket(instant)
        if bucket == 0 { return "just now" }
        let units = ["", "minute", "hour", "day"]
        let phrase = plural(Int(abs(bucket) / 4), units[Int(abs(bucket) % 4)])
        return bucket < 0 ? phrase + " ago" : "in " + phrase
    }

    /// What `relative` says of an instant, as a number: 0 for "just now",
    /// else ±(count × 4 + unit), negative in the past. Equal buckets read the
    /// same, so a page's fingerprint holds buckets, not the instant of the
    /// build, and a page is re-rendered only when one of its phrases changes.
    func relativeBucket(_ instant: Instant) -> Int64 {
        let seconds = (instant.milliseconds - day.now.milliseconds) / 1000
        let magnitude = abs(seconds)
        let bucket: Int64 = switch magnitude {
        case ..<60: 0
        case ..<3600: magnitude / 60 * 4 + 1
        case ..<86_400: magnitude / 3600 * 4 + 2
        default: magnitude / 86_400 * 4 + 3
        }
        return seconds < 0 ? -bucket : bucket
    }

    private func plural(_ n: Int, _ unit: String) -> String { n == 1 ? "1 \(unit)" : "\(n) \(unit)s" }
}
