/// Dates and times as a person reads them, in the workspace time zone:
/// "Wed 18 Mar 2026", "Wed 18 Mar 2026, 14:00". Pages and the terminal
/// say them the same way.
public enum HumanTime {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func date(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    public static func instant(_ instant: Instant, zone: Zone) -> String {
        let local = zone.local(instant)
        return date(local.date) + ", " + local.time.description
    }

    public static func due(_ due: Due, zone: Zone) -> String {
        switch due {
        case .allDay(let day): date(day) + " (all day)"
        case .at(let at): instant(at, zone: zone)
        }
    }
}
