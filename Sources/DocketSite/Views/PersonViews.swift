import DocketCore
import DocketTemplates

/// A person's page: their badge and stats, and their tabs — my (assigned to
/// them), delegated (created by them for others), all.
struct PersonPage: TemplateView {
    struct Profile: TemplateView {
        var person: Person
        var badge: Int
        var root: String

        static let viewName = "a person"
        static let fields: [ViewField<Profile>] = [
            .text("id") { $0.person.id },
            .text("name") { $0.person.name },
            .text("role") { $0.person.role.rawValue },
            .flag("integration") { $0.person.kind == .integration },
            .number("badge") { $0.badge },
            .flag("has_badge") { $0.badge > 0 },
            .text("feed_ics") { $0.root + "feeds/\($0.person.id).ics" },
            .text("feed_atom") { $0.root + "feeds/\($0.person.id).atom" },
            .text("shields") { $0.root + "api/people/\($0.person.id)/shields.json" },
            .optionalText("email") { $0.person.email },
        ]
    }

    var person: Profile
    var stats: [StatCard]
    var doneURL: String
    var tabs: [TaskSection]

    static let viewName = "a person's page"
    static let fields: [ViewField<PersonPage>] = [
        .view("person") { $0.person },
        .list("stats") { $0.stats },
        .text("done_url") { $0.doneURL },
        .list("tabs") { $0.tabs },
    ]
}

extension SiteContext {
    /// Rows per tab on a person's page.
    static let personTabLimit = 200

    /// A person's open work for the three tabs, by person id.
    struct PersonTabs {
        var mine: [Int] = []
        var delegated: [Int] = []
        var all: [Int] = []
    }

    /// Every person's tabs in one pass over the tasks (not one pass per
    /// person), each run of tasks on a core of its own and the runs joined in
    /// task order, so every tab lists its tasks as one serial pass would. A
    /// person a task names is found by a scan of its few names, not a set
    /// made per task.
    func personTabs() -> [String: PersonTabs] {
        let count = workspace.tasks.count
        let runs = max(1, min(count / 2048, 4 * Parallel.cores))
        let parts = parallelMap(Array(0..<runs), serialBelow: 2) { run in
            personTabs(in: count * run / runs..<count * (run + 1) / runs)
        }
        guard var tabs = parts.first else { return [:] }
        for part in parts.dropFirst() {
            for (person, more) in part {
                tabs[person, default: PersonTabs()].mine += more.mine
                tabs[person, default: PersonTabs()].delegated += more.delegated
                tabs[person, default: PersonTabs()].all += more.all
            }
        }
        return tabs
    }

    /// The tabs of the open tasks in `range`: one run of `personTabs`.
    func personTabs(in range: Range<Int>) -> [String: PersonTabs] {
        var tabs: [String: PersonTabs] = [:]
        for index in range where workspace.tasks[index].isOpen {
            let task = workspace.tasks[index]
            let assignees = task.assignees
            for (position, person) in assignees.enumerated() where !assignees[..<position].contains(person) {
                tabs[person, default: PersonTabs()].mine.append(index)
                tabs[person, default: PersonTabs()].all.append(index)
            }
            let creator = task.createdBy
            if !assignees.contains(creator) {
                if !assignees.isEmpty { tabs[creator, default: PersonTabs()].delegated.append(index) }
                tabs[creator, default: PersonTabs()].all.append(index)
            }
            let subscribers = task.subscribers
            for (position, person) in subscribers.enumerated()
            where person != creator && !assignees.contains(person) && !subscribers[..<position].contains(person) {
                tabs[person, default: PersonTabs()].all.append(index)
            }
        }
        return tabs
    }

    func personPage(_ person: Person, tabs work: PersonTabs, rows: RowFragments) -> PersonPage {
        let root = "../"
        // Each tab shows the soonest-due work; the rest is a filter away in the task list.
        func tab(_ key: String, _ title: String, _ indices: [Int], _ empty: String) -> TaskSection {
            let shown = Array(byDue(indices).prefix(Self.personTabLimit))
            return TaskSection(key: key, title: title, count: indices.count, tasks: rows.listRows(shown, root: root), empty: empty,
                               moreURL: root + "tasks/index.html?assignee=\(person.id)")
        }
        return PersonPage(
            person: .init(person: person, badge: stats.badges[person.id]?.count ?? 0, root: root),
            stats: statCards(stats.byPerson[person.id] ?? Stats(), root: root, assignee: person.id),
            doneURL: root + "tasks/index.html?assignee=\(person.id)&mode=completed",
            tabs: [
                tab("my", "My open tasks", work.mine, "Nothing open is assigned."),
                tab("delegated", "Delegated", work.delegated, "Nothing delegated to others."),
                tab("all", "All involving \(person.name)", work.all, "No tasks involve this person yet."),
            ])
    }
}
