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
            try SiteRun(workspace: workspace, site: site, output: output, lock: lock).run(applyQueue: true)
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
            try SiteRun(workspace: workspace, site: site, output: output, lock: lock).run(applyQueue: false)
        }
    }
}

/// Apply (or only recover) and then render: shared by `build` and `render`.
struct SiteRun {
    let workspace: WorkspaceOptions
    let site: SiteOptions
    let output: OutputOptions
    let lock: LockOptions

    func run(applyQueue: Bool) throws {
        let started = Progress.seconds()
        let now = try site.resolveNow()
        let theme = try site.loadTheme()
        let held = try lock.acquire(workspace.workspace, quiet: output.quiet)
        let report = try QueueStage(workspace: workspace.workspace, now: now, output: output, readsCache: !site.noCache)
            .run(applyQueue: applyQueue)
        let loadTime = Progress.seconds() - started
        let activity = Activity.load(workspace.workspace)
        Console.report(activity.problems, warnings: !output.quiet)
        let builder = SiteBuilder(workspace: report.workspace, activity: activity, theme: theme, now: now, output: site.out,
                                  cacheDirectory: InputCache.directory(of: workspace.workspace),
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
        }
    }
}
