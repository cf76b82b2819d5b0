import ArgumentParser
import DocketCore
import Foundation

/// Task fields that `add` and `update` set from flags.
struct TaskFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When it is due: \(DueInput.accepted). Times are in the workspace time zone.", valueName: "due"))
    var due: String?
    @Option(name: .customLong("due-time"), help: ArgumentHelp("A time of day for --due (or, alone in update, a new time on the same day).", valueName: "HH:MM"))
    var dueTime: String?
    @Option(name: .customLong("assign"), help: ArgumentHelp("Assignee (person id or email); repeat for several. In update, the list replaces the task's assignees.", valueName: "person"))
    var assignees: [String] = []
    @Option(name: .customLong("link"), help: ArgumentHelp("Linked record as type:id (contact:cont_ada); repeat for several. In update, the list replaces the task's links.", valueName: "type:id"))
    var links: [String] = []
    @Option(help: ArgumentHelp("low, normal, high or urgent.", valueName: "priority"))
    var priority: String?
    @Option(help: ArgumentHelp("One of the workspace's task types (workspace.json 'types').", valueName: "type"))
    var type: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag; repeat for several. In update, the list replaces the task's tags.", valueName: "tag"))
    var tags: [String] = []
    @Option(name: .customLong("details-file"), help: ArgumentHelp("A Markdown file with the task's details.", valueName: "file"))
    var detailsFile: String?
    @Option(name: .customLong("reminder"), help: ArgumentHelp("Minutes before a timed due (30) or a time of day for an all-day due (09:00).", valueName: "reminder"))
    var reminder: String?

    /// The edit's `data` (docket's own field names); says on stderr what a typed due resolved to.
    func data(title: String?, queueing: EditQueueing) throws -> [JSONMember] {
        var data: [JSONMember] = []
        if let title { data.append(.field("title", .string(title))) }
        if let due {
            let text = dueTime.map { due + " " + $0 } ?? due
            guard let resolved = DueInput.parse(text, now: queueing.draft.now, zone: queueing.zone) else {
                throw CLIError("error: --due '\(Quoted.text(text, limit: 60))' is not a due I can read; use \(DueInput.accepted)")
            }
            data.append(.field("due", .string(resolved.text)))
            if !queueing.options.quiet {
                let zone = resolved.hasTime ? " (\(queueing.zone.identifier), \(resolved.text))" : ""
                Console.error("Due \(HumanTime.due(resolved, zone: queueing.zone))\(zone)")
            }
        } else if let dueTime {
            data.append(.field("due_time", .string(dueTime)))
        }
        if !assignees.isEmpty { data.append(.field("assignees", .strings(assignees))) }
        if !links.isEmpty {
            var list: [JSONNode] = []
            for link in links {
                let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError("error: --link '\(Quoted.text(link, limit: 60))' must be type:id, such as contact:cont_ada") }
                list.append(JSONNode(.object(["id": .string(parts[1]), "type": .string(parts[0])])))
            }
            data.append(.field("links", .array(list)))
        }
        if let priority { data.append(.field("priority", .string(priority))) }
        if let type { data.append(.field("type", .string(type))) }
        if !tags.isEmpty { data.append(.field("tags", .strings(tags))) }
        if let detailsFile { data.append(.field("details", .string(try readText(detailsFile)))) }
        if let reminder {
            if let minutes = Int(reminder) {
                data.append(.field("reminder_offset_mins", .int(minutes)))
            } else {
                data.append(.field("reminder_time", .string(reminder)))
            }
        }
        return data
    }
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue a new task.",
        discussion: """
            Example: docket add "Call Ada" --due "friday 15:00" --assign jane --link contact:cont_ada
            Prints the new task's short id; the task exists once the queue is applied (docket build, or CI).
            """
    )
    @Argument(help: "The task's title.") var title: String
    @OptionGroup var fields: TaskFieldOptions
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting {
            let queueing = try EditQueueing(options)
            let edit = queueing.edit(.taskCreate, data: try fields.data(title: title, queueing: queueing))
            try queueing.queue([edit]) { _ in title }
        }
    }
}

struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue a change to a task's fields.",
        discussion: "Example: docket update 7s5p3n --priority urgent --due tomorrow. Only the fields you give change."
    )
    @Argument(help: "The task: its short id (as lists show it) or full id.") var task: String
    @Option(help: "A new title.") var title: String?
    @Option(help: ArgumentHelp("pending, in_progress, completed or cancelled.", valueName: "status")) var status: String?
    @OptionGroup var fields: TaskFieldOptions
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting {
            let queueing = try EditQueueing(options)
            let target = try queueing.task(task)
            var data = try fields.data(title: title, queueing: queueing)
            if let status { data.append(.field("status", .string(status))) }
            guard !data.isEmpty else { throw CLIError("error: nothing to change; give at least one field such as --priority or --due") }
            try queueing.queue([queueing.edit(.taskUpdate, task: target.id, data: data)]) { _ in target.title }
        }
    }
}

/// `done`, `reopen`, `delete`: one task id, no fields.
struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue marking a task completed.")
    @Argument(help: "The task: its short id or full id.") var task: String
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting { try queueSimple(.taskComplete, task: task, data: [.field("completed", .bool(true))], options: options) }
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue reopening a completed task.")
    @Argument(help: "The task: its short id or full id.") var task: String
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting { try queueSimple(.taskComplete, task: task, data: [.field("completed", .bool(false))], options: options) }
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue deleting a task with its details and comments.")
    @Argument(help: "The task: its short id or full id.") var task: String
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting { try queueSimple(.taskDelete, task: task, data: [], options: options) }
    }
}

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Queue a comment on a task. Mention people as @person-id (or @{person-id:Name}): they are notified and subscribed.",
        discussion: "Example: docket comment 7s5p3n \"@jane can you call them?\""
    )
    @Argument(help: "The task: its short id or full id.") var task: String
    @Argument(help: "The comment (Markdown).") var text: String
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting {
            let queueing = try EditQueueing(options)
            let target = try queueing.task(task)
            let people = queueing.workspace.peopleByID
            for (token, reason) in Markdown.unheardMentions(in: text, isMember: { people[$0] != nil }) {
                Console.error("warning: \(token) notifies nobody: \(reason)")
            }
            for mention in Markdown.mentions(in: text, isMember: { people[$0] != nil }) where mention.personID == queueing.actor {
                Console.error("warning: \(mention.token) is you; nobody is notified of their own comment")
            }
            try queueing.queue([queueing.edit(.commentCreate, task: target.id, data: [.field("content", .string(text))])]) { _ in target.title }
        }
    }
}

struct Subscribe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue subscribing (you, or --person) to a task's notifications.")
    @Argument(help: "The task: its short id or full id.") var task: String
    @Option(help: "Subscribe this person instead of yourself.") var person: String?
    @Flag(name: .customLong("if-needed"), help: "No error when already subscribed (the edit's force).") var ifNeeded = false
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting { try queueSubscription(.taskSubscribe, task: task, person: person, force: ifNeeded, options: options) }
    }
}

struct Unsubscribe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue unsubscribing (you, or --person) from a task.")
    @Argument(help: "The task: its short id or full id.") var task: String
    @Option(help: "Unsubscribe this person instead of yourself.") var person: String?
    @Flag(name: .customLong("if-needed"), help: "No error when not subscribed (the edit's force).") var ifNeeded = false
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting { try queueSubscription(.taskUnsubscribe, task: task, person: person, force: ifNeeded, options: options) }
    }
}

private func queueSimple(_ op: Edit.Op, task: String, data: [JSONMember], options: EditOptions) throws {
    let queueing = try EditQueueing(options)
    let target = try queueing.task(task)
    try queueing.queue([queueing.edit(op, task: target.id, data: data)]) { _ in target.title }
}

private func queueSubscription(_ op: Edit.Op, task: String, person: String?, force: Bool, options: EditOptions) throws {
    var data: [JSONMember] = []
    if let person { data.append(.field("person", .string(person))) }
    if force { data.append(.field("force", .bool(true))) }
    try queueSimple(op, task: task, data: data, options: options)
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Queue a task.create for every task in a JSON export of another task API.",
        discussion: """
            Reads {"data": [...]}, {"data": [...], "total", "nextCursor"} or a bare array. Each task's original id \
            is kept as metadata.import_id; owners who are not in people.json are kept as metadata.import_people.
            """
    )
    @Argument(help: "The export file.") var file: String
    @Option(name: .customLong("as"), help: "Who the tasks are created by (default: you, from git config user.email).") var asPerson: String?
    @OptionGroup var options: EditOptions

    func run() throws {
        try runReporting {
            var options = self.options
            if let asPerson { options.actor = asPerson }
            let queueing = try EditQueueing(options)
            let bytes = Array(try readText(file).utf8)
            let edits: [Edit]
            do {
                edits = try Importer.edits(from: bytes, file: file, actor: queueing.actor, now: queueing.draft.now,
                                           people: queueing.workspace.peopleByID)
            } catch let error as Importer.Failure { throw CLIError(error.description) }
            guard !edits.isEmpty else { throw CLIError("\(file): error: the export holds no tasks") }
            try queueing.queue(edits) { edit in
                "import-" + (edit.data.first(where: { $0.key == "title" || $0.key == "content_text" })?.value.stringValue ?? "task")
            }
        }
    }
}

/// A file's text, or a `CLIError` naming it.
func readText(_ path: String) throws(CLIError) -> String {
    do throws(FileError) { return try FileSystem.readString(path) } catch { throw CLIError(error.description) }
}
