import DocketCore
import DocketTemplates

/// Columns by status: open work in full, the most recently closed work capped.
struct BoardPage: TemplateView {
    struct Column: TemplateView {
        var status: TaskStatus
        var count: Int
        var tasks: [TaskSummary]

        static let viewName = "a board column"
        static let fields: [ViewField<Column>] = [
            .text("status") { $0.status.rawValue },
            .text("label") { $0.status.label },
            .number("count") { $0.count },
            .list("tasks") { $0.tasks },
            .number("hidden") { $0.count - $0.tasks.count },
            .flag("has_hidden") { $0.count > $0.tasks.count },
            .text("list_url") { "tasks/index.html?status=\($0.status.rawValue)" },
        ]
    }

    var columns: [Column]

    static let viewName = "the board"
    static let fields: [ViewField<BoardPage>] = [.list("columns") { $0.columns }]
}

extension SiteContext {
    /// How many cards a board column shows before linking to the list: a
    /// board of every open task stops being readable long before 100,000.
    static let boardOpenLimit = 100
    static let boardClosedLimit = 50

    func boardPage() -> BoardPage {
        var byStatus: [TaskStatus: [Int]] = [:]
        for (index, task) in workspace.tasks.enumerated() { byStatus[task.status, default: []].append(index) }
        return BoardPage(columns: TaskStatus.allCases.map { status in
            var indices = byStatus[status] ?? []
            let total = indices.count
            if status.isOpen {
                indices = Array(byDue(indices).prefix(Self.boardOpenLimit))
            } else {
                indices.sort { workspace.tasks[$0].updatedAt > workspace.tasks[$1].updatedAt }
                indices = Array(indices.prefix(Self.boardClosedLimit))
            }
            return BoardPage.Column(status: status, count: total, tasks: indices.map { taskSummary($0, root: "") })
        })
    }
}
