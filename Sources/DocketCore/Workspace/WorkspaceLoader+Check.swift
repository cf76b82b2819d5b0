/// `docket validate`'s reading: the problems a load would find, without the
/// workspace it would build.
extension WorkspaceLoader {
    /// What `check` finds: every problem and how many tasks are valid.
    public struct Check: Sendable {
        public var diagnostics: [Diagnostic]
        public var validTasks: Int
        public var stageTimes: [(String, Double)] = []
        public var reusedFiles: (reused: Int, of: Int)?
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        init(diagnostics: [Diagnostic], validTasks: Int, stageTimes: [(String, Double)], reusedFiles: (reused: Int, of: Int)?) {
            self.diagnostics = diagnostics
            self.validTasks = validTasks
            self.stageTimes = stageTimes
            self.reusedFiles = reusedFiles
        }

        /// What a full load found.
        public init(_ loaded: Result) {
            self.init(diagnostics: loaded.diagnostics, validTasks: loaded.workspace.tasks.count,
                      stageTimes: loaded.stageTimes, reusedFiles: loaded.reusedFiles)
        }
    }

    /// The problems `load` would find, without building the workspace: a file
    /// the input cache vouches for gives its diagnostics without its value
    /// being decoded. For `docket validate` when no edit is queued.
    public static func check(_ root: String, progress: Progress? = nil, cache: InputCache) -> Check {
        let scan = scan(root, progress: progress, cache: cache, values: false)
        return Check(diagnostics: scan.diagnostics, validTasks: scan.tasks.count(where: \.isValid),
                     stageTimes: scan.times, reusedFiles: scan.reused)
    }
}
