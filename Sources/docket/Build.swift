import ArgumentParser
import DocketCore
import DocketSite
import Foundation

/// `docket build`: the main job. Applies the queue, then renders the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply queued edits, then render the site (HTML pages and JSON) into --out."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lock: LockOptions

    func run() throws {
        try runReporting {
            try SiteRun(workspace: workspace, site: site, output: output, lock: lock).run(.apply)
        }
    }
}

/// `docket preview`: the site as it will look once the queue is applied.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the site with the queued edits applied in memory; no workspace file changes.",
        discussion: """
            Shows what the site will look like once the queue is applied (by your CI job, or by 'docket build').             The queue, the tasks and the journal stay as they are, so you commit only your queue files.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lock: LockOptions

    func run() throws {
        try runReporting {
            try SiteRun(workspace: workspace, site: site, output: output, lock: lock).run(.preview)
        }
    }
}

/// `docket render`: render only, leaving the queue alone.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render the site without applying the queue.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lock: LockOptions

    func run() throws {
        try runReporting {
            try SiteRun(workspace: workspace, site: site, output: output, lock: lock).run(.loadOnly)
        }
    }
}

/// Apply (or only recover) and then render: shared by `build` and `render`.
struct SiteRun {
    let workspace: WorkspaceOptions
    let site: SiteOptions
    let output: OutputOptions
    let lock: LockOptions

    func run(_ mode: QueueRunner.Mode) throws {
        let started = Progress.seconds()
        let now = try site.resolveNow()
        let theme = try site.loadTheme()
        let root = workspace.root
        let held = try lock.acquire(root, quiet: output.quiet)
        let report = try QueueStage(workspace: root, now: now, output: output, readsCache: !site.noCache).run(mode)
        let loadTime = Progress.seconds() - started
        var activity = Activity.load(root)
        if mode == .preview { activity.merge(report.changes) }
        Console.report(activity.problems, warnings: !output.quiet)
        let builder = SiteBuilder(workspace: report.workspace, activity: activity, theme: theme, now: now, output: site.out,
                                  cacheDirectory: InputCache.directory(of: root),
                                  reusesPrevious: !site.noCache, progress: Progress.forTerminal(quiet: output.quiet))
        let built: SiteBuilder.Report
        do { built = try builder.build() } catch { throw CLIError("error: \(error)") }
        withExtendedLifetime(held) {}
        if output.verbose {
            for (stage, seconds) in [("load+apply", loadTime)] + built.stageTimes {
                Console.error("  " + stage.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
        }
        if !output.quiet {
            let elapsed = String(format: "%.2f", Progress.seconds() - started)
            Console.error("Rendered \(report.workspace.tasks.count) tasks into \(site.out)/ "
                + "(\(built.written) files written, \(built.unchanged) unchanged, \(built.removed) removed; "
                + "\(built.rowsRendered) task rows rendered) in \(elapsed) s")
            if mode == .preview {
                Console.error("This is a preview: \(report.applied) queued edit(s) shown as applied; no workspace file changed. "
                    + "Open file://\(absolutePath(site.out))/index.html")
            }
        }
    }
}
