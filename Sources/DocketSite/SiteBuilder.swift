import DocketCore

/// Renders a workspace into a site folder (SPEC §3) as an ordered list of
/// named stages. Pages are rendered and written on every core; the output
/// never depends on which thread finished first.
public struct SiteBuilder {
    public struct Report: Sendable {
        public var pages = 0
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
    let theme: Theme
    let now: Instant
    let outputRoot: String
    let progress: Progress?

    public init(workspace: Workspace, theme: Theme, now: Instant, output: String, progress: Progress? = nil) {
        self.workspace = workspace
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

        let context = SiteContext(workspace: workspace, now: now)
        clock.lap("compute", into: &report)

        try run("api") { try APIWriter(context: context, output: output).writeAll() }
        clock.lap("api", into: &report)

        let theme = self.theme
        try run("overview") { try output.write("index.html", theme.render("index", context.overview())) }
        try run("people") {
            for person in workspace.people {
                try output.write("people/\(person.id).html", theme.render("person", context.personPage(person)))
            }
        }
        clock.lap("overview", into: &report)

        let progress = self.progress
        progress?.start("pages", total: workspace.tasks.count)
        let failures = parallelMap(Array(workspace.tasks.indices)) { index -> String? in
            defer { progress?.advance() }
            let task = context.workspace.tasks[index]
            do {
                let html = try theme.render("task", context.page(title: task.title, root: "../", context.taskPage(index, root: "../")))
                try output.write("tasks/\(task.id).html", html)
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
        try run("cleanup") { try output.removeStale() }
        clock.lap("assets", into: &report)

        report.pages = workspace.tasks.count + workspace.people.count + 1
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
