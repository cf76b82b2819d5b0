/// The value of one of a task's plain fields (see `TaskField`).
public enum TaskFieldValue: Sendable, Equatable {
    case text(String)
    case texts([String])
    case instant(Instant)
    case number(Int)
}

/// One of a task's plain optional fields — a text, a list of texts, a time
/// or a number — declared once, in `Task.plainFields`. Reading and checking
/// the file, the canonical JSON, the input cache, the size limits and
/// `task.update` all go through that table, so a new field of these kinds is
/// a stored property, one line of the table, and the page that shows it.
public struct TaskField: Sendable {
    public enum Kind: Sendable {
        case text
        /// Each entry non-empty, at most `itemCharacters` long; no entry twice.
        case texts(itemCharacters: Int)
        case instant
        case number(ClosedRange<Int>)
    }

    public let key: String
    public let kind: Kind
    /// The values are people's ids, checked against people.json.
    public let namesPeople: Bool
    /// `task.update` sets it from the edit's value of the same name; false
    /// where docket sets it itself (`completed_*` follow the status).
    public let editable: Bool
    /// nil when the field is unset (an empty list is unset). Read by a
    /// closure, not the key path: reading through a key path copies the
    /// whole task, on every field of every task each time one is written.
    public let get: @Sendable (Task) -> TaskFieldValue?
    let set: @Sendable (inout Task, TaskFieldValue?) -> Void

    public static func text(_ key: String, _ path: WritableKeyPath<Task, String?> & Sendable, _ read: @escaping @Sendable (Task) -> String?,
                            namesPeople: Bool = false, editable: Bool = true) -> TaskField {
        TaskField(key: key, kind: .text, namesPeople: namesPeople, editable: editable,
                  get: { read($0).map(TaskFieldValue.text) },
                  set: { task, value in task[keyPath: path] = if case .text(let text)? = value { text } else { nil } })
    }

    public static func texts(_ key: String, _ path: WritableKeyPath<Task, [String]> & Sendable, _ read: @escaping @Sendable (Task) -> [String],
                             itemCharacters: Int, namesPeople: Bool = false, editable: Bool = true) -> TaskField {
        TaskField(key: key, kind: .texts(itemCharacters: itemCharacters), namesPeople: namesPeople, editable: editable,
                  get: { let list = read($0); return list.isEmpty ? nil : .texts(list) },
                  set: { task, value in task[keyPath: path] = if case .texts(let list)? = value { list } else { [] } })
    }

    public static func instant(_ key: String, _ path: WritableKeyPath<Task, Instant?> & Sendable, _ read: @escaping @Sendable (Task) -> Instant?,
                               editable: Bool = true) -> TaskField {
        TaskField(key: key, kind: .instant, namesPeople: false, editable: editable,
                  get: { read($0).map(TaskFieldValue.instant) },
                  set: { task, value in task[keyPath: path] = if case .instant(let instant)? = value { instant } else { nil } })
    }

    public static func number(_ key: String, _ path: WritableKeyPath<Task, Int?> & Sendable, _ read: @escaping @Sendable (Task) -> Int?,
                              range: ClosedRange<Int>, editable: Bool = true) -> TaskField {
        TaskField(key: key, kind: .number(range), namesPeople: false, editable: editable,
                  get: { read($0).map(TaskFieldValue.number) },
                  set: { task, value in task[keyPath: path] = if case .number(let number)? = value { number } else { nil } })
    }

    /// The plain field named `key`, if there is one.
    public static func named(_ key: String) -> TaskField? { Task.plainFields.first { $0.key == key } }

    // MARK: - The file

    /// Reads the field from a task file; every problem goes to `sink`.
    func decode(_ reader: inout ObjectReader, references: References, sink: inout DiagnosticSink) -> TaskFieldValue? {
        switch kind {
        case .text:
            guard let text = reader.string(key, required: false, sink: &sink) else { return nil }
            if namesPeople, let problem = references.unknownPerson(text, field: key) {
                sink.error(problem, at: reader.member(key)?.value.offset)
            }
            return .text(text)
        case .texts:
            let list = reader.strings(key, required: false, sink: &sink) { [key, namesPeople] text in
                text.isEmpty ? "field '\(key)' must not hold an empty string"
                    : namesPeople ? references.unknownPerson(text, field: key) : nil
            }
            return list.flatMap { $0.isEmpty ? nil : .texts($0) }
        case .instant:
            return reader.instant(key, required: false, sink: &sink).map(TaskFieldValue.instant)
        case .number(let range):
            return reader.int(key, required: false, sink: &sink, minimum: range.lowerBound, maximum: range.upperBound)
                .map(TaskFieldValue.number)
        }
    }

    /// The field as canonical JSON.
    static func json(_ value: TaskFieldValue) -> JSONValue {
        switch value {
        case .text(let text): .string(text)
        case .texts(let list): .strings(list)
        case .instant(let instant): .string(instant.rfc3339)
        case .number(let number): .int(number)
        }
    }

    /// What is over a limit, as a message.
    func problem(_ value: TaskFieldValue) -> String? {
        switch (kind, value) {
        case (.text, .text(let text)) where text.count > Limits.titleCharacters:
            "Field '\(key)' has \(text.count) characters; the most is \(Limits.titleCharacters)"
        case (.texts, .texts(let list)) where list.count > Limits.listItems:
            "Field '\(key)' has \(list.count) entries; the most is \(Limits.listItems)"
        case (.texts(let most), .texts(let list)):
            list.first { $0.count > most }.map { "An entry of '\(key)' has \($0.count) characters ('\($0.prefix(40))…'); the most is \(most)" }
        default: nil
        }
    }

    // MARK: - Edits

    /// The value an edit's `data` gives; null unsets the field.
    func read(_ node: JSONNode, workspace: Workspace) throws(EditError) -> TaskFieldValue? {
        if node.isNull { return nil }
        switch kind {
        case .text:
            guard let text = node.stringValue else { throw .invalid(key, node, "must be a string") }
            if namesPeople && workspace.peopleByID[text] == nil { throw .invalid(key, node, "must name a member of the workspace") }
            return .text(text)
        case .texts:
            guard let list = node.arrayValue?.compactMap(\.stringValue), list.count == node.arrayValue?.count,
                  list.allSatisfy({ !$0.isEmpty }) else {
                throw .invalid(key, node, "must be an array of non-empty strings")
            }
            if namesPeople, list.contains(where: { workspace.peopleByID[$0] == nil }) {
                throw .invalid(key, node, "must name members of the workspace")
            }
            var seen: Set<String> = []
            let unique = list.filter { seen.insert($0).inserted }
            return unique.isEmpty ? nil : .texts(unique)
        case .instant:
            guard let text = node.stringValue, let instant = Instant(rfc3339: text) else {
                throw .invalid(key, node, "must be an RFC 3339 date-time such as 2026-03-20T17:00:00Z")
            }
            return .instant(instant)
        case .number(let range):
            guard let number = node.intValue, range.contains(number) else {
                throw .invalid(key, node, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .number(number)
        }
    }
}
