import DocketCore

/// Each task's list row, rendered once per build (in parallel, through the
/// theme's partials) and reused by every page that lists the task: the
/// overview, the task list, person and record pages. At 100,000 tasks this
/// turns a few hundred thousand template renders into one per task and kind.
struct RowFragments: Sendable {
    /// `partials/task-row` (a list item) for pages one folder deep (`../`).
    let listRows: [String]
    /// `partials/task-table-row` (a table row) for `tasks/index.html`.
    let tableRows: [String]

    init(context: SiteContext, theme: Theme, progress: Progress? = nil) throws {
        progress?.start("rows", total: context.workspace.tasks.count)
        defer { progress?.finish() }
        let rendered = parallelMap(Array(context.workspace.tasks.indices)) { index -> Result<(String, String), Theme.RenderError> in
            defer { progress?.advance() }
            return Result { () throws(Theme.RenderError) in
                let summary = context.taskSummary(index, root: "../")
                return (try theme.render("partials/task-row", summary),
                        try theme.render("partials/task-table-row", context.tableRow(index, summary: summary)))
            }
        }
        var list: [String] = []
        var table: [String] = []
        list.reserveCapacity(rendered.count)
        table.reserveCapacity(rendered.count)
        for result in rendered {
            let (row, tableRow) = try result.get()
            list.append(row)
            table.append(tableRow)
        }
        listRows = list
        tableRows = table
    }

    /// The list row of a task for a page whose path back to the site root is `root`.
    /// Rows are rendered for `../`; every root-relative URL in them starts with `="../`
    /// (attribute values from the workspace never hold a bare `"`: it is escaped).
    func listRow(_ index: Int, root: String) -> String {
        let row = listRows[index]
        return root == "../" ? row : row.replacingBytes("=\"../", with: "=\"" + root)
    }

    func listRows(_ indices: [Int], root: String) -> [[String: Any]] {
        indices.map { ["row_html": listRow($0, root: root)] }
    }
}
