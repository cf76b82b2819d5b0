import DocketCore

extension SiteContext {
    /// A person's page: their badge and stats, and the tabs of seed 004 —
    /// my (assigned to them), delegated (created by them for others), all.
    func personPage(_ person: Person) -> [String: Any] {
        let root = "../"
        var mine: [Int] = []
        var delegated: [Int] = []
        var all: [Int] = []
        for (index, task) in workspace.tasks.enumerated() {
            let assigned = task.assignees.contains(person.id)
            let created = task.createdBy == person.id
            if assigned { mine.append(index) }
            if created && !assigned && !task.assignees.isEmpty { delegated.append(index) }
            if assigned || created || task.subscribers.contains(person.id) { all.append(index) }
        }
        func tab(_ key: String, _ title: String, _ indices: [Int], _ empty: String) -> [String: Any] {
            ["key": key, "title": title, "count": indices.count,
             "tasks": byDue(indices).map { taskSummary($0, root: root) }, "empty": empty]
        }
        let badge = stats.badges[person.id]?.count ?? 0
        return page(title: person.name, root: root, [
            "person": [
                "id": person.id, "name": person.name, "email": person.email ?? "",
                "role": person.role.rawValue, "integration": person.kind == .integration,
                "badge": badge, "has_badge": badge > 0,
            ],
            "stats": statCards(stats.byPerson[person.id] ?? Stats()),
            "tabs": [
                tab("my", "My tasks", mine, "Nothing assigned."),
                tab("delegated", "Delegated", delegated, "Nothing delegated to others."),
                tab("all", "All involving \(person.name)", all, "No tasks involve this person yet."),
            ],
        ])
    }
}
