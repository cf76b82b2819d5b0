import DocketCore

/// Renders a workspace into a site folder (SPEC §3) as an ordered list of
/// named stages. Pages are rendered and written on every core; the output
/// never depends on which thread finished first.
public struct SiteBuilder {
    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        public var stageTimes: [(String, Double)] = []
    }

    public enum BuildError: Error, CustomStringConvertible {
        case stage(String, any Error)
        public var description: String {
            switch self {
            case .stage(let stage, let error): "[\(stage)] \(error)"
            }
        }
    }

    let workspace: Workspace
    let activity: Activity
    let theme: Theme
    let now: Instant
    let outputRoot: String
    let progress: Progress?

    public init(workspace: Workspace, activity: Activity = Activity(), theme: Theme, now: Instant, output: String,
                progress: Progress? = nil) {
        self.workspace = workspace
        self.activity = activity
        self.theme = theme
        self.now = now
        self.outputRoot = output
        self.progress = progress
    }

    public func build() throws(BuildError) -> Report {
        var report = Report()
        var clock = StageClock()
        let output: SiteOutput
        do { output = try SiteOutput(root: outputRoot) } catch { throw .stage("output", error) }
        let theme = self.theme
        let workspace = self.workspace
        let progress = self.progress

        let context = SiteContext(workspace: workspace, now: now, activity: activity)
        clock.lap("compute", into: &report)

        let api = APIWriter(context: context, output: output)
        let compact = APIWriter.compactTasks(context)
        let fingerprints = Fingerprints(context: context, theme: theme, compactTasks: compact)
        try run("api") {
            try api.writeStats()
            try api.writePages(compact)
            try api.writeRecordTasks(compact, fingerprints: fingerprints)
        }
        clock.lap("api", into: &report)

        let rows: RowFragments
        do { rows = try RowFragments(context: context, theme: theme, progress: progress) } catch { throw .stage("rows", error) }
        clock.lap("rows", into: &report)

        try run("lists") {
            try output.write("index.html", theme.render("index", context.overview(rows)))
            try output.write("tasks/index.html", theme.render("tasks", context.taskListPage(rows)))
            try output.write("board.html", theme.render("board", context.boardPage()))
            try output.write("rejected.html", theme.render("rejected", context.rejectedPage()))
            try output.write("records/index.html", theme.render("records", context.recordsIndexPage()))
        }
        try run("people") {
            let calendar = CalendarFeed(context: context, baseURL: workspace.settings.baseURL)
            let atom = AtomFeed(context: context, baseURL: workspace.settings.baseURL)
            for person in workspace.people {
                try output.write("people/\(person.id).html", theme.render("person", context.personPage(person, rows: rows)))
                try output.write("feeds/\(person.id).ics", calendar.render(for: person))
                try output.write("feeds/\(person.id).atom", atom.render(for: person))
            }
        }
        let links = context.recordLinks
        let recordFailures = parallelMap(links) { link -> String? in
            let path = "records/\(link.type)/\(link.id).html"
            let fingerprint = fingerprints.records[link.key] ?? 0
            if output.isCurrent(path, fingerprint: fingerprint) { return nil }
            do {
                try output.write(path, theme.render("record", context.recordPage(link, rows: rows)), fingerprint: fingerprint)
                return nil
            } catch { return "\(error)" }
        }
        if let failure = recordFailures.compactMap({ $0 }).first { throw .stage("records", StringError(failure)) }
        clock.lap("lists", into: &report)

        progress?.start("pages", total: workspace.tasks.count)
        let failures = parallelMap(Array(workspace.tasks.indices)) { index -> String? in
            defer { progress?.advance() }
            let task = workspace.tasks[index]
            let fingerprint = fingerprints.tasks[index]
            let page = "tasks/\(task.id).html"
            let json = "api/tasks/\(task.id).json"
            // Both checked (each marks its file as kept when current).
            let pageIsCurrent = output.isCurrent(page, fingerprint: fingerprint)
            let jsonIsCurrent = output.isCurrent(json, fingerprint: fingerprint)
            if pageIsCurrent && jsonIsCurrent { return nil }
            do {
                var view = context.taskPage(index, root: "../")
                view["history"] = context.history(task.id, root: "../")
                try output.write(page, theme.render("task", context.page(title: task.title, root: "../", view)), fingerprint: fingerprint)
                try output.write(json, JSONWriter.canonical(api.taskDocument(index, detailsHTML: view["details_html"] as? String)),
                                 fingerprint: fingerprint)
                return nil
            } catch {
                return "\(error)"
            }
        }
        progress?.finish()
        if let failure = failures.compactMap({ $0 }).first { throw .stage("pages", StringError(failure)) }
        clock.lap("pages", into: &report)

        try run("assets") {
            for asset in theme.assets {
                try output.write("assets/" + asset.relative, FileSystem.readBytes(asset.source))
            }
        }
        try run("cleanup") {
            try output.removeStale()
            try output.saveManifest()
        }
        clock.lap("assets", into: &report)

        report.written = output.written
        report.unchanged = output.unchanged
        report.removed = output.removed
        return report
    }

    private func run(_ stage: String, _ body: () throws -> Void) throws(BuildError) {
        do { try body() } catch { throw .stage(stage, error) }
    }
}

struct StringError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
