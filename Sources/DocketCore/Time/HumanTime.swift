/// Dates and times as a person reads them, in the workspace time zone:
/// "Wed 18 Mar 2026", "Wed 18 Mar 2026, 14:00". Pages and the terminal
/// say them the same way.
public enum HumanTime {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdayBytes = weekdays.map { Array($0.utf8) }
    private static let monthBytes = months.map { Array($0.utf8) }

    public static func date(_ date: LocalDate) -> String { text(date, time: nil) }

    public static func instant(_ instant: Instant, zone: Zone) -> String {
        let local = zone.local(instant)
        return text(local.date, time: local.time)
    }

    public static func due(_ due: Due, zone: Zone) -> String {
        switch due {
        case .allDay(let day): date(day) + " (all day)"
        case .at(let at): instant(at, zone: zone)
        }
    }

    /// Written into the string's own storage: a site says a few hundred
    /// thousand of these, and joining interpolated pieces made several strings each.
    private static func text(_ date: LocalDate, time: LocalTime?) -> String {
        // Years outside four digits (an instant at the edge of the range, moved by a zone) the slow way.
        guard (1...9999).contains(date.year) else {
            let day = "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1]) \(date.year)"
            return time.map { day + ", " + $0.description } ?? day
        }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var count = 0
            func put(_ bytes: [UInt8]) {
                for byte in bytes {
                    buffer[count] = byte
                    count += 1
                }
            }
            func number(_ value: Int, width: Int) {
                ASCII.write(value, width: width, into: buffer, at: count)
                count += width
            }
            let space: [UInt8] = [0x20]
            put(weekdayBytes[date.weekday])
            put(space)
            number(date.day, width: date.day < 10 ? 1 : 2)
            put(space)
            put(monthBytes[date.month - 1])
            put(space)
            number(date.year, width: date.year < 10 ? 1 : date.year < 100 ? 2 : date.year < 1000 ? 3 : 4)
            if let time {
                put([0x2C, 0x20])
                number(time.hour, width: 2)
                put([0x3A])
                number(time.minute, width: 2)
            }
            return count
        }
    }
}
