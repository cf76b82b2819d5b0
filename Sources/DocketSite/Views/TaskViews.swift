import DocketCore
import Foundation

/// Dictionaries for the templates (swift-mustache reads them ~3× faster than
/// reflected structs). Every value is plain text: the engine escapes it,
/// except `*_html` values, which come from cmark in safe mode.
extension SiteContext {
    /// A task as one row of a list or card on a board.
    func taskSummary(_ index: Int, root: String) -> [String: Any] {
        let task = workspace.tasks[index]
        let timing = timings[index]
        var view: [String: Any] = [
            "id": task.id,
            "short": shortIDs.short(task.id),
            "title": task.title,
            "url": root + "tasks/\(task.id).html",
            "status": task.status.rawValue,
            "status_label": task.status.label,
            "priority": task.priority.rawValue,
            "priority_label": task.priority.label,
            "type": task.type,
            "type_label": task.type.replacingBytes("_", with: " "),
            "is_open": task.isOpen,
            "is_overdue": timing.isOverdue,
            "is_due_today": timing.isDueToday,
            "assignees": separated(task.assignees.map { person($0, root: root) }),
            "tags": task.tags,
        ]
        if let due = task.due {
            view["due"] = [
                "text": format.due(due),
                "iso": due.text,
                "relative": format.relativeDue(due, timing: timing, isOpen: task.isOpen),
            ]
        }
        // A closed task's row says when it ended, not when it was due ("done 2 hours ago", not "in 2 days").
        if !task.isOpen {
            let ended = task.completedAt ?? task.updatedAt
            let verb = task.status == .completed ? "done" : "cancelled"
            view["ended"] = ["text": format.instant(ended), "iso": ended.rfc3339, "relative": verb + " " + format.relative(ended)]
        }
        return view
    }

    /// The whole task for its own page.
    func taskPage(_ index: Int, root: String) -> [String: Any] {
        let task = workspace.tasks[index]
        var view = taskSummary(index, root: root)
        if let details = task.details, !details.isEmpty {
            view["details_html"] = Markdown.html(details)
        }
        view["links"] = separated(task.links.map { link(link: $0, root: root) })
        view["subscribers"] = separated(task.subscribers.sorted().map { person($0, root: root) })
        view["created"] = stamp(task.createdAt, by: task.createdBy, root: root)
        view["updated"] = stamp(task.updatedAt, by: nil, root: root)
        if let completedAt = task.completedAt {
            view["completed"] = stamp(completedAt, by: task.completedBy, root: root)
        }
        if let reminderAt = task.reminderAt(in: day.zone) {
            view["reminder_at"] = ["text": format.instant(reminderAt), "iso": reminderAt.rfc3339]
        }
        view["version"] = task.version
        // Always there (empty when the task has none), so a theme's use of it is always checked.
        view["metadata"] = [[String: Any]]()
        if !task.metadata.isEmpty {
            view["metadata"] = JSONWriter.sortedMembers(task.metadata).map { member -> [String: Any] in
                let text: String = if case .string(let s) = member.value.value { s } else {
                    JSONWriter.compactForHTML(member.value.value)
                }
                return ["key": member.key, "value": text]
            }
        }
        let comments = workspace.comments[task.id] ?? []
        view["comments"] = comments.map { comment(comment: $0, root: root) }
        view["comment_count"] = comments.count
        return view
    }

    /// Items of a list a template joins with commas: every one but the last has `comma`.
    func separated(_ items: [[String: Any]]) -> [[String: Any]] {
        items.enumerated().map { index, item in
            var item = item
            item["comma"] = index < items.count - 1
            return item
        }
    }

    func person(_ id: String, root: String) -> [String: Any] {
        ["id": id, "name": personName(id), "url": root + "people/\(id).html", "known": workspace.peopleByID[id] != nil]
    }

    func link(link: Link, root: String) -> [String: Any] {
        let record = workspace.record(link)
        return [
            "type": link.type, "id": link.id,
            "name": record?.name ?? link.id,
            "known": record != nil,
            "url": root + "records/\(link.type)/\(link.id).html",
        ]
    }

    func stamp(_ instant: Instant, by person: String?, root: String) -> [String: Any] {
        var view: [String: Any] = ["text": format.instant(instant), "iso": instant.rfc3339, "relative": format.relative(instant)]
        if let person { view["by"] = self.person(person, root: root) }
        return view
    }

    /// A comment's Markdown as HTML, mentions of members linked to their pages.
    func commentHTML(_ comment: Comment, root: String) -> String {
        let people = workspace.peopleByID
        return Markdown.html(comment.content, isMember: { people[$0] != nil }) { mention in
            guard let person = people[mention.personID] else { return nil }
            return root + "people/\(person.id).html"
        }
    }

    func comment(comment: Comment, root: String) -> [String: Any] {
        let html = commentHTML(comment, root: root)
        return [
            "id": comment.id,
            "author": person(comment.author, root: root),
            "created": stamp(comment.createdAt, by: nil, root: root),
            "edited": comment.updatedAt != comment.createdAt,
            "content_html": html,
        ]
    }
}
