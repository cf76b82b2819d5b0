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

    }

    /// `docket validate`: every file's problems, and each queued edit's as an
    /// apply at `now` would meet it. With nothing queued the workspace itself
    /// is not needed, so `check` gives the problems without decoding what the
    /// input cache vouches for. `readingCache` false reads every file again.
    public static func validate(_ root: String, progress: Progress? = nil, readingCache: Bool = true, now: Instant) -> Check {
        let started = Progress.seconds()
        // Listing 100,000 task files and opening the cache each take a core for a moment: side by side.
        let taskListing = BackgroundValue { listTaskFiles(root) }
        let cache = InputCache(workspace: root, reading: readingCache)
        let opened = ("open cache", Progress.seconds() - started)
        guard !FileSystem.list(root + "/queue").isEmpty else {
            var result = check(root, progress: progress, cache: cache, taskListing: taskListing)
            result.stageTimes.insert(opened, at: 0)
            return result
        }
        let loaded = load(root, progress: progress, cache: cache, taskListing: taskListing)
        var result = Check(diagnostics: loaded.diagnostics, validTasks: loaded.workspace.tasks.count,
                           stageTimes: [opened] + loaded.stageTimes, reusedFiles: loaded.reusedFiles)
        if !loaded.hasErrors {
            result.diagnostics += QueueCheck.problems(root, workspace: loaded.workspace, now: now)
        }
        return result
    }

    /// The problems `load` would find, without building the workspace: a file
    /// the input cache vouches for gives its diagnostics without its value
    /// being decoded. For `docket validate` when no edit is queued.
    public static func check(_ root: String, progress: Progress? = nil, cache: InputCache) -> Check {
        check(root, progress: progress, cache: cache, taskListing: nil)
    }

    static func check(_ root: String, progress: Progress?, cache: InputCache, taskListing: BackgroundValue<TaskListing>?) -> Check {
        let scan = scan(root, progress: progress, cache: cache, values: false, taskListing: taskListing)
        return Check(diagnostics: scan.diagnostics, validTasks: scan.tasks.count(where: \.isValid),
                     stageTimes: scan.times, reusedFiles: scan.reused)
    }
}
