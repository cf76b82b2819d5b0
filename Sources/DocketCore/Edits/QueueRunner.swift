/// One whole apply: lock the workspace, finish any interrupted transaction,
/// read the workspace and the queue once, apply every edit, commit. Or, for
/// `preview` and the read commands, the same apply in memory only.
public struct QueueRunner {
    public enum Mode: Sendable {
        /// Recover, load, apply the queue and commit the result.
        case apply
        /// Recover and load; the queue stays (`docket render`).
        case loadOnly
        /// Load only, writing nothing (`list --committed`); notes a pending recovery.
        case read
        /// Load and apply the queue in memory: no workspace file is written,
        /// not even an interrupted apply's (`docket preview`, `list`, `show`, …).
        /// Only the decoded-input cache in `.docket/`, which git ignores, is kept.
        case preview
    }

    public struct Report: Sendable {
        /// The workspace after the edits: the render stage uses it as is.
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
        public var results: [(file: String, id: String, result: EditEngine.Result)] = []
        public var recovered = false
        /// Files taken from the input cache, of all files decoded.
        public var reusedFiles: (reused: Int, of: Int)?
        /// In preview: an interrupted apply is waiting to be finished by `docket apply` or `build`.
        public var pendingRecovery = false
        /// The files the apply wrote or would write (journal, notifications, …).
        public var changes = Changeset()

        /// Per task: the queued edits (ops) that changed it, in the order they applied.
        public var queuedEdits: [String: [String]] {
            var edits: [String: [String]] = [:]
            for (_, _, result) in results {
                if case .applied(let outcome) = result, outcome.action != .unchanged {
                    edits[outcome.task, default: []].append(outcome.action.rawValue)
                }
            }
            return edits
        }

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public var applied: Int { results.count { if case .applied = $0.result { true } else { false } } }
        public var rejected: Int { results.count - applied }
    }

    public let root: String
    public let now: Instant
    public let progress: Progress?
    /// Whether decoded inputs may be taken from `.docket/cache/inputs` (it is rewritten either way).
    public let readsCache: Bool

    public init(workspace root: String, now: Instant, progress: Progress? = nil, readsCache: Bool = true) {
        self.root = root
        self.now = now
        self.progress = progress
        self.readsCache = readsCache
    }

    /// Call `.apply` and `.loadOnly` with the workspace lock held.
    public func run(_ mode: Mode = .apply) throws(WorkspaceTransaction.Failure) -> Report {
        let writes = mode == .apply || mode == .loadOnly
        let recovered = writes ? try WorkspaceTransaction.recover(root) : false
        let cache = InputCache(workspace: root, reading: readsCache)
        let loaded = WorkspaceLoader.load(root, progress: progress, cache: cache)
        var report = Report(workspace: loaded.workspace, diagnostics: loaded.diagnostics, recovered: recovered)
        report.reusedFiles = loaded.reusedFiles
        report.pendingRecovery = !writes && WorkspaceTransaction.isPending(root)
        guard mode == .apply || mode == .preview, !loaded.hasErrors else { return report }
        let queue = EditQueue.load(workspace: root, now: now)
        guard !queue.items.isEmpty else { return report }
        var engine = EditEngine(workspace: loaded.workspace, journalIDs: Self.journalIDs(root), rejectedIDs: Self.rejectedIDs(root))
        engine.apply(queue)
        if mode == .apply { try WorkspaceTransaction.commit(engine.changes, to: root) }
        report.workspace = engine.workspace
        report.results = engine.results
        report.changes = engine.changes
        return report
    }

    /// Ids of applied edits: the file names under `journal/<yyyy>/<mm>/`.
    public static func journalIDs(_ root: String) -> Set<String> {
        var ids: Set<String> = []
        for year in FileSystem.list(root + "/journal") {
            for month in FileSystem.list(root + "/journal/" + year) {
                for name in FileSystem.list(root + "/journal/\(year)/\(month)") where name.hasSuffix(".json") {
                    ids.insert(String(name.dropLast(5)))
                }
            }
        }
        return ids
    }

    public static func rejectedIDs(_ root: String) -> Set<String> {
        Set(FileSystem.list(root + "/rejected").filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
    }
}
