import ArgumentParser
import DocketCore
import Foundation

/// Loads the workspace for a read-only query and fixes the instant.
struct QueryContext {
    let workspace: Workspace
    let day: DayContext

    init(workspace root: String, now: String?) throws {
        let instant: Instant
        do { instant = try NowResolver.resolve(option: now) } catch let error as NowResolver.InvalidNow {
            throw CLIError(error.description)
        }
        let loaded = WorkspaceLoader.load(root)
        if Console.report(loaded.diagnostics, warnings: false) {
            throw CLIError("error: the workspace has errors (above); run 'docket validate' for the full list")
        }
        workspace = loaded.workspace
        day = DayContext(now: instant, settings: loaded.workspace.settings)
    }

    func person(_ id: String) throws -> Person {
        guard let person = workspace.peopleByID[id] ?? workspace.people.first(where: { $0.email?.lowercased() == id.lowercased() }) else {
            throw CLIError("error: no person '\(id)' in people.json; people: \(workspace.people.map(\.id).joined(separator: ", "))")
        }
        return person
    }

    func dueText(_ task: DocketCore.Task) -> (String, TerminalTable.Color?) {
        guard let due = task.due else { return ("—", .dim) }
        let timing = day.timing(of: task)
        let days = day.dueDay(due).dayNumber - day.today.dayNumber
        var text: String
        switch days {
        case 0: text = "today"
        case 1: text = "tomorrow"
        case -1: text = "yesterday"
        case let d where d > 1: text = "in \(d)d"
        default: text = "\(-days)d ago"
        }
        if case .at(let instant) = due { text += " " + day.zone.localTime(of: instant).description }
        if timing.isOverdue { return (text, .red) }
        if timing.isDueToday && task.isOpen { return (text, .yellow) }
        return (text, nil)
    }
}

struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "dir"))
    var workspace: String = "data"
    @Option(help: ArgumentHelp("The instant to answer for (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?
    @Flag(help: "Print JSON for scripts.")
    var json = false
}

/// `docket list`: the seeds' list filters in the terminal.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List tasks with the seeds' filters.",
        discussion: "Example: docket list --mode overdue --assignee jane --sort due,-priority"
    )
    @Option(help: ArgumentHelp("pending, in_progress, completed, cancelled (comma-separated for several).", valueName: "status")) var status: String?
    @Option(help: ArgumentHelp("low, normal (or medium), high, urgent (comma-separated).", valueName: "priority")) var priority: String?
    @Option(help: ArgumentHelp("Tasks assigned to this person.", valueName: "person")) var assignee: String?
    @Option(help: ArgumentHelp("Task type(s), comma-separated.", valueName: "type")) var type: String?
    @Option(help: "Tasks with this tag.") var tag: String?
    @Option(help: ArgumentHelp("Tasks linked to a record, as type:id.", valueName: "type:id")) var link: String?
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Due before a date or date-time.", valueName: "time")) var dueBefore: String?
    @Option(name: .customLong("due-after"), help: ArgumentHelp("Due after a date or date-time.", valueName: "time")) var dueAfter: String?
    @Option(help: ArgumentHelp("all, today, overdue, upcoming, completed.", valueName: "mode")) var mode: String = "all"
    @Option(help: ArgumentHelp("my, delegated or all, for --person.", valueName: "tab")) var tab: String?
    @Option(help: ArgumentHelp("Whose tab (default: you, from git config user.email).", valueName: "person")) var person: String?
    @Option(help: "Text to find in titles, tags, linked records' and assignees' names.") var search: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Fields: due, priority, status, title, type, created, updated, assignee; '-' for descending (--sort -priority).", valueName: "fields")) var sort: String = "due"
    @Option(help: "Show at most this many.") var limit: Int?
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            let query = try makeQuery(context)
            let indices = query.run(context.workspace, day: context.day)
            let tasks = indices.map { context.workspace.tasks[$0] }
            if options.json {
                Console.print(JSONWriter.canonical(.object(["data": .array(tasks.map { JSONNode($0.json) }), "total": .int(tasks.count)])), terminator: "")
                return
            }
            var table = TerminalTable(headers: ["ID", "DUE", "PRIORITY", "STATUS", "TITLE", "ASSIGNEES"])
            for task in tasks {
                let due = context.dueText(task)
                let priorityColor: TerminalTable.Color? = task.priority == .urgent ? .red : (task.priority == .high ? .yellow : nil)
                let statusColor: TerminalTable.Color? = task.status == .completed ? .green : (task.isOpen ? nil : .dim)
                table.rows.append([
                    .init(task.id, .dim), .init(due.0, due.1), .init(task.priority.rawValue, priorityColor),
                    .init(task.status.rawValue, statusColor), .init(task.title),
                    .init(task.assignees.map { context.workspace.peopleByID[$0]?.name ?? $0 }.joined(separator: ", ")),
                ])
            }
            Console.print(table.render(), terminator: "")
            Console.error("\(tasks.count) task(s)")
        }
    }

    func makeQuery(_ context: QueryContext) throws -> TaskQuery {
        var query = TaskQuery()
        func list(_ text: String?) -> [String] { text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [] }
        for value in list(status) {
            guard let parsed = TaskStatus(rawValue: value == "open" ? "pending" : value == "done" ? "completed" : value) else {
                throw ValidationError("--status must be one of: \(TaskStatus.allowedList)")
            }
            query.statuses.insert(parsed)
        }
        for value in list(priority) {
            guard let parsed = Priority(rawValue: value == "medium" ? "normal" : value) else {
                throw ValidationError("--priority must be one of: \(Priority.allowedList)")
            }
            query.priorities.insert(parsed)
        }
        if let assignee { query.assignee = try context.person(assignee).id }
        query.types = Set(list(type))
        query.tag = tag
        if let link {
            let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--link must be type:id, such as contact:cont_ada") }
            query.link = Link(type: parts[0], id: parts[1])
        }
        let zone = context.workspace.settings.zone
        if let dueBefore {
            guard let bound = TaskQuery.parseBound(dueBefore, zone: zone) else { throw ValidationError("--due-before must be a date or an RFC 3339 date-time") }
            query.dueBefore = bound
        }
        if let dueAfter {
            guard let bound = TaskQuery.parseBound(dueAfter, zone: zone) else { throw ValidationError("--due-after must be a date or an RFC 3339 date-time") }
            query.dueAfter = bound
        }
        guard let parsedMode = TaskQuery.Mode(rawValue: mode) else { throw ValidationError("--mode must be one of: \(TaskQuery.Mode.allowedList)") }
        query.mode = parsedMode
        if let tab {
            guard let parsedTab = TaskQuery.Tab(rawValue: tab) else { throw ValidationError("--tab must be one of: \(TaskQuery.Tab.allowedList)") }
            query.tab = parsedTab
            if let person {
                query.person = try context.person(person).id
            } else {
                switch EditDraft.actorFromGit(workspace: options.workspace, people: context.workspace.people) {
                case .success(let id): query.person = id
                case .failure(let error): throw CLIError("error: --tab needs --person: \(error.message)")
                }
            }
        }
        query.search = search
        switch TaskQuery.parseSort(sort) {
        case .success(let keys): query.sort = keys
        case .failure(let error): throw ValidationError("--sort: \(error.message)")
        }
        query.limit = limit
        return query
    }
}

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

/// `docket stats [--person]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Task stats for everyone, or for one person.")
    @Option(help: "Only the tasks assigned to this person.") var person: String?
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            let tasks = context.workspace.tasks
            let report = StatsReport(tasks: tasks, timings: tasks.map { context.day.timing(of: $0) }, people: context.workspace.people)
            let stats = try person.map { report.byPerson[try context.person($0).id] ?? Stats() } ?? report.overall
            if options.json {
                Console.print(JSONWriter.canonical(stats.json), terminator: "")
                return
            }
            var table = TerminalTable(headers: ["STAT", "VALUE"])
            let rows: [(String, String, TerminalTable.Color?)] = [
                ("total", "\(stats.total)", nil), ("completedToday", "\(stats.completedToday)", .green),
                ("remainingToday", "\(stats.remainingToday)", stats.remainingToday > 0 ? .yellow : nil),
                ("overdue", "\(stats.overdue)", stats.overdue > 0 ? .red : nil), ("thisWeek", "\(stats.thisWeek)", nil),
                ("completionRate", "\(stats.completionRate)%", nil),
            ]
            for (label, value, color) in rows { table.rows.append([.init(label), .init(value, color)]) }
            Console.print(table.render(), terminator: "")
        }
    }
}

/// `docket badge PERSON`.
struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badge", abstract: "Open tasks assigned to a person that are due today or overdue.")
    @Argument(help: "A person id or email.") var person: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            let id = try context.person(person).id
            var badge = Badge()
            for task in context.workspace.tasks where task.assignees.contains(id) { badge.add(task, context.day.timing(of: task)) }
            Console.print(options.json ? JSONWriter.canonical(badge.json) : "\(badge.count)", terminator: options.json ? "" : "\n")
        }
    }
}
