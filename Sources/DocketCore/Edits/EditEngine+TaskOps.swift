/// The task operations of docs/edits.md: create, update, complete/reopen, delete,
/// subscribe/unsubscribe. Each validates everything before it changes anything.
extension EditEngine {
    mutating func create(_ edit: Edit) throws(EditError) -> Outcome {
        if edit.task != nil { throw .validation("task.create takes no 'task'; give a new id as data.id if needed") }
        let reader = TaskFieldReader(workspace: workspace, existing: nil, ignoreUnknown: edit.ignoreUnknown)
        let changes = try reader.read(edit.data, creating: true)
        skippedFields += changes.ignored
        guard let title = changes.title else { throw .validation("Field 'title' is required") }
        let id = changes.id ?? "task_" + edit.ulid
        if workspace.taskIndex[id] != nil { throw .validation("A task with id '\(id)' already exists") }
        var task = Task(id: id, title: title, createdAt: edit.at, createdBy: changes.createdBy ?? edit.actor)
        // An integration creating on someone's behalf keeps the right to change what it made.
        if let createdBy = changes.createdBy, createdBy != edit.actor, workspace.peopleByID[edit.actor]?.kind == .integration {
            task.createdVia = edit.actor
        }
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

    mutating func update(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        var task = try modifiableTask(edit, actor: actor)
        let reader = TaskFieldReader(workspace: workspace, existing: task, ignoreUnknown: edit.ignoreUnknown)
        let changes = try reader.read(edit.data, creating: false)
        skippedFields += changes.ignored
        let before = task
        let wasCompleted = task.status == .completed
        let added = try apply(changes, to: &task, edit: edit)
        task.subscribers = Self.union(task.subscribers, added)
        guard task != before else { return Outcome(action: .unchanged, task: task.id, version: task.version) }
        try bump(&task, edit)
        store(task)
        for person in added { notify(person, .taskAssigned, edit: edit, task: task.id) }
        if !wasCompleted && task.status == .completed { notifyCompletion(of: task, edit: edit) }
        return Outcome(action: .updated, task: task.id, version: task.version)
    }

    mutating func complete(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        var task = try modifiableTask(edit, actor: actor)
        var completed = true
        for member in edit.data {
            switch member.key {
            case "completed", "is_completed":
                guard let flag = member.value.boolValue else { throw .validation("Field '\(member.key)' must be true or false") }
                completed = flag
            default:
                try unknown(member.key, in: edit, "Unknown field '\(member.key)'; task.complete takes {\"completed\": true|false}")
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
        try bump(&task, edit)
        store(task)
        if completed { notifyCompletion(of: task, edit: edit) }
        return Outcome(action: completed ? .completed : .reopened, task: task.id, version: task.version)
    }

    mutating func delete(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
        let task = try modifiableTask(edit, actor: actor)
        for member in edit.data { try unknown(member.key, in: edit, "Unknown field '\(member.key)'; task.delete takes no data") }
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

    mutating func subscribe(_ edit: Edit, actor: Person) throws(EditError) -> Outcome {
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
                try unknown(member.key, in: edit, "Unknown field '\(member.key)'; \(edit.op.rawValue) takes person and force")
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
        try bump(&task, edit)
        store(task)
        return Outcome(action: subscribing ? .subscribed : .unsubscribed, task: task.id, version: task.version)
    }
}
