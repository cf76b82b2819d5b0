import DocketCore

extension SiteContext {
    /// A person's page: their badge and stats, and il's tabs —
    /// my (assigned to them), delegated (created by them for others), all.
    /// Rows per tab on a person's page.
    static let personTabLimit = 200

    /// A person's open work for the three tabs, by person id.
    struct PersonTabs {
        var mine: [Int] = []
        var delegated: [Int] = []
        var all: [Int] = []
    }

    /// Every person's tabs in one pass over the tasks (not one pass per person).
    func personTabs() -> [String: PersonTabs] {
        var tabs: [String: PersonTabs] = [:]
        for index in workspace.tasks.indices where workspace.tasks[index].isOpen {
            let task = workspace.tasks[index]
            var involved = Set(task.assignees)
            involved.insert(task.createdBy)
            involved.formUnion(task.subscribers)
            for person in involved {
                let assigned = task.assignees.contains(person)
                if assigned { tabs[person, default: PersonTabs()].mine.append(index) }
                if person == task.createdBy && !assigned && !task.assignees.isEmpty {
                    tabs[person, default: PersonTabs()].delegated.append(index)
                }
                tabs[person, default: PersonTabs()].all.append(index)
            }
        }
        return tabs
    }

    func personPage(_ person: Person, tabs work: PersonTabs, rows: RowFragments) -> [String: Any] {
        let root = "../"
        let (mine, delegated, all) = (work.mine, work.delegated, work.all)
        // Each tab shows the soonest-due work; the rest is a filter away in the task list.
        func tab(_ key: String, _ title: String, _ indices: [Int], _ empty: String) -> [String: Any] {
            let shown = Array(byDue(indices).prefix(Self.personTabLimit))
            return ["key": key, "title": title, "count": indices.count, "tasks": rows.listRows(shown, root: root), "empty": empty,
                    "has_more": indices.count > shown.count, "more": indices.count - shown.count,
                    "more_url": root + "tasks/index.html?assignee=\(person.id)"]
        }
        let badge = stats.badges[person.id]?.count ?? 0
        var profile: [String: Any] = [
            "id": person.id, "name": person.name, "role": person.role.rawValue,
            "integration": person.kind == .integration, "badge": badge, "has_badge": badge > 0,
            "feed_ics": root + "feeds/\(person.id).ics", "feed_atom": root + "feeds/\(person.id).atom",
            "shields": root + "api/people/\(person.id)/shields.json",
        ]
        if let email = person.email { profile["email"] = email }
        return page(title: person.name, root: root, section: "people", [
            "person": profile,
            "stats": statCards(stats.byPerson[person.id] ?? Stats()),
            "done_url": root + "tasks/index.html?assignee=\(person.id)&mode=completed",
            "tabs": [
                tab("my", "My open tasks", mine, "Nothing open is assigned."),
                tab("delegated", "Delegated", delegated, "Nothing delegated to others."),
                tab("all", "All involving \(person.name)", all, "No tasks involve this person yet."),
            ],
        ])
    }
}
