import DocketCore

/// The JSON files of the site (docs/spec-decisions.md, JSON): stats, per-person stats,
/// badges and shields endpoints, and a read-only mirror of the tasks API.
struct APIWriter {
    let context: SiteContext
    let output: SiteOutput

    static let pageSize = 200

    func writeStats() throws {
        let report = context.stats
        try output.write("api/stats.json", JSONWriter.canonical(report.overall.json))
        for person in context.workspace.people {
            let stats = report.byPerson[person.id] ?? Stats()
            let badge = report.badges[person.id] ?? Badge()
            try output.write("api/people/\(person.id)/stats.json", JSONWriter.canonical(stats.json))
            try output.write("api/people/\(person.id)/badge.json", JSONWriter.canonical(badge.json))
            try output.write("api/people/\(person.id)/shields.json",
                             JSONWriter.canonical(shields(person, badge, overdue: stats.overdue > 0)))
        }
    }

    /// A shields.io endpoint badge: green at zero, orange with work due, red when overdue.
    func shields(_ person: Person, _ badge: Badge, overdue: Bool) -> JSONValue {
        let color = badge.count == 0 ? "brightgreen" : (overdue ? "red" : "orange")
        return .object([
            "color": .string(color),
            "label": .string("\(person.name): tasks due"),
            "message": .string(String(badge.count)),
            "schemaVersion": .int(1),
        ])
    }

    /// A list file: `{"data":[…],…}` on few lines, with the tasks' compact JSON spliced in.
    static func listDocument(_ tasks: [String], extra: [(String, String)]) -> String {
        var out = "{\"data\":[\n"
        out.reserveCapacity(tasks.reduce(64) { $0 + $1.utf8.count + 2 })
        for (position, task) in tasks.enumerated() {
            out += task
            out += position == tasks.count - 1 ? "\n" : ",\n"
        }
        out += "]"
        for (key, value) in extra { out += ",\"\(key)\":\(value)" }
        return out + "}\n"
    }

    /// The list files: `api/tasks/page-<n>.json` (every task, 200 a page, in
    /// id order) and `api/records/<type>/<id>/tasks.json` (the tasks on one
    /// record). Only the files whose fingerprints changed are made, from the
    /// JSON of just the tasks they hold: after one edit that is a page and a
    /// few records, not every task. List files are compact (one task a
    /// line): at 100,000 tasks pretty-printing them costs seconds.
    func writeLists(_ fingerprints: Fingerprints) throws {
        let tasks = context.workspace.tasks
        let context = self.context
        let output = self.output
        let pages = fingerprints.apiPages.count
        let stalePages = (1...pages).filter { !output.isCurrent(Self.pagePath($0), fingerprint: fingerprints.apiPages[$0 - 1]) }
        let links = context.recordLinks
        let current = parallelMap(links) { output.isCurrent(Self.recordTasksPath($0), fingerprint: fingerprints.records[$0.key] ?? 0) }
        let staleRecords = zip(links, current).filter { !$0.1 }.map(\.0)

        var needed = [Bool](repeating: false, count: tasks.count)
        for page in stalePages { for index in Self.pageRange(page, taskCount: tasks.count) { needed[index] = true } }
        for link in staleRecords { for index in context.tasksByRecord[link.key] ?? [] { needed[index] = true } }
        let wanted = needed.indices.filter { needed[$0] }
        var compact = [String](repeating: "", count: tasks.count)
        for (index, json) in zip(wanted, parallelMap(wanted) { JSONWriter.compact(tasks[$0].json) }) { compact[index] = json }

        let shared = compact
        try forEachInParallel(stalePages, serialBelow: 4) { page in
            let hasMore = page < pages
            let body = Self.listDocument(Array(shared[Self.pageRange(page, taskCount: shared.count)]),
                                         extra: [("has_more", hasMore ? "true" : "false"),
                                                 ("next", hasMore ? "\"page-\(page + 1).json\"" : "null")])
            try output.write(Self.pagePath(page), body, fingerprint: fingerprints.apiPages[page - 1])
        }
        try forEachInParallel(staleRecords) { link in
            let indices = context.tasksByRecord[link.key] ?? []
            let record = JSONWriter.compact(.object(["id": .string(link.id), "name": .string(context.workspace.record(link)?.name ?? link.id),
                                                      "type": .string(link.type)]))
            try output.write(Self.recordTasksPath(link), Self.listDocument(indices.map { shared[$0] }, extra: [("record", record)]),
                             fingerprint: fingerprints.records[link.key] ?? 0)
        }
    }

    static func pagePath(_ page: Int) -> String { "api/tasks/page-\(page).json" }
    static func recordTasksPath(_ link: Link) -> String { "api/records/\(link.type)/\(link.id)/tasks.json" }

    /// The tasks on page `page` (from 1) of the list files.
    static func pageRange(_ page: Int, taskCount: Int) -> Range<Int> {
        min(taskCount, (page - 1) * pageSize)..<min(taskCount, page * pageSize)
    }

    /// `api/tasks/<id>.json` in the Rex CRM API's *Get a task* shape.
    /// `comments`: the task's comments as `commentJSON` gives them, made once for this and `commentsDocument`.
    func taskDocument(_ index: Int, detailsHTML: String?, comments: [JSONValue]) -> JSONValue {
        let task = context.workspace.tasks[index]
        guard case .object(var members) = task.json else { return .null }
        // Each key goes where it sorts, so the writer finds the members in order and sorts nothing.
        func put(_ key: String, _ value: JSONValue) {
            let place = members.firstIndex { !$0.key.precedesInByteOrder(key) } ?? members.count
            members.insert(JSONMember(key: key, value: JSONNode(value)), at: place)
        }
        var relationships: [JSONMember] = []
        var included: [JSONNode] = []
        var seenIncluded: Set<String> = []
        func ref(_ type: String, _ id: String, _ name: String) -> JSONValue {
            .object(["id": .string(id), "name": .string(name), "type": .string(type)])
        }
        func include(_ type: String, _ id: String, _ name: String) {
            if seenIncluded.insert(type + "/" + id).inserted { included.append(JSONNode(ref(type, id, name))) }
        }
        var seenTypes: Set<String> = []
        for link in task.links {
            let name = context.workspace.record(link)?.name ?? link.id
            if seenTypes.insert(link.type).inserted {
                relationships.append(JSONMember(key: link.type, value: JSONNode(ref(link.type, link.id, name))))
            }
            include(link.type, link.id, name)
        }
        relationships.append(JSONMember(key: "links", value: JSONNode(.array(task.links.map {
            JSONNode(ref($0.type, $0.id, context.workspace.record($0)?.name ?? $0.id))
        }))))
        let people = task.assignees.map { JSONNode(ref("user", $0, context.personName($0))) }
        if let owner = task.assignees.first {
            relationships.append(JSONMember(key: "owner", value: JSONNode(ref("user", owner, context.personName(owner)))))
        }
        relationships.append(JSONMember(key: "assignees", value: JSONNode(.array(people))))
        relationships.append(JSONMember(key: "created_by", value: JSONNode(ref("user", task.createdBy, context.personName(task.createdBy)))))
        for id in [task.createdBy] + task.assignees { include("user", id, context.personName(id)) }
        put("details_html", detailsHTML.map(JSONValue.string) ?? .null)
        if let reminderAt = task.reminderAt(in: context.day.zone) { put("reminder_at", .string(reminderAt.rfc3339)) }
        put("comment_count", .int(comments.count))
        // il's task response: the latest comments, newest first; all of them are in comments.json.
        put("recent_comments", .array(comments.suffix(Self.recentComments).reversed().map { JSONNode($0) }))
        put("relationships", .object(relationships))
        return .object(["data": .object(members), "included": .array(included)])
    }

    static let recentComments = 5

    /// `api/tasks/<id>/comments.json`: every comment of a task, oldest first
    /// (written for tasks that have comments; `comment_count` 0 means none).
    func commentsDocument(_ comments: [JSONValue]) -> JSONValue {
        .object(["data": .array(comments.map { JSONNode($0) }), "total": .int(comments.count)])
    }

    /// One comment for the JSON API; links in its HTML are relative to the site's root.
    func commentJSON(_ comment: Comment) -> JSONValue {
        .object([
            "author": .object(["id": .string(comment.author), "name": .string(context.personName(comment.author))]),
            "content": .string(comment.content),
            "content_html": .string(context.commentHTML(comment, root: "")),
            "created_at": .string(comment.createdAt.rfc3339),
            "id": .string(comment.id),
            "updated_at": .string(comment.updatedAt.rfc3339),
        ])
    }
}
