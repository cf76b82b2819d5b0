/// What happened in a workspace, for pages and feeds: the journal (each
/// task's history), the rejected edits, and every person's notifications.
/// Read once per render, in parallel; a damaged file is skipped and named.
public struct Activity: Sendable {
    /// One applied edit, as a line of a task's history.
    public struct Entry: Sendable, Equatable {
        public var editID: String
        public var op: String
        public var actor: String
        public var at: Instant
        public var action: String
        public var task: String
        public var version: Int
        public var comment: String?
        /// The data fields the edit gave, in their order.
        public var fields: [String]
    }

    /// One refused edit, for `rejected.html`.
    public struct Rejection: Sendable, Equatable {
        public var id: String
        public var file: String?
        public var op: String?
        public var actor: String?
        public var at: Instant?
        public var task: String?
        public var code: String
        public var message: String
        /// The edit as stored (or its raw text), shown so it can be fixed and queued again.
        public var source: String
    }

    /// History per task id, oldest first.
    public var history: [String: [Entry]] = [:]
    public var rejections: [Rejection] = []
    /// Notifications per person id, newest first.
    public var notifications: [String: [Notification]] = [:]
    public var problems: [Diagnostic] = []

    public init() {}

    public static func load(_ root: String) -> Activity {
        var activity = Activity()
        var journalFiles: [String] = []
        for year in FileSystem.list(root + "/journal") {
            for month in FileSystem.list(root + "/journal/" + year) {
                for name in FileSystem.list(root + "/journal/\(year)/\(month)") where name.hasSuffix(".json") {
                    journalFiles.append("journal/\(year)/\(month)/\(name)")
                }
            }
        }
        let entries = parallelMap(journalFiles, width: Parallel.ioWidth) { path in read(root, path, entry) }
        for (path, result) in zip(journalFiles, entries) {
            guard let entry = result else { activity.problems.append(Diagnostic(.warning, path: path, message: "not a journal entry; left out of the history")); continue }
            activity.history[entry.task, default: []].append(entry)
        }
        for key in activity.history.keys {
            activity.history[key]!.sort { $0.at != $1.at ? $0.at < $1.at : $0.editID < $1.editID }
        }

        let rejectedFiles = FileSystem.list(root + "/rejected").filter { $0.hasSuffix(".json") }.map { "rejected/" + $0 }
        let rejections = parallelMap(rejectedFiles, width: Parallel.ioWidth) { path in read(root, path) { rejection($0, path: path) } }
        activity.rejections = rejections.compactMap { $0 }.sorted {
            ($0.at ?? Instant(milliseconds: 0), $0.id) > ($1.at ?? Instant(milliseconds: 0), $1.id)
        }

        var notificationFiles: [String] = []
        for person in FileSystem.list(root + "/notifications") {
            for name in FileSystem.list(root + "/notifications/" + person) where name.hasSuffix(".json") {
                notificationFiles.append("notifications/\(person)/\(name)")
            }
        }
        let notes = parallelMap(notificationFiles, width: Parallel.ioWidth) { path in read(root, path, notification) }
        for note in notes.compactMap({ $0 }) { activity.notifications[note.person, default: []].append(note) }
        for key in activity.notifications.keys {
            activity.notifications[key]!.sort { $0.at != $1.at ? $0.at > $1.at : $0.id > $1.id }
        }
        return activity
    }

    static func read<T>(_ root: String, _ path: String, _ decode: (JSONNode) -> T?) -> T? {
        guard let bytes = try? FileSystem.readBytes(root + "/" + path), let node = try? JSONParser.parse(bytes) else { return nil }
        return decode(node)
    }

    static func entry(_ node: JSONNode) -> Entry? {
        guard let outcome = node["outcome"], let id = node["id"]?.stringValue, let op = node["op"]?.stringValue,
              let actor = node["actor"]?.stringValue, let at = node["at"]?.stringValue.flatMap(Instant.init(rfc3339:)),
              let action = outcome["action"]?.stringValue, let task = outcome["task"]?.stringValue,
              let version = outcome["version"]?.intValue else { return nil }
        let fields = node["data"]?.objectValue?.map(\.key) ?? []
        return Entry(editID: id, op: op, actor: actor, at: at, action: action, task: task, version: version,
                     comment: outcome["comment"]?.stringValue, fields: fields)
    }

    static func rejection(_ node: JSONNode, path: String) -> Rejection? {
        guard let error = node["error"], let code = error["code"]?.stringValue, let message = error["message"]?.stringValue else { return nil }
        let id = node["id"]?.stringValue ?? String(path.dropFirst("rejected/".count).dropLast(5))
        let source: String
        if let raw = node["raw"]?.stringValue {
            source = raw
        } else if let raw = node["raw_base64"]?.stringValue {
            source = "(not UTF-8 text; base64) " + raw
        } else if case .object(let members) = node.value {
            source = JSONWriter.canonical(.object(members.filter { $0.key != "error" }))
        } else {
            source = ""
        }
        return Rejection(id: id, file: node["file"]?.stringValue, op: node["op"]?.stringValue, actor: node["actor"]?.stringValue,
                         at: node["at"]?.stringValue.flatMap(Instant.init(rfc3339:)), task: node["task"]?.stringValue,
                         code: code, message: message, source: source)
    }

    static func notification(_ node: JSONNode) -> Notification? {
        guard let id = node["id"]?.stringValue, let person = node["person"]?.stringValue,
              let kind = node["kind"]?.stringValue.flatMap(Notification.Kind.init(rawValue:)),
              let task = node["task"]?.stringValue, let actor = node["actor"]?.stringValue,
              let at = node["at"]?.stringValue.flatMap(Instant.init(rfc3339:)) else { return nil }
        return Notification(id: id, person: person, kind: kind, task: task, actor: actor, at: at, comment: node["comment"]?.stringValue)
    }
}
