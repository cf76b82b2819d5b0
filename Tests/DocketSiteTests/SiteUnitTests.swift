import Foundation
import Testing
@testable import DocketCore
@testable import DocketSite
@testable import DocketTemplates

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
let now = Instant(rfc3339: "2026-03-18T13:00:00Z")!

struct EscapingTests {
    @Test func escapesTheFiveHTMLCharactersAndNothingElse() {
        #expect(HTMLEscape.escape(#"<a href="x">Tom's & Jerry's</a> ü→"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt; ü→")
        #expect(HTMLEscape.escape("plain text") == "plain text")
    }

    @Test func pagesEscapeEveryValueFromTheWorkspace() throws {
        var workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        workspace.tasks[0].title = "\"><script>alert(1)</script>"
        let context = SiteContext(workspace: workspace, now: now)
        let pages = try Theme().pages
        let row = pages.taskRow.render(context.taskSummary(0, root: "../"))
        #expect(row.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!row.contains("<script>"))
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
        #expect(charts.completionsPerDay().svg.contains("Today: 1</desc>"))
    }
}

struct FingerprintTests {
    /// A workspace's prints at an instant, with the shipped theme.
    static func printer() throws -> (Workspace, Instant) -> Fingerprints {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/templates"
        let theme = try Theme(base: directory)
        return { Fingerprints(context: SiteContext(workspace: $0, now: $1), theme: theme) }
    }

    @Test func fingerprintsChangeWithWhatAPageShows() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let printer = try Self.printer()
        func prints(_ workspace: Workspace, at instant: Instant = now) -> Fingerprints { printer(workspace, instant) }
        let base = prints(workspace)
        #expect(base.tasks == prints(workspace).tasks)  // stable
        var edited = workspace
        edited.tasks[0].title += "!"
        let changed = prints(edited)
        #expect(changed.tasks[0] != base.tasks[0] && changed.tasks[1] == base.tasks[1])
        #expect(changed.contents[0] != base.contents[0] && changed.contents[1] == base.contents[1])
        #expect(changed.apiPages != base.apiPages)
        var detailed = workspace
        detailed.tasks[1].details = (detailed.tasks[1].details ?? "") + "\nMore."
        // Only the page shows the details: not its rows, not the API's list files.
        #expect(prints(detailed).tasks[1] != base.tasks[1] && prints(detailed).rows[1] == base.rows[1])
        #expect(prints(detailed).apiPages == base.apiPages)
        // Not the instant itself, only what the page says of it: a minute later every
        // phrase of task 1 reads the same, a day later "2 days ago" reads "3 days ago".
        #expect(prints(workspace, at: now.adding(seconds: 60)).tasks[1] == base.tasks[1])
        #expect(prints(workspace, at: now.adding(seconds: 86_400)).tasks[1] != base.tasks[1])
        #expect(prints(workspace, at: now.adding(seconds: 86_400)).rows[1] != base.rows[1])
        // The API's list files show no phrase of the instant.
        #expect(prints(workspace, at: now.adding(seconds: 86_400)).apiPages == base.apiPages)
        var renamed = workspace
        renamed.people[0].name = "Janet"
        #expect(prints(renamed).global != base.global)
    }

    /// A calendar feed shows no instant of the build: its print moves with the
    /// person's open tasks that have a due, and with nothing else of theirs.
    @Test func aCalendarFeedsPrintIsItsTasksNotTheInstant() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let context = SiteContext(workspace: workspace, now: now)
        let prints = try Self.printer()
        let base = prints(workspace, now)
        #expect(base.calendars.count == workspace.people.count)
        #expect(prints(workspace, now.adding(seconds: 3_600)).calendars == base.calendars)
        let feeds = context.openDueByAssignee.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        let (person, indices) = try #require(feeds.first)
        var retitled = workspace
        retitled.tasks[indices[0]].title += "!"
        #expect(prints(retitled, now).calendars[person] != base.calendars[person])
        // A task in no one's feed (closed, or with no due) moves no feed.
        let shown = Set(feeds.flatMap(\.value))
        let outside = try #require(workspace.tasks.indices.first { !shown.contains($0) })
        var other = workspace
        other.tasks[outside].title += "!"
        #expect(prints(other, now).calendars == base.calendars)
    }

    /// 200 tasks a list file: a task's print moves only its own file's.
    @Test func aListFilesPrintIsItsTasksAndItsPlace() {
        let contents: [UInt64] = Array(1...450)
        let pages = Fingerprints.pages(contents, size: 200)
        #expect(pages.count == 3 && Set(pages).count == 3)
        var edited = contents
        edited[250] = 9
        let after = Fingerprints.pages(edited, size: 200)
        #expect(after[0] == pages[0] && after[1] != pages[1] && after[2] == pages[2])
        // One more task makes no new file, but the last one holds more.
        let grown = Fingerprints.pages(contents + [451], size: 200)
        #expect(grown[0] == pages[0] && grown[2] != pages[2])
        // A new file changes the link to it from the one before, and no other file.
        let before = Fingerprints.pages(Array(1...400), size: 200)
        let added = Fingerprints.pages(Array(1...401), size: 200)
        #expect(added.count == 3 && added[0] == before[0] && added[1] != before[1])
        #expect(Fingerprints.pages([], size: 200).count == 1)
    }
}

struct SiteContextTests {
    /// Pages and fingerprints take a task's comments and history by its
    /// index; those of a task not in the workspace are left out, and tasks
    /// changed without `reindex()` give no task another's comments.
    @Test func eachTasksCommentsAndHistoryAreAtItsIndex() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let commented = try #require(workspace.tasks.firstIndex { workspace.comments[$0.id]?.isEmpty == false })
        var activity = Activity()
        let entry = Activity.Entry(editID: "edit_1", op: "task.update", actor: "sam", at: now, action: "updated",
                                   task: workspace.tasks[commented].id, version: 2, comment: nil, fields: ["title"])
        activity.history[entry.task] = [entry]
        activity.history["task_01HQ3K2V8Z6Y4W1X0R9T7GONE"] = [entry]
        let context = SiteContext(workspace: workspace, now: now, activity: activity)
        for (index, task) in workspace.tasks.enumerated() {
            #expect(context.commentsByTask[index] == (workspace.comments[task.id] ?? []))
            #expect(context.historyByTask[index] == (index == commented ? [entry] : []))
        }

        var stale = workspace
        stale.tasks.remove(at: 0)
        let unindexed = SiteContext(workspace: stale, now: now, activity: activity)
        for (index, task) in stale.tasks.enumerated() {
            #expect(unindexed.commentsByTask[index].allSatisfy { $0.task == task.id })
            #expect(unindexed.historyByTask[index].allSatisfy { $0.task == task.id })
        }
    }
}

struct RecordsIndexTests {
    /// Names in order ignoring case and accents, equal names by id, each type its own group.
    @Test func recordsAreInNameOrderIgnoringCaseAndAccents() {
        var workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        workspace.tasks = []  // their links would add records of their own
        workspace.reindex()
        let names = [("c1", "zoe"), ("c2", "Émile"), ("c3", "emile"), ("c0", "Emile"), ("c4", "Adam"), ("c5", "Ünter"), ("c6", "umbrella")]
        workspace.records = Dictionary(uniqueKeysWithValues: names.map { ("contact/" + $0.0, Record(id: $0.0, type: "contact", name: $0.1)) }
            + [("deal/d1", Record(id: "d1", type: "deal", name: "Acme"))])
        let page = SiteContext(workspace: workspace, now: now).recordsIndexPage()
        let contacts = page.groups.first { $0.type == "contact" }?.records.map(\.link.id)
        #expect(contacts == ["c4", "c0", "c2", "c3", "c6", "c5", "c1"])
        #expect(page.groups.map(\.type) == ["contact", "deal"])
        // ASCII folds as Foundation folds it: the fast path changes no order.
        let ascii = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(ascii.lowercased() == ascii.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }
}

struct ListDataTests {
    /// The list's pages name the data scripts before the data is made: the names must be the files'.
    @Test func thePathsNamedAheadAreThePathsWritten() {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        var many = workspace
        many.tasks = (0..<(ListData.chunkSize + 1)).map { number in
            var task = workspace.tasks[0]
            task.id = "task_01HQ3K" + String(number, radix: 36).uppercased().padding(toLength: 20, withPad: "0", startingAt: 0)
            return task
        }
        many.reindex()
        var none = workspace
        none.tasks = []
        none.reindex()
        for sample in [workspace, many, none] {
            let written = ListData(context: SiteContext(workspace: sample, now: now)).files().map(\.path)
            #expect(written == ListData.paths(taskCount: sample.tasks.count))
        }
        #expect(ListData.paths(taskCount: ListData.chunkSize + 1).count == 3)
    }

    /// Numbers go into the columns as `String(_:radix:)` writes them, which app.js reads.
    @Test func digitsAreWrittenAsStringWritesThem() {
        var values: [Int64] = [0, 1, -1, 9, 10, 35, 36, -36, 1_000_000, Int64.max, Int64.min, Int64.min + 1]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Int64(bitPattern: state) >> (state % 60))
        }
        for radix in [2, 10, 32, 36] {
            for value in values {
                var column: [UInt8] = []
                ListData.Columns.appendDigits(value, radix: radix, to: &column)
                #expect(String(decoding: column, as: UTF8.self) == String(value, radix: radix), "\(value) in base \(radix)")
            }
        }
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

    /// Views are built as dictionaries and made into template values once;
}

struct RelativePhraseTests {
    @Test func bucketsReadTheSameExactlyWhenThePhrasesDo() {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let format = SiteContext(workspace: workspace, now: now).format
        var byBucket: [Int64: String] = [:]
        // Every second of two days either side of now: equal buckets, equal phrases; different buckets, different phrases.
        for seconds in stride(from: -172_800, through: 172_800, by: 7) {
            let instant = now.adding(seconds: Int64(seconds))
            let bucket = format.relativeBucket(instant)
            let phrase = format.relative(instant)
            if let known = byBucket[bucket] { #expect(known == phrase) } else { byBucket[bucket] = phrase }
        }
        #expect(Set(byBucket.values).count == byBucket.count)
        #expect(format.relative(now.adding(seconds: -7_200)) == "2 hours ago")
        #expect(format.relative(now.adding(seconds: 90)) == "in 1 minute")
        #expect(format.relative(now.adding(seconds: -30)) == "just now")
    }
}

struct RowCacheTests {
    @Test func keepsRowsByFingerprintAndSurvivesATornAppend() throws {
        let directory = NSTemporaryDirectory() + "docket-rows-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = RowCache(directory: directory)
        #expect(first.rows(for: 1) == nil)
        let rows: [(UInt64, String, String)] = [(1, "<li>ü</li>", "<tr>1</tr>"), (2, "<li>2</li>", "<tr>2</tr>")]
        first.save(fresh: rows) { rows }
        let second = RowCache(directory: directory)
        #expect(second.rows(for: 1)?.list == "<li>ü</li>" && second.rows(for: 2)?.table == "<tr>2</tr>")
        second.save(fresh: [(3, "<li>3</li>", "<tr>3</tr>")]) { [] }
        #expect(RowCache(directory: directory).rows(for: 3)?.table == "<tr>3</tr>")

        // A build killed while appending leaves part of an entry: it is ignored, and the next save starts over.
        let handle = try #require(FileHandle(forWritingAtPath: directory + "/rows"))
        handle.seekToEndOfFile()
        handle.write(Data([9, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0, 0, 5, 0, 0, 0, 60]))
        handle.closeFile()
        let torn = RowCache(directory: directory)
        #expect(torn.rows(for: 9) == nil && torn.rows(for: 1)?.list == "<li>ü</li>")
        torn.save(fresh: [(4, "<li>4</li>", "<tr>4</tr>")]) { [(1, "<li>ü</li>", "<tr>1</tr>"), (4, "<li>4</li>", "<tr>4</tr>")] }
        let rewritten = RowCache(directory: directory)
        #expect(rewritten.rows(for: 4)?.list == "<li>4</li>" && rewritten.rows(for: 1) != nil)
        #expect(rewritten.rows(for: 2) == nil)  // only the live rows were kept

        // A file that is not a row cache (or from another docket version) is ignored.
        try "not a cache".write(toFile: directory + "/rows", atomically: true, encoding: .utf8)
        #expect(RowCache(directory: directory).rows(for: 1) == nil)
    }
}

struct PersonTabsTests {
    /// A person's page lists a task once under "all" whatever roles they
    /// hold in it, under "mine" when assigned, and under "delegated" when
    /// they created it for others.
    @Test func eachPersonATaskNamesIsListedOnceInTheirTabs() throws {
        var workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let open = workspace.tasks.indices.filter { workspace.tasks[$0].isOpen }
        let index = try #require(open.first)
        workspace.tasks[index].assignees = ["sam", "sam"]
        workspace.tasks[index].createdBy = "jane"
        workspace.tasks[index].subscribers = ["jane", "sam", "lee", "lee"]
        let tabs = SiteContext(workspace: workspace, now: now).personTabs()
        func listed(_ person: String) -> [Int] {
            let found = tabs[person] ?? SiteContext.PersonTabs()
            return [found.mine, found.delegated, found.all].map { tab in tab.filter { $0 == index }.count }
        }
        #expect(listed("sam") == [1, 0, 1])
        #expect(listed("jane") == [0, 1, 1])
        #expect(listed("lee") == [0, 0, 1])
        // Creating a task for no one is not delegating it.
        workspace.tasks[index].assignees = []
        let unassigned = SiteContext(workspace: workspace, now: now).personTabs()
        #expect(unassigned["jane"]?.delegated.contains(index) == false && unassigned["jane"]?.all.contains(index) == true)
    }

    /// A large workspace's tabs are made in runs of tasks on every core and
    /// joined: each tab must list the same tasks in the same order as one pass.
    @Test func tabsMadeInRunsEqualOnePass() throws {
        let workspace = WorkspaceLoader.load(fixtures + "/basic").workspace
        let template = try #require(workspace.tasks.first { $0.isOpen })
        let people = ["sam", "jane", "lee", "kim"]
        var many = workspace
        many.tasks = (0..<10_000).map { number in
            var task = template
            task.id = "task_01HQ3K" + String(number, radix: 36).uppercased().padding(toLength: 20, withPad: "0", startingAt: 0)
            task.assignees = number % 5 == 0 ? [] : [people[number % 4], people[number % 3]]
            task.createdBy = people[number % 7 % 4]
            task.subscribers = [people[number % 2 + 2]]
            return task
        }
        many.reindex()
        let context = SiteContext(workspace: many, now: now)
        let joined = context.personTabs()
        let single = context.personTabs(in: 0..<many.tasks.count)
        #expect(Set(joined.keys) == Set(people))
        for person in people {
            let (a, b) = (try #require(joined[person]), try #require(single[person]))
            #expect(a.mine == b.mine && a.delegated == b.delegated && a.all == b.all)
            #expect(!a.mine.isEmpty && !a.delegated.isEmpty)
        }
    }
}
