import Foundation

/// The task fields an edit sets, after every seed dialect has been mapped to
/// docket's own names (docs/edits.md, other products' fields). A nil field is not touched;
/// a `.some(nil)` optional field is cleared.
public struct TaskChanges: Sendable {
    public var id: String?
    /// Fields given that docket does not read (skipped with `ignore_unknown`).
    public var ignored: [String] = []
    public var title: String?
    public var details: String??
    public var status: TaskStatus?
    public var completedAt: Instant?
    public var priority: Priority?
    public var type: String?
    public var due: Due??
    public var reminder: Reminder??
    public var assignees: [String]?
    public var subscribers: [String]?
    /// Plain fields an edit sets (`Task.plainFields`), in the order given; a nil value unsets one.
    public var plain: [(field: TaskField, value: TaskFieldValue?)] = []
    /// Replaces every link.
    public var links: [Link]?
    /// `contact_id`-style fields: set (or, with nil, remove) the link of one type.
    public var linksByType: [(type: String, id: String?)] = []
    public var metadata: [JSONMember]?
    public var createdBy: String?

    public init() {}

    /// Sets the one link of `type` (nil removes links of that type) on top of `links`.
    public func resolvedLinks(from current: [Link]) -> [Link] {
        var result = links ?? current
        for (type, id) in linksByType {
            result.removeAll { $0.type == type }
            if let id { result.append(Link(type: type, id: id)) }
        }
        var seen: Set<Link> = []
        return result.filter { seen.insert($0).inserted }
    }
}

/// Reads an edit's `data` in any seed product's dialect.
public struct TaskFieldReader {
    let workspace: Workspace
    let existing: Task?
    let ignoreUnknown: Bool

    /// `_id` fields that name people or the other products' own bookkeeping, not CRM records.
    static let notLinks: Set<String> = ["owner_id", "assigned_to_id", "assignee_user_id", "created_by_id",
                                         "creator_user_id", "completed_by_user_id", "account_id", "space_id",
                                         "table_id", "record_id", "api_key_id", "user_id"]

    public static let knownFields = """
        title, content_text, description, details, status, is_completed, completed_at, priority, type, task_type, \
        action_type, due, due_at, deadline, due_date, due_time, reminder, reminder_offset_mins, reminder_time, \
        assignees, owner_id, owner_ids, assigned_to_id, assigned_user_ids, assignee_user_id, assignee_email, \
        subscribers, links, linked_entities, <type>_id (contact_id, deal_id, …), metadata, created_by_id, id
        """ + Task.plainFields.filter(\.editable).map { ", " + $0.key }.joined()

    public init(workspace: Workspace, existing: Task?, ignoreUnknown: Bool) {
        self.workspace = workspace
        self.existing = existing
        self.ignoreUnknown = ignoreUnknown
    }

    public func read(_ data: [JSONMember], creating: Bool) throws(EditError) -> TaskChanges {
        var changes = TaskChanges()
        var fields: [String: JSONNode] = [:]
        for member in data {
            if fields[member.key] != nil { throw .validation("Field '\(member.key)' appears twice") }
            fields[member.key] = member.value
        }
        var consumed: Set<String> = []
        func take(_ key: String) -> JSONNode? {
            consumed.insert(key)
            return fields[key]
        }

        // Title: `content_text` is the only title Stardex has.
        if let node = take("title") ?? take("content_text") {
            if fields["title"] != nil && fields["content_text"] != nil {
                throw .validation("Give either 'title' or 'content_text', not both")
            }
            let key = fields["title"] != nil ? "title" : "content_text"
            guard let text = node.stringValue, !text.isBlank else {
                throw .invalid(key, node, "must be a non-empty string")
            }
            changes.title = text
        }
        _ = take("content_text")
        for key in ["description", "details"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.details = .some(nil); continue }
            guard let text = node.stringValue else { throw .invalid(key, node, "must be a string") }
            changes.details = .some(text.isEmpty ? nil : text)
        }

        try readStatus(take, &changes)
        // null puts a field back to its default (the healthcare API's integrations send it for "none").
        if let node = take("priority"), node.isNull { changes.priority = .normal } else if let node = take("priority") {
            guard let text = node.stringValue, let priority = Priority(rawValue: text == "medium" ? "normal" : text) else {
                throw .invalid("priority", node, "must be one of: \(Priority.allowedList)")
            }
            changes.priority = priority
        }
        for key in ["type", "task_type", "action_type"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.type = workspace.settings.types.contains("todo") ? "todo" : workspace.settings.types[0]; continue }
            guard let text = node.stringValue else { throw .invalid(key, node, "must be a string") }
            let type = (text == "text" || text == "general") ? "todo" : text
            guard workspace.settings.types.contains(type) else {
                throw .invalid(key, node, "must be one of: \(workspace.settings.types.joined(separator: ", "))")
            }
            changes.type = type
        }
        try readDue(take, fields: fields, &changes)
        try readReminder(take, &changes)
        try readAssignees(take, fields: fields, &changes)
        if let node = take("subscribers") { changes.subscribers = node.isNull ? [] : try people(node, field: "subscribers") }
        for field in Task.plainFields where field.editable {
            if let node = take(field.key) { changes.plain.append((field, try field.read(node, workspace: workspace))) }
        }
        try readLinks(take, fields: fields, &changes)
        if let node = take("metadata") {
            if node.isNull { changes.metadata = [] } else {
                guard let object = node.objectValue else { throw .invalid("metadata", node, "must be an object") }
                changes.metadata = object
            }
        }
        if let node = take("created_by_id") ?? take("created_by") {
            guard creating else { throw .validation("Field 'created_by_id' can only be given when the task is created") }
            guard let id = idText(node), workspace.peopleByID[id] != nil else {
                throw .invalid("created_by_id", node, "must name a member of the workspace")
            }
            changes.createdBy = id
        }
        _ = take("created_by")
        if let node = take("id") {
            guard creating else { throw .validation("Field 'id' cannot be changed") }
            guard let id = node.stringValue, Identifier.isValid(id, kind: .task) else {
                throw .invalid("id", node, "must be \(Identifier.expectedShape(.task))")
            }
            changes.id = id
        }
        if take("attachments") != nil {
            throw .validation("Attachments cannot be set through edits; link to the file from the details instead")
        }
        changes.ignored = data.map(\.key).filter { !consumed.contains($0) }
        if !ignoreUnknown, let unknown = data.first(where: { !consumed.contains($0.key) }) {
            throw .validation("Unknown field '\(unknown.key)'; known fields: \(Self.knownFields). Add \"ignore_unknown\": true to skip fields docket does not know")
        }
        return changes
    }

    // MARK: - Field groups

    private func readStatus(_ take: (String) -> JSONNode?, _ changes: inout TaskChanges) throws(EditError) {
        let status = take("status")
        let isCompleted = take("is_completed")
        if status != nil && isCompleted != nil { throw .validation("Give either 'status' or 'is_completed', not both") }
        if let status {
            let aliases = ["open": "pending", "done": "completed"]
            guard let text = status.stringValue, let value = TaskStatus(rawValue: aliases[text] ?? text) else {
                throw .invalid("status", status, "must be one of: \(TaskStatus.allowedList)")
            }
            changes.status = value
        }
        if let isCompleted {
            guard let flag = isCompleted.boolValue else { throw .invalid("is_completed", isCompleted, "must be true or false") }
            changes.status = flag ? .completed : .pending
        }
        if let node = take("completed_at") {
            guard let text = node.stringValue, let instant = Instant(rfc3339: text) else {
                throw .invalid("completed_at", node, "must be an RFC 3339 date-time")
            }
            changes.completedAt = instant
            if changes.status == nil { changes.status = .completed }
        }
    }

    private func readDue(_ take: (String) -> JSONNode?, fields: [String: JSONNode], _ changes: inout TaskChanges) throws(EditError) {
        for key in ["due", "due_at", "deadline"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.due = .some(nil); continue }
            guard let text = node.stringValue, let due = Due(text: text) else {
                throw .invalid(key, node, "must be an RFC 3339 date-time such as 2026-03-20T17:00:00Z or a date such as 2026-03-20")
            }
            changes.due = .some(due)
        }
        let dueDate = take("due_date")
        let dueTime = take("due_time")
        var time: LocalTime?
        if let dueTime, !dueTime.isNull {
            guard let text = dueTime.stringValue, let parsed = LocalTime(text: text) else {
                throw .invalid("due_time", dueTime, "must be HH:MM")
            }
            time = parsed
        }
        if let dueDate {
            if dueDate.isNull { changes.due = .some(nil); return }
            guard let text = dueDate.stringValue else { throw .invalid("due_date", dueDate, "must be a string") }
            if let time {
                guard let date = LocalDate(iso8601: text) else {
                    throw .invalid("due_date", dueDate, "must be a date (YYYY-MM-DD) when 'due_time' is given")
                }
                changes.due = .some(.at(workspace.settings.zone.instant(date: date, secondsIntoDay: time.secondsIntoDay)))
            } else if dueTime == nil, let date = LocalDate(iso8601: text), case .at(let current)? = existing?.due {
                // il keeps the date and the time apart: a new date alone keeps the task's time of day.
                let zone = workspace.settings.zone
                changes.due = .some(.at(zone.instant(date: date, secondsIntoDay: zone.localTime(of: current).secondsIntoDay)))
            } else {
                guard let due = Due(text: text) else {
                    throw .invalid("due_date", dueDate, "must be a date (YYYY-MM-DD) or an RFC 3339 date-time")
                }
                changes.due = .some(due)
            }
        } else if dueTime != nil {
            // A time alone moves the time on the current due day (il allows it on update).
            let zone = workspace.settings.zone
            guard let current = changes.due ?? existing?.due else {
                throw .validation("Field 'due_time' is only valid alongside 'due_date'")
            }
            let day: LocalDate = switch current {
            case .allDay(let date): date
            case .at(let instant): zone.localDate(of: instant)
            }
            if let time {
                changes.due = .some(.at(zone.instant(date: day, secondsIntoDay: time.secondsIntoDay)))
            } else {
                changes.due = .some(.allDay(day))  // due_time: null makes it all-day
            }
        }
    }

    private func readReminder(_ take: (String) -> JSONNode?, _ changes: inout TaskChanges) throws(EditError) {
        var offset: Int??
        var time: LocalTime??
        if let node = take("reminder") {
            if node.isNull {
                changes.reminder = .some(nil)
            } else {
                guard let object = node.objectValue else {
                    throw .validation("Field 'reminder' must be {\"offset_minutes\": N} or {\"time\": \"HH:MM\"}")
                }
                for member in object {
                    switch member.key {
                    case "offset_minutes":
                        guard let minutes = member.value.intValue, minutes >= 0 else {
                            throw .invalid("reminder.offset_minutes", member.value, "must be a whole number of minutes, 0 or more")
                        }
                        guard minutes <= Limits.offsetMinutes else {
                            throw .validation("Field 'reminder.offset_minutes' is \(minutes); the most is \(Limits.offsetMinutes) (ten years of minutes)")
                        }
                        offset = .some(minutes)
                    case "time":
                        guard let text = member.value.stringValue, let parsed = LocalTime(text: text) else {
                            throw .invalid("reminder.time", member.value, "must be HH:MM")
                        }
                        time = .some(parsed)
                    default:
                        throw .validation("Unknown field 'reminder.\(member.key)'; a reminder has offset_minutes or time")
                    }
                }
                if offset == nil && time == nil { throw .validation("Field 'reminder' needs 'offset_minutes' or 'time'") }
            }
        }
        if let node = take("reminder_offset_mins") {
            if node.isNull { offset = .some(nil) } else {
                guard let minutes = node.intValue, minutes >= 0 else {
                    throw .invalid("reminder_offset_mins", node, "must be a whole number of minutes, 0 or more")
                }
                guard minutes <= Limits.offsetMinutes else {
                    throw .validation("Field 'reminder_offset_mins' is \(minutes); the most is \(Limits.offsetMinutes) (ten years of minutes)")
                }
                offset = .some(minutes)
            }
        }
        if let node = take("reminder_time") {
            if node.isNull { time = .some(nil) } else {
                guard let text = node.stringValue, let parsed = LocalTime(text: text) else {
                    throw .invalid("reminder_time", node, "must be HH:MM")
                }
                time = .some(parsed)
            }
        }
        if case .some(.some) = offset, case .some(.some) = time {
            throw .validation("A reminder is either an offset (reminder_offset_mins) or a time of day (reminder_time), not both")
        }
        if case .some(.some(let minutes)) = offset { changes.reminder = .some(.offsetMinutes(minutes)) }
        else if case .some(.some(let value)) = time { changes.reminder = .some(.time(value)) }
        else if offset != nil || time != nil { changes.reminder = .some(nil) }
    }

    private func readAssignees(_ take: (String) -> JSONNode?, fields: [String: JSONNode], _ changes: inout TaskChanges) throws(EditError) {
        // Ids take precedence over an email (as il does).
        for key in ["assignees", "owner_ids", "assigned_user_ids"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.assignees = []; continue }
            changes.assignees = try people(node, field: key)
        }
        for key in ["owner_id", "assigned_to_id", "assignee_user_id"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.assignees = []; continue }
            guard let id = idText(node) else { throw .invalid(key, node, "must be a person id") }
            guard workspace.peopleByID[id] != nil else {
                throw .validation("Field '\(key)' names '\(id)', who is not a member of the workspace")
            }
            changes.assignees = [id]
        }
        if let node = take("assignee_email"), !node.isNull {
            guard let email = node.stringValue else { throw .invalid("assignee_email", node, "must be a string") }
            let hasIDField = ["assignees", "owner_ids", "assigned_user_ids", "owner_id", "assigned_to_id", "assignee_user_id"]
                .contains { fields[$0] != nil }
            guard let person = workspace.people.first(where: { $0.email?.lowercased() == email.lowercased() }) else {
                throw .validation("Field 'assignee_email' must be the email of a current member; '\(email)' is not")
            }
            if !hasIDField { changes.assignees = [person.id] }
        }
    }

    private func readLinks(_ take: (String) -> JSONNode?, fields: [String: JSONNode], _ changes: inout TaskChanges) throws(EditError) {
        for key in ["links", "linked_entities"] {
            guard let node = take(key) else { continue }
            if node.isNull { changes.links = []; continue }
            guard let list = node.arrayValue else { throw .invalid(key, node, "must be an array of {\"id\", \"type\"} objects") }
            var links: [Link] = changes.links ?? []
            for element in list {
                guard let id = element["id"].flatMap(idText), let type = element["type"]?.stringValue,
                      element.objectValue?.count == 2 else {
                    throw .validation("Field '\(key)' must hold {\"id\", \"type\"} objects")
                }
                links.append(try link(type: Link.singular(type), id: id, field: key))
            }
            changes.links = links
        }
        for key in fields.keys.sorted() where key.hasSuffix("_id") && !Self.notLinks.contains(key) {
            let node = take(key)!
            let type = String(key.dropLast(3))
            if node.isNull { changes.linksByType.append((type, nil)); continue }
            guard let id = idText(node) else { throw .invalid(key, node, "must be a record id") }
            let made = try link(type: type, id: id, field: key)
            changes.linksByType.append((made.type, made.id))
        }
    }

    // MARK: - Values

    private func link(type: String, id: String, field: String) throws(EditError) -> Link {
        guard Identifier.isValidName(type) else { throw .validation("Field '\(field)' has an invalid record type '\(type)'") }
        guard Identifier.isValidName(id) else {
            throw .validation("Field '\(field)' must be a record id (\(Identifier.nameRule)); '\(id)' is not")
        }
        return Link(type: type, id: id)
    }

    private func people(_ node: JSONNode, field: String) throws(EditError) -> [String] {
        guard let list = node.arrayValue else { throw .invalid(field, node, "must be an array of person ids") }
        var ids: [String] = []
        for element in list {
            guard let id = idText(element) else { throw .invalid(field, element, "must hold person ids") }
            guard workspace.peopleByID[id] != nil else {
                throw .validation("Field '\(field)' names '\(id)', who is not a member of the workspace")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Ids are strings; il sends integers, which are read as their digits.
    private func idText(_ node: JSONNode) -> String? {
        if let text = node.stringValue { return text }
        if case .number(let digits) = node.value, Int(digits) != nil { return digits }
        return nil
    }

}
