/// Everything in a workspace directory, decoded and indexed for lookups in
/// constant time (the pipeline must stay linear at 100,000 tasks).
public struct Workspace: Sendable {
    public var settings: Settings
    /// In `people.json` order.
    public var people: [Person]
    public var peopleByID: [String: Person]
    /// Keyed by `Link.key` (`type/id`).
    public var records: [String: Record]
    /// Sorted by id (ULIDs: creation order). After changing it, call
    /// `reindex()`: lookups by id go through `taskIndex`.
    public var tasks: [Task]
    public var taskIndex: [String: Int]
    /// Per task id, sorted by `created_at`, then id.
    public var comments: [String: [Comment]]

    public init(settings: Settings, people: [Person], records: [Record], tasks: [Task], comments: [Comment]) {
        self.settings = settings
        self.people = people
        self.peopleByID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.records = Dictionary(records.map { ($0.link.key, $0) }, uniquingKeysWith: { first, _ in first })
        // Sort indices, then move each task once: a Task is too large to shuffle
        // around. The loader already gives them in order: then nothing moves.
        let ordered = tasks.indices.dropFirst().allSatisfy { tasks[$0 - 1].id.precedesInByteOrder(tasks[$0].id) }
        self.tasks = ordered ? tasks : tasks.indices.sorted { tasks[$0].id.precedesInByteOrder(tasks[$1].id) }.map { tasks[$0] }
        self.taskIndex = [:]
        self.comments = [:]
        reindex()
        // The loader gives each task's comments together (a folder each): a run of one
        // task's comments is one lookup and one array, not one of each per comment.
        var grouped: [String: [Comment]] = [:]
        var start = 0
        while start < comments.count {
            let task = comments[start].task
            var end = start + 1
            while end < comments.count && comments[end].task == task { end += 1 }
            grouped[task, default: []].append(contentsOf: comments[start..<end])
            start = end
        }
        let unsorted = grouped.filter { _, list in
            !list.indices.dropFirst().allSatisfy { !Workspace.commentOrder(list[$0], list[$0 - 1]) }
        }.keys
        for task in unsorted { grouped[task]?.sort(by: Workspace.commentOrder) }
        self.comments = grouped
    }

    public mutating func reindex() {
        // By index, not `enumerated()`: that would copy every task.
        var index: [String: Int] = [:]
        index.reserveCapacity(tasks.count)
        for position in tasks.indices { index[tasks[position].id] = position }
        taskIndex = index
    }

    public func task(_ id: String) -> Task? { taskIndex[id].map { tasks[$0] } }

    public func record(_ link: Link) -> Record? { records[link.key] }

    /// Records sorted by type, then id.
    public var sortedRecords: [Record] {
        records.values.sorted { ($0.type, $0.id) < ($1.type, $1.id) }
    }

    static func commentOrder(_ a: Comment, _ b: Comment) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id.precedesInByteOrder(b.id)
    }
}
