import DocketCore

/// Everything a page needs that is computed once per build: the day, each
/// task's timing and sort key, and lookups by id. Built in one pass.
struct SiteContext: Sendable {
    let workspace: Workspace
    let day: DayContext
    let format: DateFormatting
    /// Parallel to `workspace.tasks`.
    let timings: [Timing]
    /// Parallel to `workspace.tasks`: milliseconds of the due (an all-day due
    /// counts from the start of its day), `Int64.max` without a due.
    let dueKeys: [Int64]
    let stats: StatsReport
    /// Journal history, rejected edits and notifications.
    let activity: Activity
    /// `Link.key` → indices of the tasks linked to that record (existing or not).
    let tasksByRecord: [String: [Int]]
    /// Every record a page may link to: those in records/ and those only
    /// named by a link, by key. Sorted once: five stages walk it.
    let recordLinks: [Link]
    /// Every task index by due (soonest first), sorted once for all pages and feeds.
    let dueOrder: [Int]
    /// Per person, their open tasks that have a due, by due: the calendar feeds.
    let openDueByAssignee: [String: [Int]]
    /// Each task's short id, shown beside it everywhere.
    let shortIDs: ShortIDs
    /// Every tag on a task, sorted: the list's filter and its data.
    let tags: [String]
    /// Records by type and lower-cased name (`company\0analytical engines`), for fields that name a record.
    let recordsByName: [String: Link]
    /// Parallel to `workspace.tasks`: each task's comments and journal history.
    /// Three stages ask for them by task, and a lookup by id string cost more than the rest of the asking.
    let commentsByTask: [[Comment]]
    let historyByTask: [[Activity.Entry]]

    init(workspace: Workspace, now: Instant, activity: Activity = Activity()) {
        self.workspace = workspace
        self.activity = activity
        let day = DayContext(now: now, settings: workspace.settings)
        self.day = day
        self.format = DateFormatting(day: day)
        let tasks = workspace.tasks
        let computed = parallelMap(Array(tasks.indices)) { index -> (Timing, Int64) in
            let task = tasks[index]
            let key = task.due.map { TaskQuery.dueInstant($0, zone: day.zone).milliseconds } ?? Int64.max
            return (day.timing(of: task), key)
        }
        self.timings = computed.map(\.0)
        self.dueKeys = computed.map(\.1)
        // The rest is serial: the short ids and the stats are made on the other core meanwhile.
        let shortIDs = BackgroundValue { ShortIDs(tasks.map(\.id)) }
        let timings = self.timings
        let stats = BackgroundValue { StatsReport(tasks: tasks, timings: timings, people: workspace.people) }
        var byRecord: [String: [Int]] = [:]
        // By index, here and below: binding each task to a name would retain its box for nothing.
        for index in tasks.indices {
            for link in tasks[index].links { byRecord[link.key, default: []].append(index) }
        }
        for record in workspace.records.keys where byRecord[record] == nil { byRecord[record] = [] }
        self.tasksByRecord = byRecord
        self.recordLinks = byRecord.keys.sorted().compactMap { key in
            guard let slash = key.firstIndex(of: "/") else { return nil }  // every `Link.key` has one
            return Link(type: String(key[..<slash]), id: String(key[key.index(after: slash)...]))
        }
        let keys = dueKeys
        self.dueOrder = tasks.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var feeds: [String: [Int]] = [:]
        for index in dueOrder where tasks[index].isOpen && tasks[index].due != nil {
            for person in tasks[index].assignees { feeds[person, default: []].append(index) }
        }
        self.openDueByAssignee = feeds
        var byName: [String: Link] = [:]
        for link in recordLinks {
            guard let record = workspace.record(link) else { continue }
            let key = link.type + "\u{0}" + record.name.lowercased()
            if byName[key] == nil { byName[key] = link }  // the first by id when two share a name
        }
        self.recordsByName = byName
        self.tags = Set(tasks.indices.flatMap { tasks[$0].tags }).sorted()
        // Comments and history of tasks that are not in the workspace (deleted, or never there) are left out.
        func position(_ id: String) -> Int? {
            guard let index = workspace.taskIndex[id], index < tasks.count, tasks[index].id == id else { return nil }
            return index
        }
        var comments = [[Comment]](repeating: [], count: tasks.count)
        for (id, list) in workspace.comments { if let index = position(id) { comments[index] = list } }
        self.commentsByTask = comments
        var history = [[Activity.Entry]](repeating: [], count: tasks.count)
        for (id, entries) in activity.history { if let index = position(id) { history[index] = entries } }
        self.historyByTask = history
        self.shortIDs = shortIDs.value()
        self.stats = stats.value()
    }

    func personName(_ id: String) -> String { workspace.peopleByID[id]?.name ?? id }

    /// Task indices ordered by due (soonest first), then id.
    func byDue(_ indices: [Int]) -> [Int] {
        indices.sorted { dueKeys[$0] != dueKeys[$1] ? dueKeys[$0] < dueKeys[$1] : $0 < $1 }
    }
}
