import DocketCore
import DocketTemplates
import Foundation

/// What one row of the task list reads beyond the task's summary (which
/// sits below it on the stack, for `../`): its records and its update time.
struct TableRowExtras: TemplateView {
    var links: [RecordLink]
    var updated: Moment

    static let viewName = "a task-list row"
    static let fields: [ViewField<TableRowExtras>] = [
        .list("links") { $0.links },
        .view("updated") { $0.updated },
    ]
}

/// One page of the task list: `tasks/index.html` is page 1, then
/// `tasks/page-2.html`, … (open tasks by due, `rowsPerPage` each), so the
/// list reads without JavaScript; with it, the page filters and sorts every
/// task from the data scripts (`ListData`) and shows one page of results.
struct TaskListPage: TemplateView {
    static let rowsPerPage = 100

    /// Set per page; everything else is the same on every page, made once.
    var rowsHTML = ""
    var page = 1
    var zone: String
    var total: Int
    var openTotal: Int
    var pages: Int
    var dataScripts: [String]
    var statuses, priorities, people, types, tags, modes: [FilterOption]

    static func path(page: Int) -> String { page == 1 ? "index.html" : "page-\(page).html" }

    static let viewName = "the task list"
    static let fields: [ViewField<TaskListPage>] = [
        .text("rows_html") { $0.rowsHTML },
        .text("zone") { $0.zone },
        .flag("has_rows") { $0.total > 0 },
        .number("total") { $0.total },
        .number("open_total") { $0.openTotal },
        .number("page") { $0.page },
        .number("pages") { $0.pages },
        .number("first_row") { min($0.openTotal, ($0.page - 1) * rowsPerPage + 1) },
        .number("last_row") { min($0.openTotal, $0.page * rowsPerPage) },
        .flag("has_pages") { $0.pages > 1 },
        .optionalText("previous_url") { $0.page > 1 ? path(page: $0.page - 1) : nil },
        .optionalText("next_url") { $0.page < $0.pages ? path(page: $0.page + 1) : nil },
        .texts("data_scripts") { $0.dataScripts },
        .list("statuses") { $0.statuses },
        .list("priorities") { $0.priorities },
        .list("people") { $0.people },
        .list("types") { $0.types },
        .list("tags") { $0.tags },
        .list("modes") { $0.modes },
    ]
}

extension SiteContext {
    func tableRowExtras(_ index: Int) -> TableRowExtras {
        let task = workspace.tasks[index]
        return TableRowExtras(links: separated(task.links.map { link(link: $0, root: "../") }, \.comma), updated: moment(task.updatedAt))
    }

    /// Open tasks by due: the order of the list's pages without JavaScript.
    var openByDue: [Int] { dueOrder.filter { workspace.tasks[$0].isOpen } }

    /// The task list as every page shows it, rows aside; `dataScripts` are the
    /// list data files, relative to `tasks/`. Made once per build, not once per page.
    func taskList(open: [Int], dataScripts: [String]) -> TaskListPage {
        func options(_ values: [(String, String)]) -> [FilterOption] { values.map { FilterOption(value: $0.0, label: $0.1) } }
        let modes = ["all", "open"] + TaskQuery.Mode.allCases.dropFirst().map(\.rawValue)
        let perPage = TaskListPage.rowsPerPage
        return TaskListPage(
            zone: workspace.settings.zone.identifier, total: workspace.tasks.count, openTotal: open.count,
            pages: max(1, (open.count + perPage - 1) / perPage), dataScripts: dataScripts,
            statuses: options([("open", "Open (pending or in progress)")] + TaskStatus.allCases.map { ($0.rawValue, $0.label) }),
            priorities: options(Priority.allCases.reversed().map { ($0.rawValue, $0.label) }),
            people: options([(TaskQuery.unassigned, "Unassigned")] + workspace.people.map { ($0.id, $0.name) }),
            types: options(workspace.settings.types.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }),
            tags: options(tags.map { ($0, $0) }),
            modes: modes.map { FilterOption(value: $0, label: $0.prefix(1).uppercased() + $0.dropFirst(), checked: $0 == "open") })
    }

    /// Page `page` (from 1) of `list`: its rows, open tasks by due.
    func taskListPage(_ list: TaskListPage, page: Int, open: [Int], rows: RowFragments) -> TaskListPage {
        let perPage = TaskListPage.rowsPerPage
        let shown = open.dropFirst((page - 1) * perPage).prefix(perPage)
        var view = list
        view.page = page
        view.rowsHTML.reserveCapacity(shown.reduce(0) { $0 + rows.tableRows[$1].utf8.count })
        for index in shown { view.rowsHTML += rows.tableRows[index] }
        return view
    }
}
