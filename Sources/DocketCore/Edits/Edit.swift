/// One queued change (docs/edits.md): who does what to which task, and when.
public struct Edit: Sendable {
    public enum Op: String, Sendable, CaseIterable {
        case taskCreate = "task.create"
        case taskUpdate = "task.update"
        case taskComplete = "task.complete"
        case taskDelete = "task.delete"
        case taskSubscribe = "task.subscribe"
        case taskUnsubscribe = "task.unsubscribe"
        case commentCreate = "comment.create"
        case commentUpdate = "comment.update"
        case commentDelete = "comment.delete"
    }

    public var id: String
    public var op: Op
    public var actor: String
    public var at: Instant
    public var task: String?
    public var ifVersion: Int?
    public var data: [JSONMember]
    public var ignoreUnknown: Bool
    /// The file it came from, relative to the workspace (`queue/x.json`).
    public var file: String
    /// The edit's members as written, with `id` and `at` filled in when
    /// defaulted: what the journal and rejected entries record.
    public var members: [JSONMember]

    public init(id: String, op: Op, actor: String, at: Instant, task: String? = nil, ifVersion: Int? = nil,
                data: [JSONMember] = [], ignoreUnknown: Bool = false, file: String = "", members: [JSONMember] = []) {
        self.id = id
        self.op = op
        self.actor = actor
        self.at = at
        self.task = task
        self.ifVersion = ifVersion
        self.data = data
        self.ignoreUnknown = ignoreUnknown
        self.file = file
        self.members = members
    }

    /// The ULID part of the edit id: created ids reuse it (`task_<ULID>`).
    public var ulid: String { String(id.dropFirst("edit_".count)) }

    /// The edit as an object, for journal entries and for writing to the queue.
    public var json: JSONValue {
        if !members.isEmpty { return .object(members) }
        var list: [JSONMember] = []
        func put(_ key: String, _ value: JSONValue) { list.append(JSONMember(key: key, value: JSONNode(value))) }
        put("id", .string(id))
        put("op", .string(op.rawValue))
        put("actor", .string(actor))
        put("at", .string(at.rfc3339))
        if let task { put("task", .string(task)) }
        if let ifVersion { put("if_version", .int(ifVersion)) }
        if ignoreUnknown { put("ignore_unknown", .bool(true)) }
        put("data", .object(data))
        return .object(list)
    }
}

/// Why an edit was rejected: one of the edit error codes (docs/edits.md) and a message in the
/// task APIs' style ("Field 'priority' must be one of: low, normal, high, urgent").
public struct EditError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case validation = "VALIDATION_ERROR"
        case notFound = "RECORD_NOT_FOUND"
        case notAuthorized = "NOT_AUTHORIZED"
        case readOnly = "READ_ONLY"
        case versionConflict = "VERSION_CONFLICT"
        case invalidJSON = "INVALID_JSON"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func validation(_ message: String) -> EditError { EditError(.validation, message) }

    public var description: String { "\(code.rawValue): \(message)" }

    public var json: JSONValue { .object(["code": .string(code.rawValue), "message": .string(message)]) }
}

/// What applying an edit did (docs/edits.md, outcome).
public struct Outcome: Sendable, Equatable {
    public enum Action: String, Sendable {
        case created, updated, completed, reopened, deleted, subscribed, unsubscribed, commented, unchanged
    }

    public var action: Action
    public var task: String
    public var version: Int
    /// For comment edits: the comment created, changed or deleted.
    public var comment: String?
    /// Fields skipped because docket does not know them (an integration's, or with `ignore_unknown`).
    public var ignored: [String] = []

    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "ok", value: JSONNode(.bool(true))),
            JSONMember(key: "action", value: JSONNode(.string(action.rawValue))),
            JSONMember(key: "task", value: JSONNode(.string(task))),
            JSONMember(key: "version", value: JSONNode(.int(version))),
        ]
        if let comment { members.append(JSONMember(key: "comment", value: JSONNode(.string(comment)))) }
        if !ignored.isEmpty { members.append(JSONMember(key: "ignored", value: JSONNode(.strings(ignored)))) }
        return .object(members)
    }
}

/// A notification file (`notifications/<person>/<id>.json`).
public struct Notification: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case taskAssigned = "task_assigned"
        case taskCompleted = "task_completed"
        case taskMention = "task_mention"
        case taskCommented = "task_commented"
    }

    public var id: String
    public var person: String
    public var kind: Kind
    public var task: String
    public var actor: String
    public var at: Instant
    public var comment: String?

    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: JSONNode(.string(id))),
            JSONMember(key: "person", value: JSONNode(.string(person))),
            JSONMember(key: "kind", value: JSONNode(.string(kind.rawValue))),
            JSONMember(key: "task", value: JSONNode(.string(task))),
            JSONMember(key: "actor", value: JSONNode(.string(actor))),
            JSONMember(key: "at", value: JSONNode(.string(at.rfc3339))),
        ]
        if let comment { members.append(JSONMember(key: "comment", value: JSONNode(.string(comment)))) }
        return .object(members)
    }

    public var path: String { "notifications/\(person)/\(id).json" }
}
