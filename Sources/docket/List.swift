import ArgumentParser
import DocketCore
import Foundation

/// `docket list`: the task APIs' list filters in the terminal.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List tasks, with the filters of the Rex, Kasar and il task APIs.",
        discussion: """
            Example: docket list --mode overdue --assignee jane --sort due,-priority
            Tasks changed by queued edits (not yet applied by a build) are listed as they will be, marked 'queued'.
            """
    )
    @Option(help: ArgumentHelp("pending, in_progress, completed, cancelled, or open (pending and in_progress); comma-separated for several.", valueName: "status")) var status: String?
    @Option(help: ArgumentHelp("low, normal (or medium), high, urgent (comma-separated).", valueName: "priority")) var priority: String?
    @Option(help: ArgumentHelp("Tasks assigned to this person; \"unassigned\" for tasks assigned to nobody.", valueName: "person")) var assignee: String?
    @Option(help: ArgumentHelp("Task type(s), comma-separated.", valueName: "type")) var type: String?
    @Option(help: "Tasks with this tag.") var tag: String?
    @Option(help: ArgumentHelp("Tasks linked to a record, as type:id (contact:cont_ada; contacts:cont_ada works too).", valueName: "type:id")) var link: String?
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Due before a date or date-time.", valueName: "time")) var dueBefore: String?
    @Option(name: .customLong("due-after"), help: ArgumentHelp("Due after a date or date-time.", valueName: "time")) var dueAfter: String?
    @Option(help: ArgumentHelp("all, today, overdue, upcoming, completed.", valueName: "mode")) var mode: String = "all"
    @Option(help: ArgumentHelp("my (assigned to the person), delegated (created by them for others) or all; open tasks unless --include-done.", valueName: "tab")) var tab: String?
    @Flag(name: .customLong("include-done"), help: "With --tab: completed and cancelled tasks too.") var includeDone = false
    @Option(help: ArgumentHelp("Whose tab (default: you, from git config user.email).", valueName: "person")) var person: String?
    @Option(help: "Text to find in titles, tags, linked records' and assignees' names.") var search: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Fields: due, priority, status, title, type, created, updated, assignee; '-' for descending (--sort -priority); or Kasar's JSON, [{\"field\": \"due\", \"direction\": \"asc\"}]. Tasks without the field come last.", valueName: "fields")) var sort: String = "due"
    @Option(help: ArgumentHelp("Kasar's filter group as JSON: {\"logic\": \"and\", \"filters\": [{\"field\": \"priority\", \"operator\": \"in\", \"value\": [\"high\", \"urgent\"]}]}. Fields: \(FilterGroup.fields.joined(separator: ", ")).", valueName: "json")) var filters: String?
    @Option(help: "Show at most this many (with --json, nextCursor points at the rest).") var limit: Int?
    @Option(help: ArgumentHelp("Continue a listing where the last one stopped (the nextCursor it printed).", valueName: "cursor")) var cursor: String?
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(options)
            let query = try makeQuery(context)
            let matched = query.run(context.workspace, day: context.day)
            let (indices, next) = try page(matched, context: context)
            let tasks = indices.map { context.workspace.tasks[$0] }
            let queued = tasks.map(\.id).filter { context.queued[$0] != nil }
            if options.json {
                Console.print(JSONWriter.canonical(.object([
                    "data": .array(tasks.map { JSONNode($0.json) }), "total": .int(matched.count), "queued": .strings(queued),
                    "nextCursor": next.map { .string($0.text) } ?? .null,
                ])), terminator: "")
                return
            }
            guard !tasks.isEmpty else {
                Console.error("No task matches" + (context.workspace.tasks.isEmpty ? ": the workspace has no tasks yet ('docket add' queues one)." : ". Try --mode all, or fewer filters."))
                return
            }
            var table = TerminalTable(headers: ["ID", "DUE", "PRIORITY", "STATUS", "TITLE", "ASSIGNEES"])
            for task in tasks {
                let due = context.dueText(task)
                let priorityColor: TerminalTable.Color? = task.priority == .urgent ? .red : (task.priority == .high ? .yellow : nil)
                let statusColor: TerminalTable.Color? = task.status == .completed ? .green : (task.isOpen ? nil : .dim)
                let mark = context.queued[task.id] == nil ? "" : " (queued)"
                table.rows.append([
                    .init(context.shortIDs.short(task.id), .cyan), .init(due.0, due.1), .init(task.priority.rawValue, priorityColor),
                    .init(task.status.rawValue + mark, statusColor), .init(task.title),
                    .init(task.assignees.map(context.name).joined(separator: ", ")),
                ])
            }
            Console.print(table.render(), terminator: "")
            let note = queued.isEmpty ? "" : "; \(queued.count) changed by queued edits, applied at the next build"
            let more = next.map { "; more with --cursor \($0.text)" } ?? ""
            Console.error("\(tasks.count) of \(matched.count) task(s)\(note)\(more)")
        }
    }

    func makeQuery(_ context: QueryContext) throws -> TaskQuery {
        var query = TaskQuery()
        func list(_ text: String?) -> [String] { text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [] }
        for value in list(status) {
            if value == "open" {
                query.statuses.formUnion([.pending, .inProgress])
                continue
            }
            guard let parsed = TaskStatus(rawValue: value == "done" ? "completed" : value) else {
                throw CLIError("error: --status is '\(Quoted.text(value, limit: 40))'; expected open or one of: \(TaskStatus.allowedList)")
            }
            query.statuses.insert(parsed)
        }
        for value in list(priority) {
            guard let parsed = Priority(rawValue: value == "medium" ? "normal" : value) else {
                throw CLIError("error: --priority must be one of: \(Priority.allowedList)")
            }
            query.priorities.insert(parsed)
        }
        if let assignee { query.assignee = try context.person(assignee).id }
        query.types = Set(list(type))
        query.tag = tag
        if let link {
            let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CLIError("error: --link must be type:id, such as contact:cont_ada") }
            query.link = Link(type: Link.singular(parts[0]), id: parts[1])  // contacts:cont_ada, as Kasar writes it
        }
        let zone = context.workspace.settings.zone
        if let dueBefore {
            guard let bound = TaskQuery.parseBound(dueBefore, zone: zone) else { throw CLIError("error: --due-before must be a date or an RFC 3339 date-time") }
            query.dueBefore = bound
        }
        if let dueAfter {
            guard let bound = TaskQuery.parseBound(dueAfter, zone: zone) else { throw CLIError("error: --due-after must be a date or an RFC 3339 date-time") }
            query.dueAfter = bound
        }
        guard let parsedMode = TaskQuery.Mode(rawValue: mode) else { throw CLIError("error: --mode must be one of: \(TaskQuery.Mode.allowedList)") }
        query.mode = parsedMode
        if let tab {
            guard let parsedTab = TaskQuery.Tab(rawValue: tab) else { throw CLIError("error: --tab must be one of: \(TaskQuery.Tab.allowedList)") }
            query.tab = parsedTab
            query.includeDone = includeDone
            if let person {
                query.person = try context.person(person).id
            } else {
                switch EditDraft.actorFromGit(workspace: context.root, people: context.workspace.people) {
                case .success(let id): query.person = id
                case .failure(let error): throw CLIError("error: --tab needs --person: \(error.message)")
                }
            }
        }
        query.search = search
        if let filters {
            switch FilterGroup.parse(filters) {
            case .success(let group): query.filters = group
            case .failure(let error): throw CLIError("error: --filters: \(error.message)")
            }
        }
        var sortText = sort
        if sort.hasPrefix("["), TaskQuery.parseJSONSort(sort) == nil {
            // Kasar: a sort that is not valid JSON falls back to the plain keys, here the default.
            Console.error("warning: --sort is not valid JSON; sorting by due")
            sortText = "due"
        }
        switch TaskQuery.parseJSONSort(sortText) ?? TaskQuery.parseSort(sortText) {
        case .success(let keys): query.sort = keys
        case .failure(let error): throw CLIError("error: --sort: \(error.message)")
        }
        return query
    }

    /// The page `--limit` and `--cursor` ask for, and the cursor of the next one.
    func page(_ matched: [Int], context: QueryContext) throws -> ([Int], ListCursor?) {
        guard limit != nil || cursor != nil else { return (matched, nil) }
        let size = limit ?? 100
        guard size > 0 else { throw CLIError("error: --limit is \(size); it must be 1 or more") }
        let description = [status, priority, assignee, type, tag, link, dueBefore, dueAfter, mode, tab, person, search, sort, filters]
            .map { $0 ?? "-" }.joined(separator: "\u{1}") + (includeDone ? "+done" : "")
        let fingerprint = ListCursor.fingerprint(query: description, workspace: context.workspace)
        var offset = 0
        if let cursor {
            do throws(ListCursor.Problem) { offset = try ListCursor.read(cursor, expecting: fingerprint).offset } catch {
                throw CLIError("error: \(error.description)")
            }
        }
        let end = min(matched.count, offset + size)
        let slice = offset < matched.count ? Array(matched[offset..<end]) : []
        return (slice, end < matched.count ? ListCursor(offset: end, fingerprint: fingerprint) : nil)
    }
}
