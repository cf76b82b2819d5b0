import DocketCore

/// What each per-task and per-record output is made from, hashed. Equal
/// fingerprints mean equal bytes, so the output is neither rendered nor
/// written again: a rebuild after one edit re-renders a handful of pages.
struct Fingerprints: Sendable {
    /// Everything every page shows: the theme, the day, the workspace
    /// settings, people's and records' names, the rejected count in the menu.
    /// Not the instant of the build: what a page shows of it (relative
    /// phrases, overdue marks) is hashed per task, so a rebuild an hour later
    /// re-renders only the pages whose phrases changed.
    let global: UInt64
    /// Per task: its list and table rows (`RowFragments`).
    let rows: [UInt64]
    /// Per task: its page and its JSON.
    let tasks: [UInt64]
    /// Per `Link.key`: a record page and its JSON (the record's fields and the tasks on it).
    let records: [String: UInt64]
    /// Per task: its fields but the details (`Task.contentHash`), all its JSON in the list files is made from.
    let contents: [UInt64]
    /// Per `api/tasks/page-<n>.json` (index 0 is page 1): the contents of its tasks and where it stands.
    let apiPages: [UInt64]
    /// Per person id: their calendar feed, made from the open tasks with a due
    /// they are assigned (fields and short ids), in the feed's order.
    let calendars: [String: UInt64]

    init(context: SiteContext, theme: Theme) {
        let workspace = context.workspace
        let settings = workspace.settings
        var global = StableHash.combine(theme.fingerprint, context.day.today.iso8601)
        for text in [settings.zone.identifier, settings.name, settings.baseURL ?? "", settings.weekStartsOn.rawValue,
                     settings.types.joined(separator: ","), String(context.activity.rejections.count)] {
            global = StableHash.combine(global, text)
        }
        for person in workspace.people {
            global = StableHash.combine(global, "\(person.id)\u{1}\(person.name)\u{1}\(person.role.rawValue)\u{1}\(person.kind.rawValue)")
        }
        for record in workspace.sortedRecords { global = StableHash.combine(global, record.link.key + "\u{1}" + record.name) }
        self.global = global
        let frozen = global
        let format = context.format
        let prints = parallelMap(Array(workspace.tasks.indices)) { index -> (UInt64, UInt64, UInt64) in
            let task = workspace.tasks[index]
            let timing = context.timings[index]
            let content = task.contentHash
            // A row shows the task's fields, where its due stands today and when it was last updated.
            var row = StableHash.combine(StableHash.combine(frozen, Int64(bitPattern: content)), context.shortIDs.short(at: index, of: task.id))
            row = StableHash.combine(row, timing.isDueToday, timing.isOverdue, timing.isUpcoming, timing.isThisWeek,
                                     timing.isCompletedToday)
            row = StableHash.combine(row, format.relativeBucket(task.updatedAt))
            if let completedAt = task.completedAt { row = StableHash.combine(row, format.relativeBucket(completedAt)) }
            // Its page adds the details, comments and history, each with its relative time.
            var hash = StableHash.combine(row, task.details ?? "")
            hash = StableHash.combine(hash, format.relativeBucket(task.createdAt))
            if let completedAt = task.completedAt { hash = StableHash.combine(hash, format.relativeBucket(completedAt)) }
            // Each part folded in on its own (a string made of them cost more than hashing it).
            for comment in context.commentsByTask[index] {
                hash = StableHash.combine(StableHash.combine(hash, comment.id), comment.author)
                hash = StableHash.combine(StableHash.combine(hash, comment.updatedAt.milliseconds), comment.content)
                hash = StableHash.combine(hash, format.relativeBucket(comment.createdAt))
            }
            for entry in context.historyByTask[index] {
                hash = StableHash.combine(StableHash.combine(hash, entry.editID), entry.action)
                hash = StableHash.combine(hash, Int64(entry.version))
                for field in entry.fields { hash = StableHash.combine(hash, field) }
                hash = StableHash.combine(StableHash.combine(hash, Int64(entry.fields.count)), format.relativeBucket(entry.at))
            }
            return (row, hash, content)
        }
        rows = prints.map(\.0)
        tasks = prints.map(\.1)
        contents = prints.map(\.2)
        apiPages = Self.pages(contents, size: APIWriter.pageSize)
        let taskPrints = tasks
        let links = context.recordLinks
        let recordPrints = parallelMap(links) { link in
            var hash = StableHash.combine(frozen, link.key)
            if let record = workspace.record(link) { hash = StableHash.combine(hash, JSONWriter.compact(.object(record.fields))) }
            for index in context.tasksByRecord[link.key] ?? [] { hash = StableHash.combine(hash, String(taskPrints[index], radix: 16)) }
            return hash
        }
        records = Dictionary(uniqueKeysWithValues: zip(links.map(\.key), recordPrints))
        let contents = contents
        calendars = Dictionary(workspace.people.map { person in
            var hash = StableHash.combine(frozen, "calendar " + person.id)
            for index in context.openDueByAssignee[person.id] ?? [] {
                hash = StableHash.combine(StableHash.combine(hash, Int64(bitPattern: contents[index])), context.shortIDs.short(at: index, of: workspace.tasks[index].id))
            }
            return (person.id, hash)
        }, uniquingKeysWith: { first, _ in first })
    }

    /// A list file holds its tasks' JSON and links to the next file, so its
    /// print is those tasks' contents, its number and whether a file follows.
    /// Not the theme or the day: a list file shows neither (the version
    /// stands in for how JSON is written).
    static func pages(_ contents: [UInt64], size: Int) -> [UInt64] {
        let count = max(1, (contents.count + size - 1) / size)
        let base = StableHash.fnv1a64("api pages " + DocketVersion.current)
        return (0..<count).map { page in
            var hash = StableHash.combine(StableHash.combine(base, Int64(page)), page + 1 < count)
            for index in (page * size)..<min(contents.count, (page + 1) * size) {
                hash = StableHash.combine(hash, Int64(bitPattern: contents[index]))
            }
            return hash
        }
    }
}
