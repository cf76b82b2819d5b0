import DocketCore
import DocketTemplates

/// A task's own page, beyond its summary (which sits below it on the stack):
/// details, links, people, times, metadata, comments and history.
struct TaskPageView: TemplateView {
    var detailsHTML: String?
    var links: [RecordLink]
    var subscribers: [PersonLink]
    var created: Moment
    var updated: Moment
    var completed: Moment?
    var reminder: Moment?
    var version: Int
    var metadata: [KeyValue]
    var comments: [CommentView]
    var history: [HistoryEntry]

    static let viewName = "a task page"
    static let fields: [ViewField<TaskPageView>] = [
        .optionalText("details_html") { $0.detailsHTML },
        .list("links") { $0.links },
        .list("subscribers") { $0.subscribers },
        .view("created") { $0.created },
        .view("updated") { $0.updated },
        .view("completed") { $0.completed },
        .view("reminder_at") { $0.reminder },
        .number("version") { $0.version },
        .list("metadata") { $0.metadata },
        .list("comments") { $0.comments },
        .number("comment_count") { $0.comments.count },
        .list("history") { $0.history },
    ]
}

struct CommentView: TemplateView {
    var id: String
    var author: PersonLink
    var created: Moment
    var edited: Bool
    var contentHTML: String

    static let viewName = "a comment"
    static let fields: [ViewField<CommentView>] = [
        .text("id") { $0.id },
        .view("author") { $0.author },
        .view("created") { $0.created },
        .flag("edited") { $0.edited },
        .text("content_html") { $0.contentHTML },
    ]
}

/// One applied edit from the journal.
struct HistoryEntry: TemplateView {
    var actor: PersonLink
    var what: String
    var version: Int
    var at: Moment
    var comment: String?

    static let viewName = "a history entry"
    static let fields: [ViewField<HistoryEntry>] = [
        .view("actor") { $0.actor },
        .text("what") { $0.what },
        .number("version") { $0.version },
        .view("at") { $0.at },
        .optionalText("comment") { $0.comment },
    ]
}

extension SiteContext {
    func taskPage(_ index: Int, root: String) -> TaskPageView {
        let task = workspace.tasks[index]
        let details = task.details.flatMap { $0.isEmpty ? nil : Markdown.html($0) }
        let metadata = JSONWriter.sortedMembers(task.metadata).map { member in
            KeyValue(key: member.key, value: Self.plainText(member.value.value))
        }
        return TaskPageView(
            detailsHTML: details,
            links: separated(task.links.map { link(link: $0, root: root) }, \.comma),
            subscribers: separated(task.subscribers.sorted().map { person($0, root: root) }, \.comma),
            created: moment(task.createdAt, by: task.createdBy, root: root),
            updated: moment(task.updatedAt),
            completed: task.completedAt.map { moment($0, by: task.completedBy, root: root) },
            reminder: task.reminderAt(in: day.zone).map { Moment(text: format.instant($0), iso: $0.rfc3339) },
            version: task.version,
            metadata: metadata,
            comments: commentsByTask[index].map { comment($0, root: root) },
            history: history(index, root: root))
    }

    /// A JSON value as a page shows it: a string as itself, anything else as compact JSON.
    static func plainText(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return JSONWriter.compactForHTML(value)
    }

    /// A comment's Markdown as HTML, mentions of members linked to their pages.
    func commentHTML(_ comment: Comment, root: String) -> String {
        let people = workspace.peopleByID
        return Markdown.html(comment.content, isMember: { people[$0] != nil }) { mention in
            guard let person = people[mention.personID] else { return nil }
            return root + "people/\(person.id).html"
        }
    }

    func comment(_ comment: Comment, root: String) -> CommentView {
        CommentView(id: comment.id, author: person(comment.author, root: root), created: moment(comment.createdAt),
                    edited: comment.updatedAt != comment.createdAt, contentHTML: commentHTML(comment, root: root))
    }

    /// A task's history from the journal, oldest first.
    func history(_ index: Int, root: String) -> [HistoryEntry] {
        historyByTask[index].map { entry in
            let what: String = switch entry.action {
            case "updated" where !entry.fields.isEmpty:
                "updated " + entry.fields.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
            case "commented": "commented"
            case "unchanged": "sent \(entry.op), which changed nothing"
            default: entry.action
            }
            return HistoryEntry(actor: person(entry.actor, root: root), what: what, version: entry.version,
                                at: moment(entry.at), comment: entry.comment)
        }
    }
}
