import DocketCore
import DocketTemplates
import Foundation

/// What one row of the task list reads beyond the task's summary (which
/// sits below it on the stack, for `../`): its records, its update time, and
/// what the browser's filters need in `data-` attributes.
struct TableRowExtras: TemplateView {
    var links: [RecordLink]
    var updated: Moment
    var data: [String]

    static let dataNames = ["modes", "assignees", "tags", "links", "due", "due_day", "updated", "created", "created_by",
                            "completed", "meta"]
    static let viewName = "a task-list row"
    static let fields: [ViewField<TableRowExtras>] = [
        .list("links") { $0.links },
        .view("updated") { $0.updated },
    ] + dataNames.enumerated().map { index, name in .text("data_" + name) { $0.data[index] } }
}

struct TaskListPage: TemplateView {
    var rowsHTML: String
    var zone: String
    var total: Int
    var statuses, priorities, people, types, tags, records, modes: [FilterOption]

    static let viewName = "the task list"
    static let fields: [ViewField<TaskListPage>] = [
        .text("rows_html") { $0.rowsHTML },
        .text("zone") { $0.zone },
        .flag("has_rows") { $0.total > 0 },
        .number("total") { $0.total },
        .list("statuses") { $0.statuses },
        .list("priorities") { $0.priorities },
        .list("people") { $0.people },
        .list("types") { $0.types },
        .list("tags") { $0.tags },
        .list("records") { $0.records },
        .list("modes") { $0.modes },
    ]
}

extension SiteContext {
    func tableRowExtras(_ index: Int) -> TableRowExtras {
        let task = workspace.tasks[index]
        let timing = timings[index]
        var modes = ["all"]
        if task.isOpen && timing.isDueToday { modes.append("today") }
        if timing.isOverdue { modes.append("overdue") }
        if timing.isUpcoming { modes.append("upcoming") }
        if task.status == .completed { modes.append("completed") }
        // In `TableRowExtras.dataNames` order; created, created_by, completed and meta
        // are what Kasar's filter groups can ask about beyond the visible columns.
        let data = [
            modes.joined(separator: " "),
            task.assignees.joined(separator: " "),
            task.tags.joined(separator: " "),
            task.links.map(\.key).joined(separator: " "),
            dueKeys[index] == Int64.max ? "" : String(dueKeys[index]),
            timing.dueDay?.iso8601 ?? "",
            String(task.updatedAt.milliseconds),
            String(task.createdAt.milliseconds),
            task.createdBy,
            task.completedAt.map { String($0.milliseconds) } ?? "",
            task.metadata.isEmpty ? "" : JSONWriter.compact(.object(task.metadata)),
        ]
        return TableRowExtras(links: separated(task.links.map { link(link: $0, root: "../") }, \.comma),
                              updated: moment(task.updatedAt), data: data)
    }

    /// The task list: every task as a table row (rendered once, see `RowFragments`),
    /// in due order so the page reads right without JavaScript, and the options of each filter.
    func taskListPage(_ rows: RowFragments) -> TaskListPage {
        var html = ""
        let order = dueOrder
        html.reserveCapacity(order.reduce(0) { $0 + rows.tableRows[$1].utf8.count })
        for index in order { html += rows.tableRows[index] }
        func options(_ values: [(String, String)]) -> [FilterOption] { values.map { FilterOption(value: $0.0, label: $0.1) } }
        let tags = Set(workspace.tasks.flatMap(\.tags)).sorted()
        let linked = recordLinks.filter { !(tasksByRecord[$0.key]?.isEmpty ?? true) }
        return TaskListPage(
            rowsHTML: html, zone: workspace.settings.zone.identifier, total: order.count,
            statuses: options(TaskStatus.allCases.map { ($0.rawValue, $0.label) }),
            priorities: options(Priority.allCases.reversed().map { ($0.rawValue, $0.label) }),
            people: options(workspace.people.map { ($0.id, $0.name) }),
            types: options(workspace.settings.types.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }),
            tags: options(tags.map { ($0, $0) }),
            records: options(linked.map { ($0.key, "\(workspace.record($0)?.name ?? $0.id) (\($0.type))") }),
            modes: TaskQuery.Mode.allCases.map {
                FilterOption(value: $0.rawValue, label: $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst(), checked: $0 == .all)
            })
    }
}
