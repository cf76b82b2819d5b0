import Foundation
import Testing
@testable import DocketCore
@testable import DocketSite

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
let now = Instant(rfc3339: "2026-03-18T13:00:00Z")!

struct EscapingTests {
    @Test func escapesTheFiveHTMLCharactersAndNothingElse() {
        let escape = FastHTMLEscaping()
        #expect(escape.escapeText(#"<a href="x">Tom's & Jerry's</a> ü→"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt; ü→")
        #expect(escape.escapeText("plain text") == "plain text")
    }

    @Test func templatesUseItForEveryValue() throws {
        let directory = NSTemporaryDirectory() + "docket-theme-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in Theme.requiredTemplates {
            try FileManager.default.createDirectory(atPath: (directory + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "<p title=\"{{x}}\">{{x}}{{{raw}}}</p>".write(toFile: directory + "/\(name).mustache", atomically: true, encoding: .utf8)
        }
        let theme = try Theme(base: directory)
        #expect(try theme.render("index", ["x": "\"><script>", "raw": "<b>ok</b>"]) == "<p title=\"&quot;&gt;&lt;script&gt;\">&quot;&gt;&lt;script&gt;<b>ok</b></p>")
    }
}

struct DateFormattingTests {
    let format: DateFormatting = {
        var settings = Settings(name: "t")
        settings.zone = Zone(identifier: "Europe/Berlin")!
        return DateFormatting(day: DayContext(now: now, settings: settings))
    }()

    @Test func relativeDuesReadNaturally() {
        let notOverdue = Timing()
        var overdue = Timing()
        overdue.isOverdue = true
        #expect(format.relativeDue(.allDay(LocalDate(iso8601: "2026-03-15")!), timing: overdue, isOpen: true) == "3 days overdue")
        #expect(format.relativeDue(.allDay(LocalDate(iso8601: "2026-03-17")!), timing: overdue, isOpen: true) == "1 day overdue")
        #expect(format.relativeDue(.at(Instant(rfc3339: "2026-03-18T08:00:00Z")!), timing: overdue, isOpen: true) == "overdue since 09:00")
        #expect(format.relativeDue(.at(Instant(rfc3339: "2026-03-18T15:00:00Z")!), timing: notOverdue, isOpen: true) == "today at 16:00")
        #expect(format.relativeDue(.allDay(LocalDate(iso8601: "2026-03-19")!), timing: notOverdue, isOpen: true) == "tomorrow")
        #expect(format.relativeDue(.allDay(LocalDate(iso8601: "2026-03-20")!), timing: notOverdue, isOpen: true) == "in 2 days")
        #expect(format.relativeDue(.allDay(LocalDate(iso8601: "2026-03-10")!), timing: notOverdue, isOpen: false) == "8 days ago")
    }

    @Test func instantsAndDatesAreInTheWorkspaceZone() {
        #expect(format.instant(Instant(rfc3339: "2026-03-18T23:30:00Z")!) == "Thu 19 Mar 2026, 00:30")
        #expect(format.relative(Instant(rfc3339: "2026-03-18T11:00:00Z")!) == "2 hours ago")
        #expect(format.relative(Instant(rfc3339: "2026-03-21T13:00:00Z")!) == "in 3 days")
        #expect(format.relative(now) == "just now")
    }
}

struct ChartTests {
    @Test func chartsCountWhatTheWorkspaceHolds() {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let charts = Charts(context: SiteContext(workspace: workspace, now: now))
        // Open: AA (due today, this week), 2V8Z (Friday, this week), CC (no due).
        let weeks = charts.openByDueWeek()
        #expect(weeks.contains("<desc id=\"chart-weeks-desc\">Overdue: 0; This wk: 2; Next: 0; +2 wk: 0; +3 wk: 0; +4 wk: 0; +5 wk: 0; Later: 0; No due: 1</desc>"))
        #expect(charts.openByPriority().contains("Urgent: 1; High: 1; Normal: 1; Low: 0"))
        #expect(charts.completionsPerDay().contains("Today: 1</desc>"))
    }
}

struct FingerprintTests {
    @Test func fingerprintsChangeWithWhatAPageShows() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/templates"
        let theme = try Theme(base: directory)
        func prints(_ workspace: Workspace, at instant: Instant = now) -> Fingerprints {
            let context = SiteContext(workspace: workspace, now: instant)
            return Fingerprints(context: context, theme: theme, compactTasks: APIWriter.compactTasks(context))
        }
        let base = prints(workspace)
        #expect(base.tasks == prints(workspace).tasks)  // stable
        var edited = workspace
        edited.tasks[0].title += "!"
        let changed = prints(edited)
        #expect(changed.tasks[0] != base.tasks[0] && changed.tasks[1] == base.tasks[1])
        #expect(prints(workspace, at: now.adding(seconds: 60)).tasks[1] != base.tasks[1])  // relative dates move with now
        var renamed = workspace
        renamed.people[0].name = "Janet"
        #expect(prints(renamed).global != base.global)
    }
}

struct ThemeTests {
    @Test func aThemeMissingATemplateSaysWhichOne() throws {
        let directory = NSTemporaryDirectory() + "docket-theme-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "x".write(toFile: directory + "/layout.mustache", atomically: true, encoding: .utf8)
        #expect(throws: Theme.LoadError.self) { try Theme(base: directory) }
        do {
            _ = try Theme(base: directory)
        } catch {
            #expect(error.description.hasPrefix("\(directory)/index.mustache: error: the theme has no template 'index'"))
        }
    }
}
