import DocketCore

/// docket's work as an ordered list of named stages over one workspace:
/// check → recover → load → apply → commit → activity → render. Each
/// command runs the stages its mode lists; each stage is timed and names
/// itself in errors. The pipeline never prints: progress goes to the
/// `Progress` the caller draws, and the outcome is returned whole.
public struct BuildPipeline {
    public enum Stage: String, Sendable, CaseIterable {
        /// The site folder is one docket may write, before anything changes.
        /// Its walk runs beside recover and load; load ends by awaiting the verdict.
        case check
        /// Finish an apply a killed run left.
        case recover
        /// Read and validate the workspace, and what earlier applies left.
        case load
        /// Apply the queue in memory.
        case apply
        /// Write the applied edits as one transaction.
        case commit
        /// History, rejections and notifications, from the files read and the edits just applied.
        case activity
        /// Pages, JSON and feeds.
        case render
    }

    public enum Mode: Sendable {
        /// `docket build`: apply the queue, then render.
        case build
        /// `docket apply`: apply the queue only.
        case apply
        /// `docket render`: render the committed files.
        case render
        /// `docket preview`: render with the queue applied in memory; no workspace file changes.
        case preview
        /// Read commands: the workspace with the queue applied in memory.
        case query
        /// Read commands with `--committed`: the files alone.
        case read

        public var stages: [Stage] {
            switch self {
            case .build: [.check, .recover, .load, .apply, .commit, .activity, .render]
            case .apply: [.recover, .load, .apply, .commit]
            case .render: [.check, .recover, .load, .activity, .render]
            case .preview: [.check, .load, .apply, .activity, .render]
            case .query: [.load, .apply]
            case .read: [.load]
            }
        }
    }

    public struct Outcome: Sendable {
        public var workspace: Workspace
        /// Warnings from the workspace's files and from reading the journal.
        public var warnings: [Diagnostic] = []
        /// One entry per queued file, in the order they applied.
        public var results: [(file: String, id: String, result: EditEngine.Result)] = []
        /// Per task: what queued edits did to it (see `EditEngine.changedTasks`).
        public var changedTasks: [String: [String]] = [:]
        public var recovered = false
        /// An interrupted apply is waiting (stages that write nothing leave it).
        public var pendingRecovery = false
        public var reusedFiles: (reused: Int, of: Int)?
        public var site: SiteBuilder.Report?
        public var stageTimes: [(String, Double)] = []

        public var applied: Int { results.count { if case .applied = $0.result { true } else { false } } }
        public var rejected: Int { results.count - applied }
    }

    public let root: String
    public let mode: Mode
    public let now: Instant
    /// The site folder and theme: needed by the modes that render.
    public var output: String?
    public var theme: Theme?
    /// Whether decoded inputs and rendered rows may come from `.docket/cache`.
    public var readsCache = true
    public var progress: Progress?

    public init(workspace root: String, mode: Mode, now: Instant) {
        self.root = root
        self.mode = mode
        self.now = now
    }

    public func run() throws(PipelineError) -> Outcome {
        var state = State(outcome: Outcome(workspace: Workspace(settings: Settings(name: ""), people: [], records: [], tasks: [], comments: [])))
        // The input cache is written while later stages run; it is complete before run returns, or throws.
        defer { state.inputCache?.finishSaving() }
        for stage in mode.stages {
            let started = Progress.seconds()
            try perform(stage, &state)
            if stage != .render { state.outcome.stageTimes.append((stage.rawValue, Progress.seconds() - started)) }
        }
        state.outcome.pendingRecovery = !mode.stages.contains(.recover) && WorkspaceTransaction.isPending(root)
        return state.outcome
    }

    /// What one stage hands the next.
    struct State {
        var outcome: Outcome
        var engine: EditEngine?
        var activity = Activity()
        /// The site folder, opened (and walked) once, by the check stage on a thread of its own.
        var site: SiteOutput?
        /// The opening's result and how long it took (a stage time of its own in `--verbose`).
        var opening: BackgroundValue<(Result<SiteOutput, PipelineError>, Double)>?
        /// Saving what load decoded, in the background (see `InputCache.savesInBackground`).
        var inputCache: InputCache?

        /// Waits for the check stage's opening of the site folder; throws its error, if any.
        mutating func openSite() throws(PipelineError) {
            guard let opening else { return }
            self.opening = nil
            let (result, seconds) = opening.value()
            outcome.stageTimes.append(("check: site folder", seconds))
            switch result {
            case .success(let output): site = output
            case .failure(let error): throw error
            }
        }
    }
}
