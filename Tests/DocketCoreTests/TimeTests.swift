import Testing
@testable import DocketCore

struct InstantTests {
    @Test func parsesAndPrintsRFC3339() {
        #expect(instant("2026-03-20T17:00:00Z").rfc3339 == "2026-03-20T17:00:00Z")
        #expect(Instant(rfc3339: "2026-03-20T18:00:00+01:00")?.rfc3339 == "2026-03-20T17:00:00Z")
        #expect(Instant(rfc3339: "2026-03-20T17:00:00.25Z")?.rfc3339 == "2026-03-20T17:00:00.250Z")
        #expect(Instant(rfc3339: "1969-12-31T23:59:59Z")?.seconds == -1)
    }

    /// The byte writer pads every field, keeps milliseconds below 100, and
    /// counts back correctly before 1970; years it does not take still print.
    @Test func printsEveryFieldPadded() {
        #expect(Instant(milliseconds: 5).rfc3339 == "1970-01-01T00:00:00.005Z")
        #expect(Instant(milliseconds: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(instant("0009-02-03T04:05:06.070Z").rfc3339 == "0009-02-03T04:05:06.070Z")
        #expect(instant("9999-12-31T23:59:59Z").rfc3339 == "9999-12-31T23:59:59Z")
        #expect(LocalDate(year: 42, month: 7, day: 9)?.iso8601 == "0042-07-09")
        let farFuture = Instant(milliseconds: 400_000 * 365 * 86_400_000)
        #expect(farFuture.rfc3339.hasSuffix("Z"))
        #expect(Instant(rfc3339: farFuture.rfc3339) == nil)  // five-digit years are printed, not read
    }

    @Test(arguments: ["2026-03-20", "2026-02-30T10:00:00Z", "2026-03-20T25:00:00Z", "2026-03-20T10:00:00",
                      "2026-03-20T10:00:00Zjunk", "tomorrow", "2026-03-20T10:00Z"])
    func rejectsMalformedDateTimes(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func localDatesRoundTripThroughDayNumbers() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = LocalDate(dayNumber: n)
            #expect(d.dayNumber == n)
        }
        #expect(date("2024-02-29").adding(days: 1) == date("2024-03-01"))
        #expect(LocalDate(iso8601: "2026-02-29") == nil)
        #expect(date("2026-03-18").weekday == 3)  // a Wednesday
    }
}

struct ZoneTests {
    let berlin = Zone(identifier: "Europe/Berlin")!

    @Test func localDateDiffersFromTheUTCDateNearMidnight() {
        #expect(berlin.localDate(of: instant("2026-03-18T23:30:00Z")) == date("2026-03-19"))
        #expect(berlin.localDate(of: instant("2026-03-18T22:59:59Z")) == date("2026-03-18"))
    }

    @Test func startOfDayFollowsDaylightSavingTime() {
        #expect(berlin.startOfDay(date("2026-03-29")) == instant("2026-03-28T23:00:00Z"))
        #expect(berlin.startOfDay(date("2026-03-30")) == instant("2026-03-29T22:00:00Z"))
        #expect(berlin.startOfDay(date("2026-10-25")) == instant("2026-10-24T22:00:00Z"))
    }

    @Test func wallClockTimesInGapsAndOverlaps() {
        // 02:30 does not exist on 29 March 2026 in Berlin: read with the old offset, it is 03:30 CEST.
        #expect(berlin.instant(date: date("2026-03-29"), secondsIntoDay: 9000) == instant("2026-03-29T01:30:00Z"))
        // 02:30 happens twice on 25 October 2026: the earlier one is chosen.
        #expect(berlin.instant(date: date("2026-10-25"), secondsIntoDay: 9000) == instant("2026-10-25T00:30:00Z"))
        #expect(berlin.instant(date: date("2026-05-01"), secondsIntoDay: 9 * 3600) == instant("2026-05-01T07:00:00Z"))
    }
}

struct HumanTimeTests {
    /// Dates and times read as the words and numbers they are made of, for
    /// years of every width and the years beyond four digits a zone can reach.
    @Test func datesAndTimesReadAsTheirParts() {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        var generator = SystemRandomNumberGenerator()
        let edges = [-719_528, -719_162, -1, 0, 1, 20_530, 2_932_896, 2_932_897]  // year 0, 1, 1969, 1970, 2026, 9999, 10000
        for dayNumber in edges + (0..<2_000).map({ _ in Int.random(in: -719_162...2_932_896, using: &generator) }) {
            let date = LocalDate(dayNumber: dayNumber)
            let day = "\(weekdays[date.weekday]) \(date.day) \(HumanTime.months[date.month - 1]) \(date.year)"
            #expect(HumanTime.date(date) == day)
            let seconds = Int64(dayNumber) * 86_400 + Int64.random(in: 0..<86_400, using: &generator)
            let time = Zone.utc.localTime(of: Instant(seconds: seconds))
            #expect(HumanTime.instant(Instant(seconds: seconds), zone: .utc) == day + ", " + time.description)
        }
        #expect(HumanTime.instant(instant("2026-03-18T13:05:00Z"), zone: Zone(identifier: "Europe/Berlin")!) == "Wed 18 Mar 2026, 14:05")
        #expect(HumanTime.date(date("0987-01-05")) == "Fri 5 Jan 987")
    }
}
