import DocketCore
import DocketTemplates

/// Every edit in rejected/ with its error, newest first.
struct RejectedPage: TemplateView {
    struct Entry: TemplateView {
        var rejection: Activity.Rejection
        var actor: String?
        var at: Moment?
        var task: TaskReference?

        static let viewName = "a rejected edit"
        static let fields: [ViewField<Entry>] = [
            .text("id") { $0.rejection.id },
            .text("code") { $0.rejection.code },
            .text("message") { $0.rejection.message },
            .text("source") { $0.rejection.source },
            .text("path") { "rejected/\($0.rejection.id).json" },
            .optionalText("file") { $0.rejection.file },
            .optionalText("op") { $0.rejection.op },
            .optionalText("actor") { $0.actor },
            .view("at") { $0.at },
            .view("task") { $0.task },
        ]
    }

    /// The task an edit named: `url` is empty when no such task exists.
    struct TaskReference: TemplateView {
        var id: String
        var title: String
        var url: String

        static let viewName = "the task a rejected edit names"
        static let fields: [ViewField<TaskReference>] = [
            .text("id") { $0.id }, .text("title") { $0.title }, .text("url") { $0.url },
        ]
    }

    var entries: [Entry]

    static let viewName = "the rejected page"
    static let fields: [ViewField<RejectedPage>] = [
        .list("entries") { $0.entries },
        .number("count") { $0.entries.count },
    ]
}

extension SiteContext {
    func rejectedPage() -> RejectedPage {
        RejectedPage(entries: activity.rejections.map { rejection in
            let task = rejection.task.map { id in
                let found = workspace.task(id)
                return RejectedPage.TaskReference(id: id, title: found?.title ?? id, url: found != nil ? "tasks/\(id).html" : "")
            }
            return .init(rejection: rejection, actor: rejection.actor.map(personName), at: rejection.at.map { moment($0) }, task: task)
        })
    }
}
