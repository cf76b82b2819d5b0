import ArgumentParser
import DocketCore
import Foundation

/// `docket show ID`.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one task with its details and comments; times in the workspace time zone.",
        discussion: "Example: docket show 7s5p3n (a short id, as 'docket list' prints it, or the full id)."
    )
    @Argument(help: "The task: its short id or full id.") var task: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(options)
            let task = try context.task(self.task)
            let comments = context.workspace.comments[task.id] ?? []
            if options.json {
                guard case .object(var members) = task.json else { return }
                if let details = task.details { members.append(.field("details", .string(details))) }
                members.append(JSONMember(key: "comments", value: JSONNode(.array(comments.map { JSONNode($0.json) }))))
                members.append(.field("short", .string(context.shortIDs.short(task.id))))
                if let queued = context.queued[task.id] { members.append(.field("queued", .strings(queued))) }
                Console.print(JSONWriter.canonical(.object(members)), terminator: "")
                return
            }
            Console.print(render(task, comments: comments, context: context), terminator: "")
        }
    }

    private func render(_ task: DocketCore.Task, comments: [Comment], context: QueryContext) -> String {
        let color = TerminalTable.useColor
        func safe(_ text: String) -> String { Quoted.text(text, limit: 500) }
        var out = (color ? "\u{1B}[1m\(safe(task.title))\u{1B}[0m" : safe(task.title)) + "\n"
        out += "\(context.shortIDs.short(task.id)) · \(task.status.label) · \(task.priority.label) priority · \(safe(task.type))\n"
        if let queued = context.queued[task.id] {
            out += "Queued, not yet applied: \(queued.joined(separator: ", ")) (a build applies it)\n"
        }
        out += "\n"
        let due = context.dueText(task)
        var fields: [(String, String)] = [
            ("Due", task.due.map { "\(HumanTime.due($0, zone: context.zone)) (\(due.0))" } ?? "—"),
            ("Assignees", task.assignees.map(context.name).joined(separator: ", ")),
            ("Linked", task.links.map { "\(context.workspace.record($0)?.name ?? $0.id) (\($0.type))" }.joined(separator: ", ")),
            ("Tags", task.tags.joined(separator: ", ")),
            ("Subscribers", task.subscribers.map(context.name).joined(separator: ", ")),
            ("Created", "\(context.time(task.createdAt)) by \(context.name(task.createdBy))"),
            ("Updated", "\(context.time(task.updatedAt)), version \(task.version)"),
        ]
        if let reminder = task.reminderAt(in: context.zone) { fields.insert(("Reminder", context.time(reminder)), at: 1) }
        if let completedAt = task.completedAt {
            fields.append(("Completed", "\(context.time(completedAt)) by \(context.name(task.completedBy ?? ""))"))
        }
        for (label, value) in fields where !value.isEmpty {
            out += label.padding(toLength: 12, withPad: " ", startingAt: 0) + safe(value) + "\n"
        }
        out += "ID".padding(toLength: 12, withPad: " ", startingAt: 0) + task.id + "\n"
        out += "Times are in \(context.zone.identifier).\n"
        if let details = task.details, !details.isEmpty {
            out += "\n" + Quoted.text(details, keepingNewlines: true, limit: .max) + (details.hasSuffix("\n") ? "" : "\n")
        }
        if !comments.isEmpty {
            out += "\nComments\n"
            for comment in comments {
                out += "  \(safe(context.name(comment.author))), \(context.time(comment.createdAt)):\n"
                out += "    " + Quoted.text(comment.content, keepingNewlines: true, limit: .max).replacingOccurrences(of: "\n", with: "\n    ") + "\n"
            }
        }
        return out
    }
}
