/// A point in time with millisecond precision, stored as milliseconds since
/// 1970-01-01T00:00:00Z. Parsed and printed by hand: RFC 3339 is a fixed
/// layout, and Foundation's formatters cost tens of microseconds per date.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(seconds: Int64) { self.milliseconds = seconds * 1000 }

    public var seconds: Int64 { Self.floorDiv(milliseconds, 1000) }

    public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }

    public func adding(seconds: Int64) -> Instant { Instant(milliseconds: milliseconds + seconds * 1000) }

    /// Parses an RFC 3339 date-time (`2026-03-20T17:00:00Z`, `…T17:00:00.250+01:00`).
    public init?(rfc3339 text: String) {
        // Read the bytes in place when the string is contiguous (it almost always is): no array per date.
        guard let parsed = text.utf8.withContiguousStorageIfAvailable({ Instant.parse($0) }) ?? Instant.parse(Array(text.utf8)) else {
            return nil
        }
        self = parsed
    }

    private static func parse<B: RandomAccessCollection>(_ b: B) -> Instant? where B.Element == UInt8, B.Index == Int {
        guard b.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<start + count {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
              let day = digits(8, 2), b[10] == 0x54 || b[10] == 0x74,
              let hour = digits(11, 2), b[13] == 0x3A, let minute = digits(14, 2), b[16] == 0x3A,
              let second = digits(17, 2),
              let date = LocalDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var millis = 0
        if b[index] == 0x2E {
            index += 1
            var scale = 100
            let start = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                millis += Int(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offsetSeconds = 0
        switch b[index] {
        case 0x5A, 0x7A:  // Z z
            index += 1
        case 0x2B, 0x2D:  // + -
            guard let oh = digits(index + 1, 2), b.count > index + 3, b[index + 3] == 0x3A,
                  let om = digits(index + 4, 2), oh < 24, om < 60 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[index] == 0x2B ? 1 : -1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let secs = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return Instant(milliseconds: secs * 1000 + Int64(millis))
    }

    /// RFC 3339 in UTC, with milliseconds only when there are any. Written
    /// as bytes: views, task JSON and feeds format each instant again, and
    /// joining small strings made this 2.5% of a cold render (callgrind).
    public var rfc3339: String {
        let secs = seconds
        let millis = Int(milliseconds - secs * 1000)
        let day = Self.floorDiv(secs, 86_400)
        let secondOfDay = Int(secs - day * 86_400)
        let date = LocalDate(dayNumber: Int(day))
        guard date.hasFourDigitYear else { return date.iso8601 + "T" + Self.clock(secondOfDay, millis) + "Z" }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            date.writeISO8601(into: buffer)
            buffer[10] = UInt8(ascii: "T")
            ASCII.write(secondOfDay / 3600, width: 2, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            ASCII.write(secondOfDay / 60 % 60, width: 2, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            ASCII.write(secondOfDay % 60, width: 2, into: buffer, at: 17)
            guard millis != 0 else {
                buffer[19] = UInt8(ascii: "Z")
                return 20
            }
            buffer[19] = UInt8(ascii: ".")
            ASCII.write(millis, width: 3, into: buffer, at: 20)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// `hh:mm:ss[.mmm]`, for years the byte writer does not take.
    private static func clock(_ secondOfDay: Int, _ millis: Int) -> String {
        let text = pad2(secondOfDay / 3600) + ":" + pad2(secondOfDay / 60 % 60) + ":" + pad2(secondOfDay % 60)
        return millis == 0 ? text : text + "." + String(String(millis + 1000).dropFirst())
    }

    public var description: String { rfc3339 }

    static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
