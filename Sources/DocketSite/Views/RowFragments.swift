import DocketCore

/// Each task's list row, rendered once per build (in parallel, through the
/// theme's partials) and reused by every page that lists the task: the
/// overview, the task list, person and record pages. At 100,000 tasks this
/// turns a few hundred thousand template renders into one per task and kind.
/// Rows whose fingerprint is in the `RowCache` are taken from it instead.
struct RowFragments: Sendable {
    /// `partials/task-row` (a list item) for pages one folder deep (`../`).
    let listRows: [String]
    /// `partials/task-table-row` (a table row) for the task list's pages,
    /// which list open tasks only: empty for closed ones.
    let tableRows: [String]
    /// How many rows were rendered by this build (the rest came from the cache).
    let renderedCount: Int
    /// The row cache being saved while the pages render (at 100,000 tasks
    /// the save took 1.3 s that the build waited for); see `finishSaving`.
    private let saving: BackgroundJob

    init(context: SiteContext, theme: Theme, fingerprints: [UInt64], cache: RowCache = RowCache(directory: nil),
         progress: Progress? = nil) {
        progress?.start("rows", total: context.workspace.tasks.count)
        defer { progress?.finish() }
        let rendered = parallelMap(Array(context.workspace.tasks.indices)) { index -> (String, String, Bool) in
            defer { progress?.advance() }
            if let cached = cache.rows(for: fingerprints[index]) { return (cached.list, cached.table, false) }
            let summary = context.taskSummary(index, root: "../")
            let table = summary.task.isOpen ? theme.pages.tableRow.render(summary, context.tableRowExtras(index)) : ""
            return (theme.pages.taskRow.render(summary), table, true)
        }
        var list: [String] = []
        var table: [String] = []
        var fresh: [(UInt64, String, String)] = []
        list.reserveCapacity(rendered.count)
        table.reserveCapacity(rendered.count)
        for (index, result) in rendered.enumerated() {
            let (row, tableRow, isFresh) = result
            list.append(row)
            table.append(tableRow)
            if isFresh { fresh.append((fingerprints[index], row, tableRow)) }
        }
        listRows = list
        tableRows = table
        renderedCount = fresh.count
        let rows = (list, table)
        let freshRows = fresh
        saving = BackgroundJob {
            cache.save(fresh: freshRows) { Array(zip(fingerprints, zip(rows.0, rows.1)).map { ($0.0, $0.1.0, $0.1.1) }) }
        }
    }

    /// Returns once the row cache is saved: before the build reports done.
    func finishSaving() { saving.wait() }

    /// The list row of a task for a page whose path back to the site root is `root`.
    /// Rows are rendered for `../`; every root-relative URL in them starts with `="../`
    /// (attribute values from the workspace never hold a bare `"`: it is escaped).
    func listRow(_ index: Int, root: String) -> String {
        let row = listRows[index]
        return root == "../" ? row : row.replacingBytes("=\"../", with: "=\"" + root)
    }

    func listRows(_ indices: [Int], root: String) -> [RowHTML] {
        indices.map { RowHTML(html: listRow($0, root: root)) }
    }
}
