import DocketTemplates

extension Theme {
    /// Each template docket renders, bound when the theme loads to the views
    /// it is rendered with (the layout's view first, the page's own last).
    /// A name no view supplies is a load error, listed with all the others.
    struct Pages: Sendable {
        let overview, taskList, board, rejected, recordsIndex, record, person, task, taskRow, tableRow: CompiledTemplate

        init(_ library: TemplateLibrary) throws(LoadError) {
            var problems: [TemplateError] = []
            func bind(_ name: String, _ views: [any TemplateView.Type]) -> CompiledTemplate {
                do throws(TemplateProblems) { return try library.compile(name, views: views) } catch {
                    problems += error.errors.filter { !problems.contains($0) }
                    return CompiledTemplate.empty(name)
                }
            }
            overview = bind("index", [PageChrome.self, OverviewPage.self])
            taskList = bind("tasks", [PageChrome.self, TaskListPage.self])
            board = bind("board", [PageChrome.self, BoardPage.self])
            rejected = bind("rejected", [PageChrome.self, RejectedPage.self])
            recordsIndex = bind("records", [PageChrome.self, RecordsIndexPage.self])
            record = bind("record", [PageChrome.self, RecordPage.self])
            person = bind("person", [PageChrome.self, PersonPage.self])
            task = bind("task", [PageChrome.self, TaskSummary.self, TaskPageView.self])
            taskRow = bind("partials/task-row", [TaskSummary.self])
            tableRow = bind("partials/task-table-row", [TaskSummary.self, TableRowExtras.self])
            guard problems.isEmpty else { throw .unsupplied(TemplateProblems(errors: problems)) }
        }
    }
}
