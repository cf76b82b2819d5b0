import Testing
@testable import DocketCore

/// SPEC §3's definitions, in a non-UTC zone, at Wednesday 18 March 2026 14:00 in Berlin.
struct StatsTests {
    let settings: Settings = {
        var s = Settings(name: "t")
        s.zone = Zone(identifier: "Europe/Berlin")!
        return s
    }()
    var day: DayContext { DayContext(now: instant("2026-03-18T13:00:00Z"), settings: settings) }

    @Test func todayIsTheLocalDate() {
        #expect(day.today == date("2026-03-18"))
        #expect(DayContext(now: instant("2026-03-18T23:30:00Z"), settings: settings).today == date("2026-03-19"))
    }

    @Test func aTimedDueEarlierTodayIsBothDueTodayAndOverdue() {
        let t = day.timing(of: makeTask(1, due: .at(instant("2026-03-18T08:00:00Z"))))
        #expect(t.isDueToday && t.isOverdue && !t.isUpcoming)
    }

    @Test func aTimedDueLaterTodayIsDueTodayNotOverdue() {
        let t = day.timing(of: makeTask(1, due: .at(instant("2026-03-18T16:00:00Z"))))
        #expect(t.isDueToday && !t.isOverdue)
    }

    @Test func theDueDayIsLocalNotUTC() {
        // 23:30 UTC on the 17th is 00:30 on the 18th in Berlin: due today (and past, so overdue).
        let early = day.timing(of: makeTask(1, due: .at(instant("2026-03-17T23:30:00Z"))))
        #expect(early.dueDay == date("2026-03-18") && early.isDueToday && early.isOverdue)
        // 23:30 UTC on the 18th is already the 19th in Berlin: upcoming, not today.
        let late = day.timing(of: makeTask(2, due: .at(instant("2026-03-18T23:30:00Z"))))
        #expect(late.dueDay == date("2026-03-19") && !late.isDueToday && late.isUpcoming && !late.isOverdue)
    }

    @Test func anAllDayDueIsOverdueOnlyFromTheNextDay() {
        let today = day.timing(of: makeTask(1, due: .allDay(date("2026-03-18"))))
        #expect(today.isDueToday && !today.isOverdue)
        let yesterday = day.timing(of: makeTask(2, due: .allDay(date("2026-03-17"))))
        #expect(yesterday.isOverdue && !yesterday.isDueToday)
    }

    @Test func closedTasksAreNeverOverdueOrUpcomingButStillDueToday() {
        for status in [TaskStatus.completed, .cancelled] {
            let past = day.timing(of: makeTask(1, status: status, due: .allDay(date("2026-03-10"))))
            #expect(!past.isOverdue)
            let future = day.timing(of: makeTask(2, status: status, due: .allDay(date("2026-03-20"))))
            #expect(!future.isUpcoming)
            let today = day.timing(of: makeTask(3, status: status, due: .allDay(date("2026-03-18"))))
            #expect(today.isDueToday)
        }
        let inProgress = day.timing(of: makeTask(4, status: .inProgress, due: .allDay(date("2026-03-10"))))
        #expect(inProgress.isOverdue)
    }

    @Test func completedTodayUsesTheLocalDateOfCompletion() {
        let justAfterMidnight = day.timing(of: makeTask(1, status: .completed, completedAt: instant("2026-03-17T23:30:00Z")))
        #expect(justAfterMidnight.isCompletedToday)
        let tomorrowLocal = day.timing(of: makeTask(2, status: .completed, completedAt: instant("2026-03-18T23:30:00Z")))
        #expect(!tomorrowLocal.isCompletedToday)
        let reopened = day.timing(of: makeTask(3, status: .pending, completedAt: instant("2026-03-18T10:00:00Z")))
        #expect(!reopened.isCompletedToday)
    }

    @Test func weekEdgesFallOnLocalMidnight() {
        #expect(day.weekStart == date("2026-03-16"))
        // Monday 16th 00:30 local is 15th 23:30 UTC: in this week.
        #expect(day.timing(of: makeTask(1, due: .at(instant("2026-03-15T23:30:00Z")))).isThisWeek)
        // Sunday 22nd 23:59 local is in; Monday 23rd 00:30 local is out.
        #expect(day.timing(of: makeTask(2, due: .at(instant("2026-03-22T22:59:00Z")))).isThisWeek)
        #expect(!day.timing(of: makeTask(3, due: .at(instant("2026-03-22T23:30:00Z")))).isThisWeek)
        #expect(!day.timing(of: makeTask(4, due: .allDay(date("2026-03-15")))).isThisWeek)
        // Completed tasks count toward this week too.
        #expect(day.timing(of: makeTask(5, status: .completed, due: .allDay(date("2026-03-16")))).isThisWeek)
    }

    @Test func weekEdgesAcrossTheDaylightSavingChange() {
        // Sunday 29 March 2026, the day clocks go forward: the week is Mon 23 – Sun 29.
        let sunday = DayContext(now: instant("2026-03-29T10:00:00Z"), settings: settings)
        #expect(sunday.weekStart == date("2026-03-23"))
        #expect(sunday.timing(of: makeTask(1, due: .at(instant("2026-03-29T21:59:00Z")))).isThisWeek)  // 23:59 CEST
        #expect(!sunday.timing(of: makeTask(2, due: .at(instant("2026-03-29T22:00:00Z")))).isThisWeek)  // Mon 00:00 CEST
        #expect(sunday.timing(of: makeTask(3, due: .at(instant("2026-03-22T23:00:00Z")))).isThisWeek)  // Mon 23 00:00 CET
    }

    @Test func weekCanStartOnSunday() {
        var sundayFirst = settings
        sundayFirst.weekStartsOn = .sunday
        let context = DayContext(now: instant("2026-03-18T13:00:00Z"), settings: sundayFirst)
        #expect(context.weekStart == date("2026-03-15"))
        let onSunday = DayContext(now: instant("2026-03-22T10:00:00Z"), settings: sundayFirst)
        #expect(onSunday.weekStart == date("2026-03-22"))
    }

    @Test(arguments: [(1, 8, 13), (2, 3, 67), (1, 3, 33), (5, 200, 3), (0, 0, 0), (0, 5, 0), (7, 7, 100), (1, 200, 1)])
    func completionRateRoundsHalfUp(completed: Int, total: Int, expected: Int) {
        var stats = Stats()
        stats.total = total
        stats.completed = completed
        #expect(stats.completionRate == expected)
    }

    @Test func statsAndBadgesCountEachTaskOnce() {
        let tasks = [
            makeTask(1, due: .at(instant("2026-03-18T08:00:00Z")), assignees: ["jane", "sam"]),  // today + overdue
            makeTask(2, due: .allDay(date("2026-03-18")), assignees: ["jane"]),                   // today
            makeTask(3, due: .allDay(date("2026-03-10")), assignees: ["jane"]),                   // overdue
            makeTask(4, due: .allDay(date("2026-03-19")), assignees: ["jane"]),                   // upcoming
            makeTask(5, status: .completed, due: .allDay(date("2026-03-18")), assignees: ["jane"],
                     completedAt: instant("2026-03-18T09:00:00Z")),
            makeTask(6, status: .cancelled, due: .allDay(date("2026-03-10")), assignees: ["jane"]),
            makeTask(7),
        ]
        let context = day
        let report = StatsReport(tasks: tasks, timings: tasks.map { context.timing(of: $0) },
                                 people: [Person(id: "jane", name: "J", role: .admin), Person(id: "sam", name: "S", role: .member)])
        #expect(report.overall.total == 7)
        #expect(report.overall.completedToday == 1)
        #expect(report.overall.remainingToday == 2)
        #expect(report.overall.overdue == 2)
        #expect(report.overall.thisWeek == 4)
        #expect(report.overall.completionRate == 14)  // 1 × 100 / 7 = 14.28
        #expect(report.badges["jane"]?.count == 3)
        #expect(report.badges["sam"]?.count == 1)
        #expect(report.byPerson["jane"]?.total == 6)
        #expect(JSONWriter.canonical(report.overall.json) == """
            {
              "completedToday": 1,
              "completionRate": 14,
              "overdue": 2,
              "remainingToday": 2,
              "thisWeek": 4,
              "total": 7
            }

            """)
    }

    @Test func reminderAtIsDerivedFromTheDue() {
        var timed = makeTask(1, due: .at(instant("2026-03-20T17:00:00Z")))
        timed.reminder = .offsetMinutes(30)
        #expect(timed.reminderAt(in: settings.zone) == instant("2026-03-20T16:30:00Z"))
        var allDay = makeTask(2, due: .allDay(date("2026-05-01")))
        allDay.reminder = .time(LocalTime(hour: 9, minute: 0)!)
        #expect(allDay.reminderAt(in: settings.zone) == instant("2026-05-01T07:00:00Z"))  // CEST
    }
}
