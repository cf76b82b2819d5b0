import Foundation

/// `docket import`: a JSON export from any of the five seed products becomes
/// one queued `task.create` per task, its original id kept in `metadata`.
public enum Importer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Response-only fields of the seeds: never part of a create request.
    static let responseOnly: Set<String> = [
        "id", "task_id", "created_at", "updated_at", "owners", "version", "account_id", "space_id", "table_id",
        "record_id", "creator_user_id", "completed_by_user_id", "completed_by", "reminder_at", "reminder_sent_at",
        "comment_count", "subscribers", "subscribed", "table_name", "record_title", "recent_comments",
        "external_message_ids", "api_key_id", "relationships",
    ]
    static let personFields: Set<String> = ["owner_id", "owner_ids", "assigned_to_id", "assigned_user_ids",
                                            "assignee_user_id", "assignees", "created_by_id"]

    /// The task objects of an export: `{"data": [...]}`, `{"data": {...}}`, or a bare array.
    public static func tasks(in root: JSONNode, file: String) throws(Failure) -> [[JSONMember]] {
        let list: [JSONNode]
        if let array = root.arrayValue {
            list = array
        } else if let data = root["data"] {
            list = data.arrayValue ?? [data]
        } else if root.objectValue != nil, root["title"] != nil || root["content_text"] != nil {
            list = [root]
        } else {
            throw Failure(description: "\(file): error: expected a list of tasks: an array, or an object with \"data\"")
        }
        var tasks: [[JSONMember]] = []
        for (index, node) in list.enumerated() {
            guard let object = node.objectValue else {
                throw Failure(description: "\(file): error: task \(index + 1) is \(node.value.kindName), expected an object")
            }
            tasks.append(object)
        }
        return tasks
    }

    /// Turns one exported task into the `data` of a `task.create`.
    public static func createData(_ task: [JSONMember], people: [String: Person], source: String) -> [JSONMember] {
        var data: [JSONMember] = []
        var metadata: [JSONMember] = task.first(where: { $0.key == "metadata" })?.value.objectValue ?? []
        func meta(_ key: String, _ value: JSONValue) { metadata.append(JSONMember(key: key, value: JSONNode(value))) }
        var owners: [JSONNode] = []
        var unknownPeople: [JSONNode] = []
        for member in task {
            let key = member.key
            if key == "metadata" { continue }
            if key == "id" || key == "task_id" { meta("import_id", member.value.value); continue }
            if key == "owners", let list = member.value.arrayValue {
                owners += list.compactMap { $0["id"] }
                continue
            }
            if responseOnly.contains(key) || member.value.isNull { continue }
            if personFields.contains(key) {
                let ids = member.value.arrayValue ?? [member.value]
                let known = ids.filter { people[$0.stringValue ?? ""] != nil }
                unknownPeople += ids.filter { people[$0.stringValue ?? ""] == nil }
                if known.isEmpty { continue }
                data.append(JSONMember(key: key, value: member.value.arrayValue != nil ? JSONNode(.array(known)) : known[0]))
                continue
            }
            data.append(member)
        }
        let knownOwners = owners.filter { people[$0.stringValue ?? ""] != nil }
        unknownPeople += owners.filter { people[$0.stringValue ?? ""] == nil }
        if !knownOwners.isEmpty && !data.contains(where: { personFields.contains($0.key) && $0.key != "created_by_id" }) {
            data.append(JSONMember(key: "owner_ids", value: JSONNode(.array(knownOwners))))
        }
        if !unknownPeople.isEmpty { meta("import_people", .array(unknownPeople)) }
        meta("import_source", .string(source))
        data.append(JSONMember(key: "metadata", value: JSONNode(.object(metadata))))
        return data
    }

    /// One edit per task, ids derived from the file's bytes: importing the
    /// same file at the same instant twice gives the same edits.
    public static func edits(from bytes: [UInt8], file: String, actor: String, now: Instant,
                             people: [String: Person]) throws(Failure) -> [Edit] {
        let root: JSONNode
        do throws(JSONSyntaxError) { root = try JSONParser.parse(bytes) } catch {
            let position = SourceText(bytes: bytes).position(of: error.offset)
            throw Failure(description: "\(file):\(position.line):\(position.column): error: invalid JSON: \(error.message)")
        }
        let source = (file as NSString).lastPathComponent
        let digest = StableHash.fnv1a64(String(decoding: bytes, as: UTF8.self))
        return try tasks(in: root, file: file).enumerated().map { index, task in
            let at = Instant(milliseconds: now.milliseconds + Int64(index))
            let entropy = (digest &+ UInt64(index), StableHash.fnv1a64("\(digest)|\(index)"))
            let id = "edit_" + ULID.make(milliseconds: UInt64(max(0, at.milliseconds)), entropy: entropy)
            return Edit(id: id, op: .taskCreate, actor: actor, at: at,
                        data: createData(task, people: people, source: source), ignoreUnknown: true)
        }
    }
}
