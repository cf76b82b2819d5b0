/// One whole apply: lock the workspace, finish any interrupted transaction,
/// read the workspace and the queue once, apply every edit, commit.
public struct QueueRunner {
    public struct Report: Sendable {
        /// The workspace after the edits: the render stage uses it as is.
        public var workspace: Workspace
        public var diagnostics: [Diagnostic]
        public var results: [(file: String, id: String, result: EditEngine.Result)] = []
        public var recovered = false
        /// Files taken from the input cache, of all files decoded.
        public var reusedFiles: (reused: Int, of: Int)?

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

    /// Call with the workspace lock held. With `applyQueue` false it only
    /// recovers and loads (for `docket render`).
    public func run(applyQueue: Bool = true) throws(WorkspaceTransaction.Failure) -> Report {
        let recovered = try WorkspaceTransaction.recover(root)
        let loaded = WorkspaceLoader.load(root, progress: progress, cache: InputCache(workspace: root, reading: readsCache))
        var report = Report(workspace: loaded.workspace, diagnostics: loaded.diagnostics, recovered: recovered)
        report.reusedFiles = loaded.reusedFiles
        guard applyQueue, !loaded.hasErrors else { return report }
        let queue = EditQueue.load(workspace: root, now: now)
        guard !queue.items.isEmpty else { return report }
        var engine = EditEngine(workspace: loaded.workspace, journalIDs: Self.journalIDs(root), rejectedIDs: Self.rejectedIDs(root))
        engine.apply(queue)
        try WorkspaceTransaction.commit(engine.changes, to: root)
        report.workspace = engine.workspace
        report.results = engine.results
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
