import ArgumentParser
import DocketCore
import Foundation

/// What every edit-writing command shares: where, who, when, and whether to
/// queue an edit that docket already knows will be rejected.
struct EditOptions: ParsableArguments {
    @OptionGroup var location: WorkspaceOptions

    @Option(help: ArgumentHelp("Who makes the edit (a person id). Default: the person whose email is `git config user.email`.", valueName: "person"))
    var actor: String?

    @Option(help: ArgumentHelp("The edit's time (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    @Flag(help: "Queue the edit even when it would be rejected.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only the task's short id.")
    var quiet = false

    @Flag(help: "Print {\"edit\", \"task\", \"short\", \"file\"} for scripts.")
    var json = false
}

/// Loads the workspace once (with the queue applied in memory, so tasks
/// that are still queued can be named too), resolves the actor, checks and
/// writes edits.
struct EditQueueing {
    let options: EditOptions
    let root: String
    /// The workspace as the queue will leave it.
    let queued: EditEngine
    let draft: EditDraft
    let actor: String

    var workspace: Workspace { queued.workspace }
    var zone: Zone { workspace.settings.zone }

    init(_ options: EditOptions) throws {
        self.options = options
        root = options.location.root
        let instant = try resolveInstant(options.now)
        let loaded = WorkspaceLoader.load(root, cache: InputCache(workspace: root))
        if Console.report(loaded.diagnostics, warnings: false) {
            throw CLIError("error: the workspace has errors (above); fix them before queueing edits")
        }
        draft = EditDraft(workspace: root, now: instant)
        queued = draft.engineWithQueue(loaded.workspace)
        if let given = options.actor {
            actor = given
        } else {
            switch EditDraft.actorFromGit(workspace: root, people: loaded.workspace.people) {
            case .success(let id): actor = id
            case .failure(let error): throw CLIError("error: \(error.message)")
            }
        }
    }

    func task(_ text: String) throws -> Task { try resolveTask(text, in: workspace) }

    func edit(_ op: Edit.Op, task: String? = nil, data: [JSONMember] = []) -> Edit {
        Edit(id: EditDraft.freshID(at: draft.now), op: op, actor: actor, at: draft.now, task: task, data: data)
    }

    /// Checks the edits against the workspace and the queue, then writes them
    /// and says which task each one is for.
    func queue(_ edits: [Edit], label: (Edit) -> String) throws {
        let results = draft.check(edits, after: queued)
        var problems: [String] = []
        for (edit, result) in zip(edits, results) {
            if case .rejected(let error) = result {
                let target = edit.task.map { " " + $0 } ?? ""
                problems.append("\(edit.op.rawValue)\(target): would be rejected: \(error.code.rawValue): \(error.message)")
            }
        }
        if !problems.isEmpty {
            for problem in problems { Console.error("error: " + problem) }
            if !options.force { throw CLIError("error: nothing was queued; fix the edit, or pass --force to queue it anyway") }
        }
        let taskIDs = edits.map { edit in edit.task ?? edit.data.first { $0.key == "id" }?.value.stringValue ?? "task_" + edit.ulid }
        let shortIDs = ShortIDs(workspace.tasks.map(\.id) + taskIDs.filter { workspace.task($0) == nil })
        var written: [JSONValue] = []
        for (edit, taskID) in zip(edits, taskIDs) {
            let path: String
            do { path = try draft.write(edit, name: draft.fileName(for: edit, label: label(edit))) } catch {
                throw CLIError(error.description)
            }
            let file = root == "." ? path : root + "/" + path
            let short = shortIDs.short(taskID)
            written.append(.object([
                JSONMember.field("edit", .string(edit.id)), .field("file", .string(file)),
                .field("short", .string(short)), .field("task", .string(taskID)),
            ]))
            if !options.json { Console.print(short) }
            if !options.quiet && !options.json {
                Console.error("Queued \(edit.op.rawValue) for \(short) in \(file)")
            }
        }
        if options.json {
            Console.print(JSONWriter.canonical(written.count == 1 ? written[0] : .array(written.map { JSONNode($0) })), terminator: "")
        }
        if !options.quiet {
            Console.error("It applies at the next 'docket build' (in CI once you commit and push it); 'docket preview' shows the result now.")
        }
    }
}

extension JSONMember {
    static func field(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: JSONNode(value)) }
}
