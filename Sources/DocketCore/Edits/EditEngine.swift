import Foundation

/// Applies queued edits to a workspace in memory (docs/edits.md): the rules, the
/// seed dialects, mentions and notifications. Every edit either applies
/// whole or is rejected whole; the files it touches are collected in a
/// `Changeset` that `WorkspaceTransaction` commits atomically.
public struct EditEngine {
    public enum Result: Sendable {
        case applied(Outcome)
        case rejected(EditError)
    }

    public internal(set) var workspace: Workspace
    public internal(set) var changes = Changeset()
    /// One entry per queue file, in the order they were applied.
    public private(set) var results: [(file: String, id: String, result: Result)] = []
    /// Ids already in `journal/`: an edit is never applied twice.
    private var appliedIDs: Set<String>
    private var rejectedIDs: Set<String>
    /// Set when `verify_actors` is on: who committed each queue file.
    public var authors: CommitAuthors?
    /// The fields the edit being applied gave that docket skipped (see `unknown`).
    var skippedFields: [String] = []

    public init(workspace: Workspace, journalIDs: Set<String> = [], rejectedIDs: Set<String> = []) {
        self.workspace = workspace
        self.appliedIDs = journalIDs
        self.rejectedIDs = rejectedIDs
    }

    public var appliedCount: Int { results.count { if case .applied = $0.result { true } else { false } } }
    public var rejectedCount: Int { results.count - appliedCount }

    /// Applies the whole queue in order and moves every file out of `queue/`.
    public mutating func apply(_ queue: EditQueue) {
        for item in queue.items { apply(item) }
    }

    public mutating func apply(_ item: EditQueue.Item) {
        changes.delete(item.file)
        switch item {
        case .invalidJSON(let file, let id, let raw, let error):
            var members: [JSONMember] = [
                JSONMember(key: "id", value: JSONNode(.string(id))),
                JSONMember(key: "file", value: JSONNode(.string(file))),
                JSONMember(key: "error", value: JSONNode(error.json)),
            ]
            if let text = String(validating: raw, as: UTF8.self) {
                members.append(JSONMember(key: "raw", value: JSONNode(.string(text))))
            } else {
                members.append(JSONMember(key: "raw_base64", value: JSONNode(.string(Data(raw).base64EncodedString()))))
            }
            reject(file: file, id: id, members: members, error: error, entryHasError: true)
        case .malformed(let file, let id, let members, let error):
            reject(file: file, id: id, members: members, error: error)
        case .edit(let edit):
            if appliedIDs.contains(edit.id) {
                let message = "Edit \(edit.id) was already applied (see journal/); it is not applied twice"
                reject(file: edit.file, id: EditQueue.derivedID(file: edit.file), members: edit.members,
                       error: .validation(message))
                return
            }
            do throws(EditError) {
                let outcome = try perform(edit)
                appliedIDs.insert(edit.id)
                var members = edit.members
                members.append(JSONMember(key: "outcome", value: JSONNode(outcome.json)))
                changes.write(Self.journalPath(edit), .object(members))
                results.append((edit.file, edit.id, .applied(outcome)))
            } catch {
                let pathID = rejectedIDs.contains(edit.id) ? EditQueue.derivedID(file: edit.file + "#" + edit.id) : edit.id
                reject(file: edit.file, id: pathID, members: edit.members, error: error)
            }
        }
    }

    public static func journalPath(_ edit: Edit) -> String {
        let date = LocalDate(dayNumber: Int(Instant.floorDiv(edit.at.seconds, 86_400)))
        return "journal/\(String(format: "%04d", date.year))/\(String(format: "%02d", date.month))/\(edit.id).json"
    }

    private mutating func reject(file: String, id: String, members: [JSONMember], error: EditError, entryHasError: Bool = false) {
        var entry = members
        if !entryHasError { entry.append(JSONMember(key: "error", value: JSONNode(error.json))) }
        changes.write("rejected/\(id).json", .object(entry))
        rejectedIDs.insert(id)
        results.append((file, id, .rejected(error)))
    }

    // MARK: - Ops (their bodies live in EditEngine+TaskOps.swift and EditEngine+CommentOps.swift)

    private mutating func perform(_ edit: Edit) throws(EditError) -> Outcome {
        guard let actor = workspace.peopleByID[edit.actor] else {
            throw EditError(.notAuthorized, "Actor '\(edit.actor)' is not a member of this workspace (people.json)")
        }
        guard actor.role.canWrite else {
            throw EditError(.readOnly, "Actor '\(actor.id)' is read-only and cannot make changes")
        }
        if let authors { try verify(edit, actor: actor, authors: authors) }
        // An integration's extra fields are skipped, as the healthcare API promises its integrations.
        var edit = edit
        if actor.kind == .integration { edit.ignoreUnknown = true }
        skippedFields = []
        var outcome: Outcome
        switch edit.op {
        case .taskCreate: outcome = try create(edit)
        case .taskUpdate: outcome = try update(edit, actor: actor)
        case .taskComplete: outcome = try complete(edit, actor: actor)
        case .taskDelete: outcome = try delete(edit, actor: actor)
        case .taskSubscribe, .taskUnsubscribe: outcome = try subscribe(edit, actor: actor)
        case .commentCreate: outcome = try comment(edit)
        case .commentUpdate: outcome = try updateComment(edit)
        case .commentDelete: outcome = try deleteComment(edit, actor: actor)
        }
        outcome.ignored = skippedFields.sorted()
        return outcome
    }

    /// A field an op does not take: an error, or with `ignore_unknown` (and
    /// for integrations) skipped and listed in the outcome as `ignored`.
    mutating func unknown(_ key: String, in edit: Edit, _ message: @autoclosure () -> String) throws(EditError) {
        guard edit.ignoreUnknown else { throw .validation(message()) }
        skippedFields.append(key)
    }

    /// `verify_actors`: the edit's actor must be the author of the commit that added its file.
    func verify(_ edit: Edit, actor: Person, authors: CommitAuthors) throws(EditError) {
        guard let email = authors.byFile[edit.file] else {
            throw EditError(.notAuthorized, "\(edit.file) is not committed; with verify_actors on, an edit applies only once git says who committed it")
        }
        guard actor.commits(as: email) else {
            let committer = workspace.people.first { $0.commits(as: email) }.map { "'\($0.id)'" } ?? "nobody in people.json"
            throw EditError(.notAuthorized, "The edit says its actor is '\(actor.id)', but \(edit.file) was committed by \(Quoted.text(email)) (\(committer)); "
                + "with verify_actors on, git says who made an edit")
        }
    }

    // MARK: - Rules

    func existingTask(_ edit: Edit) throws(EditError) -> Task {
        guard let id = edit.task, let task = workspace.task(id) else { throw EditError(.notFound, "Task not found") }
        return task
    }

    func canModify(_ task: Task, _ actor: Person) -> Bool {
        actor.role == .admin || task.createdBy == actor.id || task.createdVia == actor.id || task.assignees.contains(actor.id)
    }

    /// The task, if the actor may change it and the edit is not stale.
    func modifiableTask(_ edit: Edit, actor: Person) throws(EditError) -> Task {
        let task = try existingTask(edit)
        guard canModify(task, actor) else {
            throw EditError(.notAuthorized, "Not authorized: only the creator, an assignee or an admin may change this task")
        }
        try checkVersion(task, edit)
        return task
    }

    func checkVersion(_ task: Task, _ edit: Edit) throws(EditError) {
        if let expected = edit.ifVersion, expected != task.version {
            throw EditError(.versionConflict, "Task is at version \(task.version), the edit expected version \(expected)")
        }
    }

    mutating func commentFields(_ edit: Edit, needsContent: Bool) throws(EditError) -> (String, String?) {
        var commentID: String?
        var content: String?
        for member in edit.data {
            switch member.key {
            case "comment", "comment_id":
                guard let id = member.value.stringValue, Identifier.isValid(id, kind: .comment) else {
                    throw .validation("Field '\(member.key)' must be a comment id: \(Identifier.expectedShape(.comment))")
                }
                commentID = id
            case "content" where needsContent:
                guard let text = member.value.stringValue, !text.isBlank else {
                    throw .validation("Field 'content' must be a non-empty string")
                }
                content = text
            default:
                try unknown(member.key, in: edit, "Unknown field '\(member.key)'; \(edit.op.rawValue) takes comment\(needsContent ? " and content" : "")")
            }
        }
        guard let commentID else { throw .validation("Field 'comment' is required: the id of the comment") }
        if needsContent && content == nil { throw .validation("Field 'content' is required") }
        return (commentID, content)
    }

    /// Whether a person id names someone in people.json (a plain `@id` is then a mention).
    func isMember(_ id: String) -> Bool { workspace.peopleByID[id] != nil }

    /// Members validly mentioned in Markdown (outside code), without the actor, in order.
    func mentionedMembers(_ content: String, excluding actor: String) -> [String] {
        var seen: Set<String> = []
        return Markdown.mentions(in: content, isMember: isMember).map(\.personID).filter {
            workspace.peopleByID[$0] != nil && $0 != actor && seen.insert($0).inserted
        }
    }

    // MARK: - Changing a task

    /// Applies field changes; returns assignees that were not assigned before.
    func apply(_ changes: TaskChanges, to task: inout Task, edit: Edit) throws(EditError) -> [String] {
        if let title = changes.title { task.title = title }
        // Kept as `tasks/<id>.md` holds them, ending in a newline: the next run reads back the
        // task this one wrote, and setting the same text again changes nothing.
        if let details = changes.details { task.details = details.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } }
        if let priority = changes.priority { task.priority = priority }
        if let type = changes.type { task.type = type }
        if let due = changes.due { task.due = due }
        if let reminder = changes.reminder { task.reminder = reminder }
        for (field, value) in changes.plain { field.set(&task, value) }
        if let metadata = changes.metadata { task.metadata = metadata }
        if let subscribers = changes.subscribers { task.subscribers = subscribers }
        if changes.links != nil || !changes.linksByType.isEmpty { task.links = changes.resolvedLinks(from: task.links) }
        var added: [String] = []
        if let assignees = changes.assignees {
            added = assignees.filter { !task.assignees.contains($0) }
            task.assignees = assignees
        }
        if let status = changes.status, status != task.status {
            task.status = status
            if status == .completed {
                task.completedAt = changes.completedAt ?? edit.at
                task.completedBy = edit.actor
            } else {
                task.completedAt = nil
                task.completedBy = nil
            }
        } else if let completedAt = changes.completedAt, task.status == .completed {
            task.completedAt = completedAt
        }
        switch (task.reminder, task.due) {
        case (.offsetMinutes?, .allDay?), (.offsetMinutes?, nil):
            throw .validation("A reminder offset (reminder_offset_mins) needs a due date with a time (due_time)")
        case (.time?, .at?), (.time?, nil):
            throw .validation("A reminder time (reminder_time) needs an all-day due date (due_date without due_time)")
        default: break
        }
        if let problem = Limits.problems(task).first { throw .validation(problem.message) }
        return added.filter { $0 != edit.actor }
    }

    func bump(_ task: inout Task, _ edit: Edit) throws(EditError) {
        guard task.version < Limits.integer else {
            throw .validation("Task \(task.id) is at version \(task.version), the highest a version may be (2^53)")
        }
        task.version += 1
        task.updatedAt = edit.at
    }

    mutating func store(_ task: Task) {
        if let index = workspace.taskIndex[task.id] {
            let old = workspace.tasks[index]
            workspace.tasks[index] = task
            if old.details != task.details { storeDetails(task) }
        } else {
            workspace.tasks.append(task)
            workspace.taskIndex[task.id] = workspace.tasks.count - 1
            storeDetails(task)
        }
        changes.write("tasks/\(task.id).json", task.json)
    }

    private mutating func storeDetails(_ task: Task) {
        if let details = task.details, !details.isEmpty {
            changes.write("tasks/\(task.id).md", text: details)
        } else {
            changes.delete("tasks/\(task.id).md")
        }
    }

    mutating func storeComment(_ comment: Comment) {
        var list = workspace.comments[comment.task] ?? []
        if let index = list.firstIndex(where: { $0.id == comment.id }) { list[index] = comment } else { list.append(comment) }
        workspace.comments[comment.task] = list
        changes.write("comments/\(comment.task)/\(comment.id).json", comment.json)
    }

    // MARK: - Notifications

    mutating func notify(_ person: String, _ kind: Notification.Kind, edit: Edit, task: String, comment: String? = nil) {
        guard person != edit.actor, workspace.peopleByID[person] != nil else { return }
        let seed = "\(edit.id)|\(person)|\(kind.rawValue)|\(comment ?? "")"
        let entropy = (StableHash.fnv1a64(seed), StableHash.fnv1a64(seed, basis: 0x8422_2325_cbf2_9ce4))
        let id = "ntf_" + ULID.make(milliseconds: UInt64(max(0, edit.at.milliseconds)), entropy: entropy)
        let notification = Notification(id: id, person: person, kind: kind, task: task, actor: edit.actor, at: edit.at, comment: comment)
        changes.write(notification.path, notification.json)
    }

    mutating func notifyCompletion(of task: Task, edit: Edit) {
        for person in Self.union([task.createdBy], task.assignees + task.subscribers) {
            notify(person, .taskCompleted, edit: edit, task: task.id)
        }
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var result = a
        for item in b where !result.contains(item) { result.append(item) }
        return result.sorted { $0.precedesInByteOrder($1) }
    }
}
