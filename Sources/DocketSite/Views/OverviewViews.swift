import DocketCore
import DocketTemplates

/// A titled list of task rows with its count, an empty-state message and
/// how many more there are: the overview's sections and a person's tabs.
struct TaskSection: TemplateView {
    var key: String
    var title: String
    var count: Int
    var tasks: [RowHTML]
    var empty: String
    var moreURL: String?

    static let viewName = "a list of tasks"
    static let fields: [ViewField<TaskSection>] = [
        .text("key") { $0.key },
        .text("title") { $0.title },
        .number("count") { $0.count },
        .list("tasks") { $0.tasks },
        .text("empty") { $0.empty },
        .number("more") { $0.count - $0.tasks.count },
        .flag("has_more") { $0.count > $0.tasks.count },
        .optionalText("more_url") { $0.moreURL },
    ]
}

struct OverviewPage: TemplateView {
    struct Member: TemplateView {
        var person: Person
        var badge: Int

        static let viewName = "a person on the overview"
        static let fields: [ViewField<Member>] = [
            .text("id") { $0.person.id },
            .text("name") { $0.person.name },
            .text("url") { "people/\($0.person.id).html" },
            .number("badge") { $0.badge },
            .flag("has_badge") { $0.badge > 0 },
            .text("role") { $0.person.role.rawValue },
            .flag("integration") { $0.person.kind == .integration },
        ]
    }

    struct Chart: TemplateView {
        var title: String
        var svg: String
        var summary: String?

        static let viewName = "a chart"
        static let fields: [ViewField<Chart>] = [
            .text("title") { $0.title }, .text("svg") { $0.svg }, .optionalText("summary") { $0.summary },
        ]
    }

    /// Members, integrations and read-only accounts, each under its own heading.
    struct PeopleGroup: TemplateView {
        var title: String
        var people: [Member]

        static let viewName = "a group of people"
        static let fields: [ViewField<PeopleGroup>] = [.text("title") { $0.title }, .list("people") { $0.people }]
    }

    var stats: [StatCard]
    var sections: [TaskSection]
    var people: [Member]
    var charts: [Chart]

    var peopleGroups: [PeopleGroup] {
        let members = people.filter { $0.person.kind == .human && $0.person.role != .readonly }
        let integrations = people.filter { $0.person.kind == .integration }
        let readOnly = people.filter { $0.person.kind == .human && $0.person.role == .readonly }
        return [PeopleGroup(title: "Members", people: members), PeopleGroup(title: "Integrations", people: integrations),
                PeopleGroup(title: "Read-only", people: readOnly)].filter { !$0.people.isEmpty }
    }

    static let viewName = "the overview"
    static let fields: [ViewField<OverviewPage>] = [
        .list("stats") { $0.stats },
        .list("sections") { $0.sections },
        .list("people") { $0.people },
        .list("people_groups") { $0.peopleGroups },
        .list("charts") { $0.charts },
    ]
}

extension SiteContext {
    /// How many rows each overview list shows before "see all".
    static let overviewListLimit = 12

    /// The six numbers, each linking to the task list that shows what it counts
    /// (for one person when `assignee` is given).
    func statCards(_ stats: Stats, root: String, assignee: String? = nil) -> [StatCard] {
        let person = assignee.map { "&assignee=" + $0.percentEncoded } ?? ""
        func list(_ query: String) -> String { root + "tasks/index.html?" + query + person }
        let doneToday = #"{"field":"completed_at","operator":"gte","value":"\#(day.today.iso8601)"}"#
        let weekStart = day.weekStart
        return [
            StatCard(key: "overdue", label: "Overdue", value: String(stats.overdue), alert: stats.overdue > 0, url: list("mode=overdue")),
            StatCard(key: "remainingToday", label: "Due today", value: String(stats.remainingToday), url: list("mode=today")),
            StatCard(key: "completedToday", label: "Done today", value: String(stats.completedToday),
                     url: list("status=completed&filters=" + doneToday.percentEncoded)),
            StatCard(key: "thisWeek", label: "This week", value: String(stats.thisWeek),
                     url: list("mode=all&from=\(weekStart.iso8601)&to=\(weekStart.adding(days: 6).iso8601)")),
            StatCard(key: "completionRate", label: "Completion", value: "\(stats.completionRate)%", url: list("mode=completed")),
            StatCard(key: "total", label: "All tasks", value: String(stats.total), url: list("mode=all")),
        ]
    }

    func overview(_ rows: RowFragments) -> OverviewPage {
        let charts = Charts(context: self)
        let completions = charts.completionsPerDay()
        var overdue: [Int] = []
        var today: [Int] = []
        var upcoming: [Int] = []
        for index in workspace.tasks.indices {
            let timing = timings[index]
            if timing.isOverdue {
                overdue.append(index)
            } else if workspace.tasks[index].isOpen && timing.isDueToday {
                today.append(index)
            } else if timing.isUpcoming {
                upcoming.append(index)
            }
        }
        func section(_ title: String, _ key: String, _ indices: [Int], _ empty: String) -> TaskSection {
            let sorted = byDue(indices)
            return TaskSection(key: key, title: title, count: sorted.count,
                               tasks: rows.listRows(Array(sorted.prefix(Self.overviewListLimit)), root: ""), empty: empty,
                               moreURL: "tasks/index.html?mode=\(key)")
        }
        return OverviewPage(
            stats: statCards(stats.overall, root: ""),
            sections: [
                section("Overdue", "overdue", overdue, "Nothing overdue. Nice work."),
                section("Later today", "today", today, "Nothing else due today."),
                section("Upcoming", "upcoming", upcoming, "Nothing scheduled ahead."),
            ],
            people: workspace.people.map { OverviewPage.Member(person: $0, badge: stats.badges[$0.id]?.count ?? 0) },
            charts: [
                .init(title: "Open tasks by due week", svg: charts.openByDueWeek()),
                .init(title: "Completed per day", svg: completions.svg, summary: completions.summary),
                .init(title: "Open tasks by priority", svg: charts.openByPriority()),
            ])
    }

    /// The layout's view for a page. Pages rebuilt every time (overview,
    /// lists) also show the instant of the build.
    func chrome(title: String, root: String, section: String = "", showsInstant: Bool = true) -> PageChrome {
        PageChrome(title: title, workspaceName: workspace.settings.name, root: root, section: section,
                   now: showsInstant ? Moment(text: format.instant(day.now), iso: day.now.rfc3339) : nil,
                   today: format.date(day.today), rejectedCount: activity.rejections.count)
    }
}
