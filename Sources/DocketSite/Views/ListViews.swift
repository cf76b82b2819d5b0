import DocketCore
import Foundation

extension SiteContext {
    /// What one row of the task list shows beyond the task's summary (for
    /// `../`): its records, and what the browser filters need in `data-`
    /// attributes. The row's view is the summary plus these.
    func tableRowAdditions(_ index: Int) -> [String: Any] {
        let root = "../"
        let task = workspace.tasks[index]
        let timing = timings[index]
        var view: [String: Any] = [:]
        var modes = ["all"]
        if task.isOpen && timing.isDueToday { modes.append("today") }
        if timing.isOverdue { modes.append("overdue") }
        if timing.isUpcoming { modes.append("upcoming") }
        if task.status == .completed { modes.append("completed") }
        view["links"] = separated(task.links.map { link(link: $0, root: root) })
        view["data_modes"] = modes.joined(separator: " ")
        view["data_assignees"] = task.assignees.joined(separator: " ")
        view["data_tags"] = task.tags.joined(separator: " ")
        view["data_links"] = task.links.map(\.key).joined(separator: " ")
        view["data_due"] = dueKeys[index] == Int64.max ? "" : String(dueKeys[index])
        view["data_due_day"] = timing.dueDay?.iso8601 ?? ""
        view["data_updated"] = String(task.updatedAt.milliseconds)
        // What Kasar's filter groups can ask about beyond the visible columns.
        view["data_created"] = String(task.createdAt.milliseconds)
        view["data_created_by"] = task.createdBy
        view["data_completed"] = task.completedAt.map { String($0.milliseconds) } ?? ""
        view["data_meta"] = task.metadata.isEmpty ? "" : JSONWriter.compact(.object(task.metadata))
        view["updated"] = ["text": format.instant(task.updatedAt), "iso": task.updatedAt.rfc3339,
                           "relative": format.relative(task.updatedAt)]
        return view
    }

    /// The task list: every task as a table row (rendered once, see `RowFragments`),
    /// in due order so the page reads right without JavaScript, and the options of each filter.
    func taskListPage(_ rows: RowFragments) -> [String: Any] {
        let root = "../"
        var html = ""
        let order = dueOrder
        html.reserveCapacity(order.reduce(0) { $0 + rows.tableRows[$1].utf8.count })
        for index in order { html += rows.tableRows[index] }
        func options(_ values: [(String, String)]) -> [[String: Any]] { values.map { ["value": $0.0, "label": $0.1] } }
        let tags = Set(workspace.tasks.flatMap(\.tags)).sorted()
        let linked = recordLinks.filter { !(tasksByRecord[$0.key]?.isEmpty ?? true) }
        return page(title: "Tasks", root: root, section: "tasks", [
            "rows_html": html,
            "zone": workspace.settings.zone.identifier,
            "has_rows": !order.isEmpty,
            "total": order.count,
            "statuses": options(TaskStatus.allCases.map { ($0.rawValue, $0.label) }),
            "priorities": options(Priority.allCases.reversed().map { ($0.rawValue, $0.label) }),
            "people": options(workspace.people.map { ($0.id, $0.name) }),
            "types": options(workspace.settings.types.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }),
            "tags": options(tags.map { ($0, $0) }),
            "records": options(linked.map { ($0.key, "\(workspace.record($0)?.name ?? $0.id) (\($0.type))") }),
            "modes": TaskQuery.Mode.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst(),
                                                     "checked": $0 == .all] },
        ])
    }

    /// How many cards a board column shows before linking to the list: a
    /// board of every open task stops being readable long before 100,000.
    static let boardOpenLimit = 100
    static let boardClosedLimit = 50

    /// Columns by status: open work in full, the most recently closed work capped.
    func boardPage() -> [String: Any] {
        let root = ""
        var byStatus: [TaskStatus: [Int]] = [:]
        for (index, task) in workspace.tasks.enumerated() { byStatus[task.status, default: []].append(index) }
        let columns = TaskStatus.allCases.map { status -> [String: Any] in
            var indices = byStatus[status] ?? []
            let total = indices.count
            if status.isOpen {
                indices = Array(byDue(indices).prefix(Self.boardOpenLimit))
            } else {
                indices.sort { workspace.tasks[$0].updatedAt > workspace.tasks[$1].updatedAt }
                indices = Array(indices.prefix(Self.boardClosedLimit))
            }
            return [
                "status": status.rawValue, "label": status.label, "count": total,
                "tasks": indices.map { taskSummary($0, root: root) },
                "hidden": total - indices.count, "has_hidden": total > indices.count,
                "list_url": "tasks/index.html?status=\(status.rawValue)",
            ]
        }
        return page(title: "Board", root: root, section: "board", ["columns": columns])
    }

    /// A record's page: its fields and every task linked to it.
    func recordPage(_ link: Link, rows: RowFragments) -> [String: Any] {
        let root = "../../"
        let record = workspace.record(link)
        let indices = byDue(tasksByRecord[link.key] ?? [])
        let open = indices.filter { workspace.tasks[$0].isOpen }
        let closed = indices.filter { !workspace.tasks[$0].isOpen }
        let fields = (record?.fields ?? []).map { member -> [String: Any] in
            let value: String = if case .string(let text) = member.value.value { text } else { JSONWriter.compactForHTML(member.value.value) }
            return ["key": member.key, "value": value]
        }
        return page(title: record?.name ?? link.id, root: root, section: "records", showsInstant: false, [
            "record": ["type": link.type, "id": link.id, "name": record?.name ?? link.id, "known": record != nil,
                       "fields": fields, "api_url": root + "api/records/\(link.type)/\(link.id)/tasks.json"],
            "open": rows.listRows(open, root: root), "open_count": open.count,
            "closed": rows.listRows(closed, root: root), "closed_count": closed.count,
        ])
    }

    /// Every record, grouped by type, with its open task count, by name
    /// ignoring case and accents (then by id, so equal names keep one order).
    /// A record type as a heading: `company` → "Companies", `linkedin_profile` → "Linkedin profiles".
    static func pluralHeading(_ type: String) -> String {
        let words = type.replacingOccurrences(of: "_", with: " ")
        let plural: String
        if words.hasSuffix("y") && !["ay", "ey", "oy", "uy"].contains(where: words.hasSuffix) {
            plural = words.dropLast() + "ies"
        } else if ["s", "x", "ch", "sh"].contains(where: words.hasSuffix) {
            plural = words + "es"
        } else {
            plural = words + "s"
        }
        return plural.prefix(1).uppercased() + plural.dropFirst()
    }

    func recordsIndexPage() -> [String: Any] {
        let root = "../"
        var groups: [String: [(key: String, id: String, view: [String: Any])]] = [:]
        for link in recordLinks {
            let indices = tasksByRecord[link.key] ?? []
            let open = indices.filter { workspace.tasks[$0].isOpen }.count
            let name = workspace.record(link)?.name ?? link.id
            groups[link.type, default: []].append((
                key: name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), id: link.id,
                view: ["name": name, "id": link.id, "known": workspace.record(link) != nil,
                       "url": "\(link.type)/\(link.id).html", "open": open, "total": indices.count]))
        }
        let list = groups.keys.sorted().map { type -> [String: Any] in
            let records = groups[type]!.sorted {
                $0.key != $1.key ? $0.key.precedesInByteOrder($1.key) : $0.id.precedesInByteOrder($1.id)
            }.map(\.view)
            return ["type": type, "heading": Self.pluralHeading(type), "records": records, "count": records.count]
        }
        return page(title: "Records", root: root, section: "records", ["groups": list])
    }

    /// Every edit in rejected/ with its error, newest first.
    func rejectedPage() -> [String: Any] {
        let root = ""
        let entries = activity.rejections.map { rejection -> [String: Any] in
            var view: [String: Any] = [
                "id": rejection.id, "code": rejection.code, "message": rejection.message, "source": rejection.source,
                "path": "rejected/\(rejection.id).json",
            ]
            // Absent, not empty: an empty string still opens a Mustache section.
            if let file = rejection.file { view["file"] = file }
            if let op = rejection.op { view["op"] = op }
            if let actor = rejection.actor { view["actor"] = personName(actor) }
            if let at = rejection.at { view["at"] = ["text": format.instant(at), "iso": at.rfc3339, "relative": format.relative(at)] }
            if let task = rejection.task {
                view["task"] = ["id": task, "title": workspace.task(task)?.title ?? task,
                                "url": workspace.task(task) != nil ? "tasks/\(task).html" : ""]
            }
            return view
        }
        return page(title: "Rejected edits", root: root, section: "rejected", ["entries": entries, "count": entries.count])
    }

    /// A task's history from the journal, oldest first.
    func history(_ id: String, root: String) -> [[String: Any]] {
        (activity.history[id] ?? []).map { entry in
            let what: String = switch entry.action {
            case "updated" where !entry.fields.isEmpty:
                "updated " + entry.fields.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
            case "commented": "commented"
            case "unchanged": "sent \(entry.op), which changed nothing"
            default: entry.action
            }
            var view: [String: Any] = [
                "actor": person(entry.actor, root: root), "what": what, "version": entry.version,
                "at": ["text": format.instant(entry.at), "iso": entry.at.rfc3339, "relative": format.relative(entry.at)],
            ]
            if let comment = entry.comment { view["comment"] = comment }
            return view
        }
    }
}
