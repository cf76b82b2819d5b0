import DocketCore

/// What each per-task and per-record output is made from, hashed. Equal
/// fingerprints mean equal bytes, so the output is neither rendered nor
/// written again: a rebuild after one edit re-renders a handful of pages.
struct Fingerprints: Sendable {
    /// Everything every page shows: the theme, the instant, the workspace
    /// settings, people's and records' names, the rejected count in the menu.
    let global: UInt64
    let tasks: [UInt64]
    /// Per `Link.key`: a record page and its JSON (the record's fields and the tasks on it).
    let records: [String: UInt64]

    init(context: SiteContext, theme: Theme, compactTasks: [String]) {
        let workspace = context.workspace
        let settings = workspace.settings
        var global = StableHash.combine(theme.fingerprint, String(context.day.now.milliseconds))
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
        tasks = parallelMap(Array(workspace.tasks.indices)) { index in
            let task = workspace.tasks[index]
            var hash = StableHash.combine(frozen, compactTasks[index])
            hash = StableHash.combine(hash, task.details ?? "")
            for comment in workspace.comments[task.id] ?? [] {
                hash = StableHash.combine(hash, "\(comment.id)\u{1}\(comment.author)\u{1}\(comment.updatedAt.milliseconds)\u{1}\(comment.content)")
            }
            for entry in context.activity.history[task.id] ?? [] {
                hash = StableHash.combine(hash, "\(entry.editID)\u{1}\(entry.action)\u{1}\(entry.version)\u{1}\(entry.fields.joined(separator: ","))")
            }
            return hash
        }
        let taskPrints = tasks
        let links = context.recordLinks
        let recordPrints = parallelMap(links) { link in
            var hash = StableHash.combine(frozen, link.key)
            if let record = workspace.record(link) { hash = StableHash.combine(hash, JSONWriter.compact(.object(record.fields))) }
            for index in context.tasksByRecord[link.key] ?? [] { hash = StableHash.combine(hash, String(taskPrints[index], radix: 16)) }
            return hash
        }
        records = Dictionary(uniqueKeysWithValues: zip(links.map(\.key), recordPrints))
    }
}
