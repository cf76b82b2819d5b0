/// Everything in a workspace directory, decoded and indexed for lookups in
/// constant time (the pipeline must stay linear at 100,000 tasks).
public struct Workspace: Sendable {
    public var settings: Settings
    /// In `people.json` order.
    public var people: [Person]
    public var peopleByID: [String: Person]
    /// Keyed by `Link.key` (`type/id`).
    public var records: [String: Record]
    /// Sorted by id (ULIDs: creation order).
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
        for comment in comments { self.comments[comment.task, default: []].append(comment) }
        for key in self.comments.keys { self.comments[key]!.sort(by: Workspace.commentOrder) }
    }

    public mutating func reindex() {
        // By index, not `enumerated()`: that would copy every task.
        taskIndex = Dictionary(uniqueKeysWithValues: tasks.indices.map { (tasks[$0].id, $0) })
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
