import ArgumentParser
import DocketCore
import Foundation

/// What every edit-writing command shares: where, who, when, and whether to
/// queue an edit that docket already knows will be rejected.
struct EditOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "dir"))
    var workspace: String = "data"

    @Option(help: ArgumentHelp("Who makes the edit (a person id). Default: the person whose email is `git config user.email`.", valueName: "person"))
    var actor: String?

    @Option(help: ArgumentHelp("The edit's time (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    @Flag(help: "Queue the edit even when it would be rejected.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only the path of the queued file.")
    var quiet = false
}

/// Loads the workspace once, resolves the actor, checks and writes edits.
struct EditQueueing {
    let options: EditOptions
    let workspace: Workspace
    let draft: EditDraft
    let actor: String

    init(_ options: EditOptions) throws {
        self.options = options
        let instant = try resolveInstant(options.now)
        let loaded = WorkspaceLoader.load(options.workspace, cache: InputCache(workspace: options.workspace))
        if Console.report(loaded.diagnostics, warnings: false) {
            throw CLIError("error: the workspace has errors (above); fix them before queueing edits")
        }
        workspace = loaded.workspace
        draft = EditDraft(workspace: options.workspace, now: instant)
        if let given = options.actor {
            actor = given
        } else {
            switch EditDraft.actorFromGit(workspace: options.workspace, people: workspace.people) {
            case .success(let id): actor = id
            case .failure(let error): throw CLIError("error: \(error.message)")
            }
        }
    }

    func edit(_ op: Edit.Op, task: String? = nil, data: [JSONMember] = []) -> Edit {
        Edit(id: EditDraft.freshID(at: draft.now), op: op, actor: actor, at: draft.now, task: task, data: data)
    }

    /// Checks the edits against the workspace and the queue, then writes them.
    func queue(_ edits: [Edit], label: (Edit) -> String) throws {
        let results = draft.check(edits, workspace: workspace)
        var problems: [String] = []
        for (edit, result) in zip(edits, results) {
            if case .rejected(let error) = result {
                let target = edit.task.map { " " + $0 } ?? ""
                problems.append("\(edit.op.rawValue)\(target): would be rejected: \(error.code.rawValue): \(error.message)")
            }
        }
        if !problems.isEmpty {
            for problem in problems { Console.error("error: " + problem) }
            if !options.force { throw CLIError("nothing was queued; fix the edit, or pass --force to queue it anyway") }
        }
        for edit in edits {
            let path: String
            do { path = try draft.write(edit, name: draft.fileName(for: edit, label: label(edit))) } catch {
                throw CLIError(error.description)
            }
            Console.print(options.workspace + "/" + path)
        }
        if !options.quiet {
            Console.error("Queued \(edits.count) edit(s); they apply at the next 'docket build' (commit and push them to share).")
        }
    }
}

extension JSONMember {
    static func field(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: JSONNode(value)) }
}
