import DocketCore
import DocketTemplates

/// A task as one row of a list or a card on a board; a task's page reads
/// these names too (its own view sits above this one).
struct TaskSummary: TemplateView {
    var task: DocketCore.Task
    var short: String
    var url: String
    var timing: Timing
    var assignees: [PersonLink]
    var due: Moment?
    /// A closed task says when it ended ("done 2 hours ago"), not when it was due.
    var ended: Moment?

    static let viewName = "a task"
    static let fields: [ViewField<TaskSummary>] = [
        .text("id") { $0.task.id },
        .text("short") { $0.short },
        .text("title") { $0.task.title },
        .text("url") { $0.url },
        .text("status") { $0.task.status.rawValue },
        .text("status_label") { $0.task.status.label },
        .text("priority") { $0.task.priority.rawValue },
        .text("priority_label") { $0.task.priority.label },
        .text("type") { $0.task.type },
        .text("type_label") { $0.task.type.replacingBytes("_", with: " ") },
        .flag("is_open") { $0.task.isOpen },
        .flag("is_overdue") { $0.timing.isOverdue },
        .flag("is_due_today") { $0.timing.isDueToday },
        .list("assignees") { $0.assignees },
        .texts("tags") { $0.task.tags },
        .view("due") { $0.due },
        .view("ended") { $0.ended },
    ]
}

extension SiteContext {
    func taskSummary(_ index: Int, root: String) -> TaskSummary {
        let task = workspace.tasks[index]
        let timing = timings[index]
        var ended: Moment?
        if !task.isOpen {
            let at = task.completedAt ?? task.updatedAt
            let verb = task.status == .completed ? "done" : "cancelled"
            ended = Moment(text: format.instant(at), iso: at.rfc3339, relative: verb + " " + format.relative(at))
        }
        return TaskSummary(
            task: task, short: shortIDs.short(at: index, of: task.id), url: root + "tasks/\(task.id).html", timing: timing,
            assignees: separated(task.assignees.map { person($0, root: root) }, \.comma),
            due: task.due.map { Moment(text: format.due($0), iso: $0.text, relative: format.relativeDue($0, timing: timing, isOpen: task.isOpen)) },
            ended: ended)
    }

    func person(_ id: String, root: String) -> PersonLink {
        PersonLink(id: id, name: personName(id), url: root + "people/\(id).html", known: workspace.peopleByID[id] != nil)
    }

    func link(link: Link, root: String) -> RecordLink {
        let record = workspace.record(link)
        return RecordLink(type: link.type, id: link.id, name: record?.name ?? link.id, known: record != nil,
                          url: root + "records/\(link.type)/\(link.id).html")
    }

    func moment(_ instant: Instant, by person: String? = nil, root: String = "") -> Moment {
        Moment(text: format.instant(instant), iso: instant.rfc3339, relative: format.relative(instant),
               by: person.map { self.person($0, root: root) })
    }
}
