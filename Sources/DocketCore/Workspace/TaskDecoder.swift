/// Turns the JSON of `tasks/<id>.json` into a `Task`, reporting every problem.
public enum TaskDecoder {
    /// Every key a task file may hold: these and the plain fields (`Task.plainFields`).
    public static let fields = (["assignees", "created_at", "created_by", "due", "id", "links", "metadata", "priority",
                                 "reminder", "status", "subscribers", "title", "type", "updated_at", "version"]
                                + Task.plainFields.map(\.key)).sorted()

    /// Decodes one task file. `expectedID` is the file name without `.json`.
    public static func decode(_ root: JSONNode, expectedID: String, references: References,
                              sink: inout DiagnosticSink) -> Task? {
        guard var reader = ObjectReader(root, what: "a task", sink: &sink) else { return nil }
        let before = sink.diagnostics.count

        let id = reader.string("id", required: true, sink: &sink)
        if let id, let member = reader.member("id") {
            if !Identifier.isValid(id, kind: .task) {
                sink.error("field 'id' must be \(Identifier.expectedShape(.task)), found '\(id)'", at: member.value.offset)
            } else if id != expectedID {
                sink.error("field 'id' is '\(id)' but the file is named '\(expectedID).json'", at: member.value.offset)
            }
        }
        let title = reader.string("title", required: true, sink: &sink, nonEmpty: true)
        let status = reader.enumeration("status", TaskStatus.self, required: true, sink: &sink)
        let priority = reader.enumeration("priority", Priority.self, required: true, sink: &sink)
        let type = reader.string("type", required: true, sink: &sink)
        if let type, !references.settings.types.contains(type), let member = reader.member("type") {
            sink.error("field 'type' is '\(Quoted.text(type))'; must be one of the workspace types: \(references.settings.types.joined(separator: ", "))",
                       at: member.value.offset)
        }
        let due = decodeDue(&reader, sink: &sink)
        let reminder = decodeReminder(&reader, due: due, sink: &sink)
        let assignees = reader.strings("assignees", required: false, sink: &sink) {
            references.unknownPerson($0, field: "assignees")
        } ?? []
        let subscribers = reader.strings("subscribers", required: false, sink: &sink) {
            references.unknownPerson($0, field: "subscribers")
        } ?? []
        let links = decodeLinks(&reader, references: references, sink: &sink)
        var metadata: [JSONMember] = []
        if let member = reader.member("metadata") {
            if let object = member.value.objectValue {
                metadata = object
            } else {
                sink.error("field 'metadata' must be an object, found \(member.value.value.kindName)", at: member.value.offset)
            }
        }
        let createdAt = reader.instant("created_at", required: true, sink: &sink)
        let createdBy = reader.string("created_by", required: true, sink: &sink)
        if let createdBy, let problem = references.unknownPerson(createdBy, field: "created_by"), let member = reader.member("created_by") {
            sink.error(problem, at: member.value.offset)
        }
        let updatedAt = reader.instant("updated_at", required: true, sink: &sink)
        let plain = Task.plainFields.map { $0.decode(&reader, references: references, sink: &sink) }
        if let status {
            if status == .completed {
                if !reader.has("completed_at") { sink.error("a completed task needs 'completed_at'", at: root.offset) }
                if !reader.has("completed_by") { sink.error("a completed task needs 'completed_by'", at: root.offset) }
            } else {
                for key in ["completed_at", "completed_by"] where reader.has(key) {
                    sink.error("field '\(key)' is only allowed when status is 'completed'", at: reader.member(key)!.keyOffset)
                }
            }
        }
        let version = reader.int("version", required: true, sink: &sink, minimum: 1, maximum: Limits.integer)
        reader.reportUnknown(sink: &sink, allowed: fields.joined(separator: ", "))

        guard sink.diagnostics[before...].allSatisfy({ $0.severity == .warning }),
              let id, let title, let status, let priority, let type, let createdAt, let createdBy, let updatedAt, let version
        else { return nil }
        var task = Task(id: id, title: title, createdAt: createdAt, createdBy: createdBy)
        task.status = status
        task.priority = priority
        task.type = type
        task.due = due
        task.reminder = reminder
        task.assignees = assignees
        task.subscribers = subscribers
        task.links = links
        task.metadata = metadata
        task.updatedAt = updatedAt
        task.version = version
        for (field, value) in zip(Task.plainFields, plain) { field.set(&task, value) }
        return task
    }

    static func decodeDue(_ reader: inout ObjectReader, sink: inout DiagnosticSink) -> Due? {
        guard let text = reader.string("due", required: false, sink: &sink) else { return nil }
        guard let due = Due(text: text) else {
            sink.error("field 'due' must be an RFC 3339 date-time such as 2026-03-20T17:00:00Z or a date such as 2026-03-20",
                       at: reader.member("due")?.value.offset)
            return nil
        }
        return due
    }

    static func decodeReminder(_ reader: inout ObjectReader, due: Due?, sink: inout DiagnosticSink) -> Reminder? {
        guard let member = reader.member("reminder") else { return nil }
        guard var object = ObjectReader(member.value, what: "field 'reminder'", sink: &sink) else { return nil }
        let offset = object.int("offset_minutes", required: false, sink: &sink, minimum: 0, maximum: Limits.offsetMinutes)
        let time = object.string("time", required: false, sink: &sink)
        object.reportUnknown(sink: &sink, allowed: "offset_minutes, time")
        if object.has("offset_minutes") && object.has("time") {
            sink.error("reminder 'offset_minutes' and 'time' are mutually exclusive; give one", at: member.value.offset)
            return nil
        }
        if let offset {
            guard case .at? = due else {
                sink.error("a reminder 'offset_minutes' needs a due date with a time", at: member.value.offset)
                return nil
            }
            return .offsetMinutes(offset)
        }
        if let time {
            guard let parsed = LocalTime(text: time) else {
                sink.error("reminder 'time' must be HH:MM, found '\(time)'", at: object.member("time")?.value.offset)
                return nil
            }
            guard case .allDay? = due else {
                sink.error("a reminder 'time' needs an all-day due date (YYYY-MM-DD)", at: member.value.offset)
                return nil
            }
            return .time(parsed)
        }
        if !object.has("offset_minutes") && !object.has("time") {
            sink.error("field 'reminder' needs 'offset_minutes' or 'time'", at: member.value.offset)
        }
        return nil
    }

    static func decodeLinks(_ reader: inout ObjectReader, references: References, sink: inout DiagnosticSink) -> [Link] {
        guard let member = reader.member("links") else { return [] }
        guard let elements = member.value.arrayValue else {
            sink.error("field 'links' must be an array of {\"type\", \"id\"} objects, found \(member.value.value.kindName)",
                       at: member.value.offset)
            return []
        }
        var links: [Link] = []
        var seen: Set<Link> = []
        for element in elements {
            guard var object = ObjectReader(element, what: "a link {\"type\", \"id\"}", sink: &sink) else { continue }
            let type = object.string("type", required: true, sink: &sink)
            let id = object.string("id", required: true, sink: &sink)
            object.reportUnknown(sink: &sink, allowed: "id, type")
            guard let type, let id else { continue }
            guard Identifier.isValidName(type) else {
                sink.error("link type '\(type)' is not a valid record type (\(Identifier.nameRule))", at: object.member("type")?.value.offset)
                continue
            }
            guard Identifier.isValidName(id) else {
                sink.error("link id '\(id)' is not a valid record id (\(Identifier.nameRule))", at: object.member("id")?.value.offset)
                continue
            }
            let link = Link(type: type, id: id)
            guard seen.insert(link).inserted else {
                sink.error("field 'links' lists \(type) '\(id)' twice", at: element.offset)
                continue
            }
            if !references.recordKeys.contains(link.key) {
                sink.warning("link to \(type) '\(id)', which is not in records/\(type)/", at: element.offset)
            }
            links.append(link)
        }
        return links
    }
}
