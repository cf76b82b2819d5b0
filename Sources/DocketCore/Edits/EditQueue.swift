/// The files waiting in `queue/`, read and put in the order they apply:
/// by `at`, then `id` — never by file name.
public struct EditQueue: Sendable {
    /// One queue file: an edit ready to apply, or one already known to be bad.
    public enum Item: Sendable {
        case edit(Edit)
        /// Valid JSON whose envelope is wrong: rejected with the object as given.
        case malformed(file: String, id: String, members: [JSONMember], error: EditError)
        /// Not JSON at all: rejected with its raw bytes.
        case invalidJSON(file: String, id: String, raw: [UInt8], error: EditError)

        public var file: String {
            switch self {
            case .edit(let edit): edit.file
            case .malformed(let file, _, _, _), .invalidJSON(let file, _, _, _): file
            }
        }

        /// The id its journal or rejected file is named after: always safe as a path.
        public var pathID: String {
            switch self {
            case .edit(let edit): edit.id
            case .malformed(_, let id, _, _), .invalidJSON(_, let id, _, _): id
            }
        }
    }

    public var items: [Item]
    /// Entries of `queue/` that are not edits (not a regular `*.json` file):
    /// left where they are, and reported. A writer's temporary file is one.
    public var skipped: [Diagnostic] = []

    public static let envelopeFields = "actor, at, data, id, if_version, ignore_unknown, op, task"

    /// Reads every file in `queue/`; `now` is the `at` of edits that give none.
    public static func load(workspace root: String, now: Instant) -> EditQueue {
        var names: [String] = []
        var skipped: [Diagnostic] = []
        for name in FileSystem.list(root + "/queue") {
            let kind = FileSystem.kind(root + "/queue/" + name)
            if name.hasSuffix(".json") && kind == .file {
                names.append(name)
            } else {
                let what = kind.map { $0 == .file ? "does not end in .json" : "is \($0), not a file" } ?? "cannot be read"
                skipped.append(Diagnostic(.warning, path: "queue/" + name, message: "not an edit: it \(what); it stays in queue/ and is not applied"))
            }
        }
        let items = parallelMap(names, width: Parallel.ioWidth) { name in read(root: root, file: "queue/" + name, now: now) }
        return EditQueue(items: sorted(items), skipped: skipped)
    }

    /// Invalid files first (their order does not matter), then edits by (at, id).
    public static func sorted(_ items: [Item]) -> [Item] {
        items.sorted { a, b in
            switch (a, b) {
            case (.edit(let x), .edit(let y)):
                return x.at != y.at ? x.at < y.at : x.id.precedesInByteOrder(y.id)
            case (.edit, _): return false
            case (_, .edit): return true
            default: return a.file.precedesInByteOrder(b.file)
            }
        }
    }

    /// The id an edit without a valid one gets: derived from its file name.
    public static func derivedID(file: String) -> String { "edit_" + ULID.derived(from: file) }

    static func read(root: String, file: String, now: Instant) -> Item {
        let fallbackID = derivedID(file: file)
        let bytes: [UInt8]
        do throws(FileError) { bytes = try FileSystem.readBytes(root + "/" + file) } catch {
            return .invalidJSON(file: file, id: fallbackID, raw: [], error: EditError(.invalidJSON, error.reason))
        }
        let node: JSONNode
        do throws(JSONSyntaxError) { node = try JSONParser.parse(bytes) } catch {
            let position = SourceText(bytes: bytes).position(of: error.offset)
            return .invalidJSON(file: file, id: fallbackID, raw: bytes,
                                error: EditError(.invalidJSON, "\(file):\(position.line):\(position.column): \(error.message)"))
        }
        return decode(node, file: file, now: now)
    }

    /// Checks an edit's envelope (everything but `data`).
    public static func decode(_ node: JSONNode, file: String, now: Instant) -> Item {
        let fallbackID = derivedID(file: file)
        guard let members = node.objectValue else {
            return .malformed(file: file, id: fallbackID, members: [JSONMember(key: "value", value: node)],
                              error: .validation("An edit must be a JSON object, found \(node.value.kindName)"))
        }
        func fail(_ message: String, id: String = fallbackID) -> Item {
            .malformed(file: file, id: id, members: members, error: .validation(message))
        }
        var byKey: [String: JSONNode] = [:]
        for member in members {
            if byKey[member.key] != nil { return fail("Field '\(member.key)' appears twice") }
            byKey[member.key] = member.value
        }
        var id = fallbackID
        if let given = byKey["id"] {
            guard let text = given.stringValue, Identifier.isValid(text, kind: .edit) else {
                return fail("Field 'id' must be \(Identifier.expectedShape(.edit))")
            }
            id = text
        }
        guard let opText = byKey["op"]?.stringValue else { return fail("Field 'op' is required", id: id) }
        guard let op = Edit.Op(rawValue: opText) else {
            return fail("Field 'op' is '\(Quoted.text(opText))'; must be one of: \(Edit.Op.allowedList)", id: id)
        }
        guard let actor = byKey["actor"]?.stringValue, !actor.isEmpty else {
            return fail("Field 'actor' is required: the id of the person making the edit", id: id)
        }
        var at = now
        if let given = byKey["at"] {
            guard let text = given.stringValue, let instant = Instant(rfc3339: text) else {
                return fail("Field 'at' must be an RFC 3339 date-time such as 2026-03-18T10:00:00Z", id: id)
            }
            at = instant
        }
        var task: String?
        if let given = byKey["task"] {
            guard let text = given.stringValue, Identifier.isValid(text, kind: .task) else {
                return fail("Field 'task' must be a task id: \(Identifier.expectedShape(.task))", id: id)
            }
            task = text
        } else if op != .taskCreate {
            return fail("Field 'task' is required for \(op.rawValue)", id: id)
        }
        var ifVersion: Int?
        if let given = byKey["if_version"] {
            guard let version = given.intValue, version >= 1 else { return fail("Field 'if_version' must be a positive integer", id: id) }
            ifVersion = version
        }
        var ignoreUnknown = false
        if let given = byKey["ignore_unknown"] {
            guard let flag = given.boolValue else { return fail("Field 'ignore_unknown' must be true or false", id: id) }
            ignoreUnknown = flag
        }
        var data: [JSONMember] = []
        if let given = byKey["data"], !given.isNull {
            guard let object = given.objectValue else { return fail("Field 'data' must be an object", id: id) }
            data = object
        }
        let known: Set<String> = ["actor", "at", "data", "id", "if_version", "ignore_unknown", "op", "task"]
        if !ignoreUnknown, let unknown = members.first(where: { !known.contains($0.key) }) {
            return fail("Unknown field '\(unknown.key)'; an edit has: \(envelopeFields)", id: id)
        }
        var resolved = members
        if byKey["id"] == nil { resolved.append(JSONMember(key: "id", value: JSONNode(.string(id)))) }
        if byKey["at"] == nil { resolved.append(JSONMember(key: "at", value: JSONNode(.string(at.rfc3339)))) }
        return .edit(Edit(id: id, op: op, actor: actor, at: at, task: task, ifVersion: ifVersion, data: data,
                          ignoreUnknown: ignoreUnknown, file: file, members: resolved))
    }
}
