/// A calendar date without a time or a zone (`2026-03-20`), as used for
/// all-day dues and for "today" in the workspace time zone.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (proleptic Gregorian).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso8601 text: String) {
        guard text.utf8.count == 10,
              let (y, m, d) = text.utf8.withContiguousStorageIfAvailable({ LocalDate.fields($0) }) ?? LocalDate.fields(Array(text.utf8))
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static func fields<B: RandomAccessCollection>(_ b: B) -> (Int, Int, Int)? where B.Element == UInt8, B.Index == Int {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// Days since 1970-01-01 (Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var iso8601: String {
        guard hasFourDigitYear else {
            let y = String(year)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + Instant.pad2(month) + "-" + Instant.pad2(day)
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            writeISO8601(into: buffer)
            return 10
        }
    }

    /// Years 0...9999, which `writeISO8601` takes (a day number far out of
    /// range can give others).
    var hasFourDigitYear: Bool { (0...9999).contains(year) }

    /// `YYYY-MM-DD` into the first 10 bytes of `buffer`.
    func writeISO8601(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        ASCII.write(year, width: 4, into: buffer, at: 0)
        buffer[4] = UInt8(ascii: "-")
        ASCII.write(month, width: 2, into: buffer, at: 5)
        buffer[7] = UInt8(ascii: "-")
        ASCII.write(day, width: 2, into: buffer, at: 8)
    }

    public var description: String { iso8601 }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A wall-clock time of day, `HH:MM`.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM`, and `HH:MM:SS` with zero seconds (as il returns it).
    public init?(text: String) {
        let b = Array(text.utf8)
        guard b.count == 5 || (b.count == 8 && b[5] == 0x3A && b[6] == 0x30 && b[7] == 0x30), b[2] == 0x3A,
              let h = Int(String(decoding: b[0..<2], as: UTF8.self)),
              let m = Int(String(decoding: b[3..<5], as: UTF8.self)),
              b[0..<2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), b[3..<5].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var secondsIntoDay: Int { hour * 3600 + minute * 60 }
    public var description: String { Instant.pad2(hour) + ":" + Instant.pad2(minute) }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.secondsIntoDay < b.secondsIntoDay }
}

/// Fixed-width decimal fields written as bytes.
enum ASCII {
    /// `value` (not negative) as `width` digits, zero-padded, at `offset`.
    static func write(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        var index = offset + width - 1
        while index >= offset {
            buffer[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
