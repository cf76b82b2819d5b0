import Foundation

/// Applies queued edits to a workspace in memory (SPEC §2): the rules, the
/// seed dialects, mentions and notifications. Every edit either applies
/// whole or is rejected whole; the files it touches are collected in a
/// `Changeset` that `WorkspaceTransaction` commits atomically.
public struct EditEngine {
    public enum Result: Sendable {
        case applied(Outcome)
        case rejected(EditError)
    }

    public private(set) var workspace: Workspace
    public private(set) var changes = Changeset()
    /// One entry per queue file, in the order they were applied.
    public private(set) var results: [(file: String, id: String, result: Result)] = []
    /// Ids already in `journal/`: an edit is never applied twice.
    private var appliedIDs: Set<String>
    private var rejectedIDs: Set<String>

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

    // MARK: - Ops

    private mutating func perform(_ edit: Edit) throws(EditError) -> Outcome {
        guard let actor = workspace.peopleByID[edit.actor] else {
            throw EditError(.notAuthorized, "Actor '\(edit.actor)' is not a member of this workspace (people.json)")
        }
        guard actor.role.canWrite else {
            throw EditError(.readOnly, "Actor '\(actor.id)' is read-only and cannot make changes")
        }
        switch edit.op {
        case .taskCreate: return try create(edit)
        case .taskUpdate: return try update(edit, actor: actor)
        case .taskComplete: return try complete(edit, actor: actor)
        case .taskDelete: return try delete(edit, actor: actor)
        case .taskSubscribe, .taskUnsubscribe: return try subscribe(edit, actor: actor)
        case .commentCreate: return try comment(edit)
        case .commentUpdate: return try updateComment(edit)
        case .commentDelete: return try deleteComment(edit, actor: actor)
        }
    }

    private mutating func create(_ edit: Edit) throws(EditError) -> Outcome {
        if edit.task != nil { throw .validation("task.create takes no 'task'; give a new id as data.id if needed") }
        let reader = TaskFieldReader(workspace: workspace, existing: nil, ignoreUnknown: edit.ignoreUnknown)
        let changes = try reader.read(edit.data, creating: true)
        guard let title = changes.title else { throw .validation("Field 'title' is required") }
        let id = changes.id ?? "task_" + edit.ulid
        if workspace.taskIndex[id] != nil { throw .validation("A task with id '\(id)' already exists") }
        var task = Task(id: id, title: title, createdAt: edit.at, createdBy: changes.createdBy ?? edit.actor)
        let types = workspace.settings.types
        task.type = types.contains("todo") ? "todo" : types[0]
        _ = try apply(changes, to: &task, edit: edit)
        // The creator and the assignees follow the task.
        task.subscribers = Self.union(task.subscribers, [task.createdBy] + task.assignees)
        task.version = 1
        task.updatedAt = edit.at
        store(task)
        for person in task.assignees { notify(person, .taskAssigned, edit: edit, task: id) }
        if task.status == .completed { notifyCompletion(of: task, edit: edit) }
        return Outcome(action: .created, task: id, version: 1)
    }

    private mutating func update(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        var task = try modifiableTask(edit, actor: actor)
        let reader = TaskFieldReader(workspace: workspace, existing: task, ignoreUnknown: edit.ignoreUnknown)
        let changes = try reader.read(edit.data, creating: false)
        let before = task
        let wasCompleted = task.status == .completed
        let added = try apply(changes, to: &task, edit: edit)
        task.subscribers = Self.union(task.subscribers, added)
        guard task != before else { return Outcome(action: .unchanged, task: task.id, version: task.version) }
        bump(&task, edit)
        store(task)
        for person in added { notify(person, .taskAssigned, edit: edit, task: task.id) }
        if !wasCompleted && task.status == .completed { notifyCompletion(of: task, edit: edit) }
        return Outcome(action: .updated, task: task.id, version: task.version)
    }

    private mutating func complete(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        var task = try modifiableTask(edit, actor: actor)
        var completed = true
        for member in edit.data {
            switch member.key {
            case "completed", "is_completed":
                guard let flag = member.value.boolValue else { throw .validation("Field '\(member.key)' must be true or false") }
                completed = flag
            default:
                if !edit.ignoreUnknown { throw .validation("Unknown field '\(member.key)'; task.complete takes {\"completed\": true|false}") }
            }
        }
        if completed == (task.status == .completed) {
            return Outcome(action: .unchanged, task: task.id, version: task.version)
        }
        if completed {
            task.status = .completed
            task.completedAt = edit.at
            task.completedBy = edit.actor
        } else {
            task.status = .pending
            task.completedAt = nil
            task.completedBy = nil
        }
        bump(&task, edit)
        store(task)
        if completed { notifyCompletion(of: task, edit: edit) }
        return Outcome(action: completed ? .completed : .reopened, task: task.id, version: task.version)
    }

    private mutating func delete(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        let task = try modifiableTask(edit, actor: actor)
        if !edit.ignoreUnknown, let member = edit.data.first {
            throw .validation("Unknown field '\(member.key)'; task.delete takes no data")
        }
        changes.delete("tasks/\(task.id).json")
        changes.delete("tasks/\(task.id).md")
        for comment in workspace.comments[task.id] ?? [] {
            changes.delete("comments/\(task.id)/\(comment.id).json")
        }
        changes.removeEmptyDirectory("comments/\(task.id)")
        workspace.comments[task.id] = nil
        workspace.tasks.remove(at: workspace.taskIndex[task.id]!)
        workspace.reindex()
        return Outcome(action: .deleted, task: task.id, version: task.version)
    }

    private mutating func subscribe(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        var task = try existingTask(edit)
        let subscribing = edit.op == .taskSubscribe
        var person = edit.actor
        var force = false
        for member in edit.data {
            switch member.key {
            case "person", "user_id":
                guard let id = member.value.stringValue else { throw .validation("Field '\(member.key)' must be a person id") }
                guard workspace.peopleByID[id] != nil else {
                    throw .validation("Field '\(member.key)' names '\(id)', who is not a member of the workspace")
                }
                person = id
            case "force":
                guard let flag = member.value.boolValue else { throw .validation("Field 'force' must be true or false") }
                force = flag
            default:
                if !edit.ignoreUnknown { throw .validation("Unknown field '\(member.key)'; \(edit.op.rawValue) takes person and force") }
            }
        }
        if person != edit.actor && !canModify(task, actor) {
            throw EditError(.notAuthorized, "Not authorized: only the creator, an assignee or an admin may change another person's subscription")
        }
        try checkVersion(task, edit)
        let isSubscribed = task.subscribers.contains(person)
        if isSubscribed == subscribing {
            guard force else {
                throw .validation(subscribing ? "'\(person)' is already subscribed to this task; add \"force\": true to ignore"
                                              : "'\(person)' is not subscribed to this task; add \"force\": true to ignore")
            }
            return Outcome(action: .unchanged, task: task.id, version: task.version)
        }
        if subscribing { task.subscribers = Self.union(task.subscribers, [person]) } else { task.subscribers.removeAll { $0 == person } }
        bump(&task, edit)
        store(task)
        return Outcome(action: subscribing ? .subscribed : .unsubscribed, task: task.id, version: task.version)
    }

    private mutating func comment(_ edit: Edit) throws(EditError) -> Outcome {
        var task = try existingTask(edit)
        try checkVersion(task, edit)
        var content: String?
        var givenID: String?
        for member in edit.data {
            switch member.key {
            case "content":
                guard let text = member.value.stringValue, !text.isBlank else {
                    throw .validation("Field 'content' must be a non-empty string")
                }
                content = text
            case "id":
                guard let id = member.value.stringValue, Identifier.isValid(id, kind: .comment) else {
                    throw .validation("Field 'id' must be \(Identifier.expectedShape(.comment))")
                }
                givenID = id
            case "attachments":
                throw .validation("Attachments cannot be set through edits; link to the file from the comment instead")
            default:
                if !edit.ignoreUnknown { throw .validation("Unknown field '\(member.key)'; comment.create takes content") }
            }
        }
        guard let content else { throw .validation("Field 'content' is required") }
        let id = givenID ?? "cmt_" + edit.ulid
        if workspace.comments[task.id]?.contains(where: { $0.id == id }) == true {
            throw .validation("A comment with id '\(id)' already exists on this task")
        }
        let comment = Comment(id: id, task: task.id, author: edit.actor, content: content, createdAt: edit.at, updatedAt: edit.at)
        let subscribersBefore = task.subscribers
        let mentioned = mentionedMembers(content, excluding: edit.actor)
        task.subscribers = Self.union(task.subscribers, mentioned)
        if task.subscribers != subscribersBefore {
            bump(&task, edit)
            store(task)
        }
        storeComment(comment)
        for person in mentioned { notify(person, .taskMention, edit: edit, task: task.id, comment: id) }
        for person in subscribersBefore where person != edit.actor && !mentioned.contains(person) {
            notify(person, .taskCommented, edit: edit, task: task.id, comment: id)
        }
        return Outcome(action: .commented, task: task.id, version: task.version, comment: id)
    }

    private mutating func updateComment(_ edit: Edit) throws(EditError) -> Outcome {
        var task = try existingTask(edit)
        let (commentID, content) = try commentFields(edit, needsContent: true)
        guard var comment = workspace.comments[task.id]?.first(where: { $0.id == commentID }) else {
            throw EditError(.notFound, "Comment not found")
        }
        guard comment.author == edit.actor else {
            throw EditError(.notAuthorized, "Not authorized: only the author may edit a comment")
        }
        let window = Int64(workspace.settings.commentEditWindowMinutes) * 60_000
        guard edit.at.milliseconds - comment.createdAt.milliseconds <= window else {
            throw EditError(.notAuthorized, "Not authorized: comments can be edited for \(workspace.settings.commentEditWindowMinutes) minutes after they are posted")
        }
        let newContent = content!
        if newContent == comment.content { return Outcome(action: .unchanged, task: task.id, version: task.version, comment: comment.id) }
        let before = Set(Markdown.mentions(in: comment.content).map(\.personID))
        let mentioned = mentionedMembers(newContent, excluding: edit.actor).filter { !before.contains($0) }
        comment.content = newContent
        comment.updatedAt = edit.at
        storeComment(comment)
        let subscribersBefore = task.subscribers
        task.subscribers = Self.union(task.subscribers, mentioned)
        if task.subscribers != subscribersBefore {
            bump(&task, edit)
            store(task)
        }
        for person in mentioned { notify(person, .taskMention, edit: edit, task: task.id, comment: comment.id) }
        return Outcome(action: .updated, task: task.id, version: task.version, comment: comment.id)
    }

    private mutating func deleteComment(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        let task = try existingTask(edit)
        let (commentID, _) = try commentFields(edit, needsContent: false)
        guard let comment = workspace.comments[task.id]?.first(where: { $0.id == commentID }) else {
            throw EditError(.notFound, "Comment not found")
        }
        guard comment.author == edit.actor || actor.role == .admin else {
            throw EditError(.notAuthorized, "Not authorized: only the author or an admin may delete a comment")
        }
        workspace.comments[task.id]?.removeAll { $0.id == commentID }
        changes.delete("comments/\(task.id)/\(commentID).json")
        if workspace.comments[task.id]?.isEmpty == true {
            workspace.comments[task.id] = nil
            changes.removeEmptyDirectory("comments/\(task.id)")
        }
        return Outcome(action: .deleted, task: task.id, version: task.version, comment: commentID)
    }

    // MARK: - Rules

    private func existingTask(_ edit: Edit) throws(EditError) -> Task {
        guard let id = edit.task, let task = workspace.task(id) else { throw EditError(.notFound, "Task not found") }
        return task
    }

    private func canModify(_ task: Task, _ actor: Person) -> Bool {
        actor.role == .admin || task.createdBy == actor.id || task.assignees.contains(actor.id)
    }

    /// The task, if the actor may change it and the edit is not stale.
    private func modifiableTask(_ edit: Edit, actor: Person) throws(EditError) -> Task {
        let task = try existingTask(edit)
        guard canModify(task, actor) else {
            throw EditError(.notAuthorized, "Not authorized: only the creator, an assignee or an admin may change this task")
        }
        try checkVersion(task, edit)
        return task
    }

    private func checkVersion(_ task: Task, _ edit: Edit) throws(EditError) {
        if let expected = edit.ifVersion, expected != task.version {
            throw EditError(.versionConflict, "Task is at version \(task.version), the edit expected version \(expected)")
        }
    }

    private func commentFields(_ edit: Edit, needsContent: Bool) throws(EditError) -> (String, String?) {
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
                if !edit.ignoreUnknown { throw .validation("Unknown field '\(member.key)'; \(edit.op.rawValue) takes comment\(needsContent ? " and content" : "")") }
            }
        }
        guard let commentID else { throw .validation("Field 'comment' is required: the id of the comment") }
        if needsContent && content == nil { throw .validation("Field 'content' is required") }
        return (commentID, content)
    }

    /// Members validly mentioned in Markdown (outside code), without the actor, in order.
    private func mentionedMembers(_ content: String, excluding actor: String) -> [String] {
        var seen: Set<String> = []
        return Markdown.mentions(in: content).map(\.personID).filter {
            workspace.peopleByID[$0] != nil && $0 != actor && seen.insert($0).inserted
        }
    }

    // MARK: - Changing a task

    /// Applies field changes; returns assignees that were not assigned before.
    private func apply(_ changes: TaskChanges, to task: inout Task, edit: Edit) throws(EditError) -> [String] {
        if let title = changes.title { task.title = title }
        if let details = changes.details { task.details = details }
        if let priority = changes.priority { task.priority = priority }
        if let type = changes.type { task.type = type }
        if let due = changes.due { task.due = due }
        if let reminder = changes.reminder { task.reminder = reminder }
        if let tags = changes.tags { task.tags = tags }
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
        return added.filter { $0 != edit.actor }
    }

    private func bump(_ task: inout Task, _ edit: Edit) {
        task.version += 1
        task.updatedAt = edit.at
    }

    private mutating func store(_ task: Task) {
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
            changes.write("tasks/\(task.id).md", text: details.hasSuffix("\n") ? details : details + "\n")
        } else {
            changes.delete("tasks/\(task.id).md")
        }
    }

    private mutating func storeComment(_ comment: Comment) {
        var list = workspace.comments[comment.task] ?? []
        if let index = list.firstIndex(where: { $0.id == comment.id }) { list[index] = comment } else { list.append(comment) }
        workspace.comments[comment.task] = list
        changes.write("comments/\(comment.task)/\(comment.id).json", comment.json)
    }

    // MARK: - Notifications

    private mutating func notify(_ person: String, _ kind: Notification.Kind, edit: Edit, task: String, comment: String? = nil) {
        guard person != edit.actor, workspace.peopleByID[person] != nil else { return }
        let seed = "\(edit.id)|\(person)|\(kind.rawValue)|\(comment ?? "")"
        let entropy = (StableHash.fnv1a64(seed), StableHash.fnv1a64(seed, basis: 0x8422_2325_cbf2_9ce4))
        let id = "ntf_" + ULID.make(milliseconds: UInt64(max(0, edit.at.milliseconds)), entropy: entropy)
        let notification = Notification(id: id, person: person, kind: kind, task: task, actor: edit.actor, at: edit.at, comment: comment)
        changes.write(notification.path, notification.json)
    }

    private mutating func notifyCompletion(of task: Task, edit: Edit) {
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
