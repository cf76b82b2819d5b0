import DocketCore

extension SiteContext {
    /// A person's page: their badge and stats, and the tabs of seed 004 —
    /// my (assigned to them), delegated (created by them for others), all.
    /// Rows per tab on a person's page.
    static let personTabLimit = 200

    func personPage(_ person: Person, rows: RowFragments) -> [String: Any] {
        let root = "../"
        var mine: [Int] = []
        var delegated: [Int] = []
        var all: [Int] = []
        // Open work only, as seed 004's tabs (include_done defaults to false); done work is a filter away.
        for (index, task) in workspace.tasks.enumerated() where task.isOpen {
            let assigned = task.assignees.contains(person.id)
            let created = task.createdBy == person.id
            if assigned { mine.append(index) }
            if created && !assigned && !task.assignees.isEmpty { delegated.append(index) }
            if assigned || created || task.subscribers.contains(person.id) { all.append(index) }
        }
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
