import ArgumentParser
import DocketCore
import Foundation

/// `docket show ID`.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one task with its details and comments.")
    @Argument(help: "The task id.") var task: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            guard let task = context.workspace.task(task) else { throw CLIError("error: no task '\(self.task)' in \(options.workspace)/tasks/") }
            let comments = context.workspace.comments[task.id] ?? []
            if options.json {
                guard case .object(var members) = task.json else { return }
                if let details = task.details { members.append(JSONMember(key: "details", value: JSONNode(.string(details)))) }
                members.append(JSONMember(key: "comments", value: JSONNode(.array(comments.map { JSONNode($0.json) }))))
                Console.print(JSONWriter.canonical(.object(members)), terminator: "")
                return
            }
            let color = TerminalTable.useColor
            func name(_ id: String) -> String { context.workspace.peopleByID[id]?.name ?? id }
            var out = (color ? "\u{1B}[1m\(task.title)\u{1B}[0m" : task.title) + "\n"
            out += "\(task.id) · \(task.status.label) · \(task.priority.label) priority · \(task.type)\n\n"
            let due = context.dueText(task)
            var fields: [(String, String)] = [
                ("Due", task.due.map { "\($0.text) (\(due.0))" } ?? "—"),
                ("Assignees", task.assignees.map(name).joined(separator: ", ")),
                ("Linked", task.links.map { "\(context.workspace.record($0)?.name ?? $0.id) (\($0.type))" }.joined(separator: ", ")),
                ("Tags", task.tags.joined(separator: ", ")),
                ("Subscribers", task.subscribers.map(name).joined(separator: ", ")),
                ("Created", "\(task.createdAt.rfc3339) by \(name(task.createdBy))"),
                ("Updated", "\(task.updatedAt.rfc3339), version \(task.version)"),
            ]
            if let reminder = task.reminderAt(in: context.day.zone) { fields.insert(("Reminder", reminder.rfc3339), at: 1) }
            if let completedAt = task.completedAt { fields.append(("Completed", "\(completedAt.rfc3339) by \(name(task.completedBy ?? ""))")) }
            for (label, value) in fields where !value.isEmpty {
                out += label.padding(toLength: 12, withPad: " ", startingAt: 0) + value + "\n"
            }
            if let details = task.details, !details.isEmpty { out += "\n" + details + (details.hasSuffix("\n") ? "" : "\n") }
            if !comments.isEmpty {
                out += "\nComments\n"
                for comment in comments { out += "  \(name(comment.author)), \(comment.createdAt.rfc3339):\n    \(comment.content)\n" }
            }
            Console.print(out, terminator: "")
        }
    }
}
