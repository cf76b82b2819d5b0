import DocketCore

/// Renders a workspace into a site folder (README, What you get) as an ordered list of
/// named stages. Pages are rendered and written on every core; the output
/// never depends on which thread finished first.
public struct SiteBuilder {
    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Task rows rendered by this build; the others came from the row cache.
        public var rowsRendered = 0
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
    /// Where rendered rows are kept between builds (`RowCache`); nil keeps nothing.
    let cacheDirectory: String?
    /// False: render everything, ignoring what earlier builds kept.
    let reusesPrevious: Bool
    /// The site folder when the caller already opened it (the pipeline's check stage).
    var opened: SiteOutput?

    public init(workspace: Workspace, activity: Activity = Activity(), theme: Theme, now: Instant, output: String,
                cacheDirectory: String? = nil, reusesPrevious: Bool = true, progress: Progress? = nil) {
        self.cacheDirectory = cacheDirectory
        self.reusesPrevious = reusesPrevious
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
        if let opened {
            output = opened
        } else {
            do { output = try SiteOutput(root: outputRoot, reusesPrevious: reusesPrevious) } catch { throw .stage("output", error) }
        }
        let theme = self.theme
        let workspace = self.workspace
        let progress = self.progress

        let context = SiteContext(workspace: workspace, now: now, activity: activity)
        clock.lap("compute", into: &report)
        // The task list's data for the browser, made on a thread of its own from here on (much
        // of it is serial: numbering, the title order), beside the stages that leave a core idle.
        let listData = BackgroundValue { ListData(context: context).files() }

        let api = APIWriter(context: context, output: output)
        let fingerprints = Fingerprints(context: context, theme: theme)
        try run("api") {
            try api.writeStats()
            try api.writeLists(fingerprints)
        }
        clock.lap("api", into: &report)

        let rows = RowFragments(context: context, theme: theme, fingerprints: fingerprints.rows,
                                cache: RowCache(directory: cacheDirectory, reading: reusesPrevious), progress: progress)
        defer { rows.finishSaving() }
        report.rowsRendered = rows.renderedCount
        clock.lap("rows", into: &report)

        let pages = theme.pages
        // The other lists and the task list's pages (index.html is page 1),
        // on every core in one set, a page at a time: the records index and
        // the overview are the largest, so they start first and the task
        // list's many small pages fill in beside them.
        let scripts = ListData.paths(taskCount: workspace.tasks.count).map { String($0.dropFirst("tasks/".count)) }
        let open = context.openByDue
        let taskList = context.taskList(open: open, dataScripts: scripts)
        var lists: [(path: String, render: @Sendable () -> [UInt8])] = [
            ("records/index.html", {
                pages.recordsIndex.renderUTF8(context.chrome(title: "Records", root: "../", section: "records"), context.recordsIndexPage())
            }),
            ("index.html", {
                pages.overview.renderUTF8(context.chrome(title: "Overview", root: "", section: "overview"), context.overview(rows))
            }),
            ("board.html", { pages.board.renderUTF8(context.chrome(title: "Board", root: "", section: "board"), context.boardPage()) }),
            ("rejected.html", {
                pages.rejected.renderUTF8(context.chrome(title: "Rejected edits", root: "", section: "rejected"), context.rejectedPage())
            }),
        ]
        for page in 1...taskList.pages {
            lists.append(("tasks/" + TaskListPage.path(page: page), {
                let title = page == 1 ? "Tasks" : "Tasks, page \(page)"
                let view = context.taskListPage(taskList, page: page, open: open, rows: rows)
                return pages.taskList.renderUTF8(context.chrome(title: title, root: "../", section: "tasks"), view)
            }))
        }
        try runEach("lists", lists, serialBelow: 2, pieces: lists.count) { list in
            try output.write(list.path, list.render())
        }
        try run("lists") {
            for file in listData.value() { try output.write(file.path, file.bytes) }
            try output.write("data/workspace.js", ActionData(workspace: workspace).script())
        }
        clock.lap("lists", into: &report)
        let calendar = CalendarFeed(context: context, baseURL: workspace.settings.baseURL)
        let atom = AtomFeed(context: context, baseURL: workspace.settings.baseURL)
        let tabs = context.personTabs()
        try runEach("people", workspace.people, serialBelow: 2) { person in
            let page = context.personPage(person, tabs: tabs[person.id] ?? .init(), rows: rows)
            let chrome = context.chrome(title: person.name, root: "../", section: "people")
            try output.write("people/\(person.id).html", pages.person.renderUTF8(chrome, page))
            let feed = "feeds/\(person.id).ics"
            let print = fingerprints.calendars[person.id] ?? 0
            if !output.isCurrent(feed, fingerprint: print) { try output.write(feed, calendar.render(for: person), fingerprint: print) }
            try output.write("feeds/\(person.id).atom", atom.render(for: person))
        }
        clock.lap("people", into: &report)
        let links = context.recordLinks
        try runEach("records", links) { link in
            let path = "records/\(link.type)/\(link.id).html"
            let fingerprint = fingerprints.records[link.key] ?? 0
            if output.isCurrent(path, fingerprint: fingerprint) { return }
            let page = context.recordPage(link, rows: rows)
            let chrome = context.chrome(title: page.record.name, root: "../../", section: "records", showsInstant: false)
            try output.write(path, pages.record.renderUTF8(chrome, page), fingerprint: fingerprint)
        }
        clock.lap("records", into: &report)

        progress?.start("pages", total: workspace.tasks.count)
        try runEach("pages", Array(workspace.tasks.indices)) { index in
            defer { progress?.advance() }
            let task = workspace.tasks[index]
            let fingerprint = fingerprints.tasks[index]
            let page = "tasks/\(task.id).html"
            let json = "api/tasks/\(task.id).json"
            let comments = context.commentsByTask[index].isEmpty ? nil : "api/tasks/\(task.id)/comments.json"
            // All checked (each marks its file as kept when current).
            let pageIsCurrent = output.isCurrent(page, fingerprint: fingerprint)
            let jsonIsCurrent = output.isCurrent(json, fingerprint: fingerprint)
            let commentsAreCurrent = comments.map { output.isCurrent($0, fingerprint: fingerprint) } ?? true
            if pageIsCurrent && jsonIsCurrent && commentsAreCurrent { return }
            let view = context.taskPage(index, root: "../")
            let chrome = context.chrome(title: task.title, root: "../", showsInstant: false)
            try output.write(page, pages.task.renderUTF8(chrome, context.taskSummary(index, root: "../"), view), fingerprint: fingerprint)
            let commentJSON = context.commentsByTask[index].map(api.commentJSON)
            try output.write(json, JSONWriter.canonicalBytes(api.taskDocument(index, detailsHTML: view.detailsHTML, comments: commentJSON)),
                             fingerprint: fingerprint)
            if let comments { try output.write(comments, JSONWriter.canonicalBytes(api.commentsDocument(commentJSON)), fingerprint: fingerprint) }
        }
        progress?.finish()
        clock.lap("pages", into: &report)

        try run("assets") {
            for asset in theme.assets {
                try output.write("assets/" + asset.relative, asset.bytes)
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

    /// `forEachInParallel`, its failure named after the stage.
    private func runEach<T: Sendable>(_ stage: String, _ items: [T], serialBelow: Int = 32, pieces: Int? = nil,
                                      _ body: @Sendable (T) throws -> Void) throws(BuildError) {
        do { try forEachInParallel(items, serialBelow: serialBelow, pieces: pieces, body) } catch { throw .stage(stage, error) }
    }
}

/// Runs `body` for every item on every core; afterwards throws the first
/// failure in input order (so the error reported does not depend on timing).
func forEachInParallel<T: Sendable>(_ items: [T], serialBelow: Int = 32, pieces: Int? = nil,
                                   _ body: @Sendable (T) throws -> Void) throws(StringError) {
    let failures = parallelMap(items, serialBelow: serialBelow, pieces: pieces) { item -> String? in
        do {
            try body(item)
            return nil
        } catch { return "\(error)" }
    }
    if let failure = failures.compactMap({ $0 }).first { throw StringError(failure) }
}

struct StringError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
