import DocketCore

extension SiteContext {
    /// How many rows each overview list shows before "see all".
    static let overviewListLimit = 12

    func statCards(_ stats: Stats) -> [[String: Any]] {
        [
            ["key": "overdue", "label": "Overdue", "value": stats.overdue, "alert": stats.overdue > 0],
            ["key": "remainingToday", "label": "Due today", "value": stats.remainingToday, "alert": false],
            ["key": "completedToday", "label": "Done today", "value": stats.completedToday, "alert": false],
            ["key": "thisWeek", "label": "This week", "value": stats.thisWeek, "alert": false],
            ["key": "completionRate", "label": "Completion", "value": "\(stats.completionRate)%", "alert": false],
            ["key": "total", "label": "All tasks", "value": stats.total, "alert": false],
        ]
    }

    /// A titled list of tasks with its count and an empty-state message.
    func section(_ title: String, key: String, indices: [Int], empty: String, root: String, rows: RowFragments) -> [String: Any] {
        let shown = indices.prefix(Self.overviewListLimit)
        return [
            "title": title, "key": key, "count": indices.count,
            "tasks": rows.listRows(Array(shown), root: root),
            "more": max(0, indices.count - shown.count),
            "has_more": indices.count > shown.count,
            "empty": empty,
        ]
    }

    func overview(_ rows: RowFragments) -> [String: Any] {
        let root = ""
        let charts = Charts(context: self)
        var overdue: [Int] = []
        var today: [Int] = []
        var upcoming: [Int] = []
        for index in workspace.tasks.indices {
            let timing = timings[index]
            let open = workspace.tasks[index].isOpen
            if timing.isOverdue {
                overdue.append(index)
            } else if open && timing.isDueToday {
                today.append(index)
            } else if timing.isUpcoming {
                upcoming.append(index)
            }
        }
        let people = workspace.people.map { person -> [String: Any] in
            let badge = stats.badges[person.id]?.count ?? 0
            return [
                "id": person.id, "name": person.name, "url": "people/\(person.id).html",
                "badge": badge, "has_badge": badge > 0, "role": person.role.rawValue,
                "integration": person.kind == .integration,
            ]
        }
        return page(title: "Overview", root: root, section: "overview", [
            "stats": statCards(stats.overall),
            "sections": [
                section("Overdue", key: "overdue", indices: byDue(overdue), empty: "Nothing overdue. Nice work.", root: root, rows: rows),
                section("Later today", key: "today", indices: byDue(today), empty: "Nothing else due today.", root: root, rows: rows),
                section("Upcoming", key: "upcoming", indices: byDue(upcoming), empty: "Nothing scheduled ahead.", root: root, rows: rows),
            ],
            "people": people,
            "charts": [
                ["title": "Open tasks by due week", "svg": charts.openByDueWeek()],
                ["title": "Completed per day", "svg": charts.completionsPerDay()],
                ["title": "Open tasks by priority", "svg": charts.openByPriority()],
            ],
        ])
    }

    /// The values every page gets: the workspace name, the day, the path
    /// back to the site root (pages work from file:// and any base path).
    /// Pages rebuilt every time (overview, lists) also show the instant of the
    /// build; task and record pages show only the day, so that an unchanged
    /// task's page stays byte-identical from one build to the next.
    func page(title: String, root: String, section: String = "", showsInstant: Bool = true,
              _ extra: [String: Any]) -> [String: Any] {
        var view = extra
        if !section.isEmpty { view["section_" + section] = true }
        view["page_title"] = title
        view["workspace_name"] = workspace.settings.name
        view["root"] = root
        if showsInstant { view["now"] = ["text": format.instant(day.now), "iso": day.now.rfc3339] }
        view["today"] = format.date(day.today)
        view["rejected_count"] = activity.rejections.count
        view["has_rejected"] = !activity.rejections.isEmpty
        return view
    }
}
