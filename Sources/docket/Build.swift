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

    func run() throws {
        try runReporting {
            try SiteRun(workspace: workspace, site: site, output: output).render()
        }
    }
}

/// `docket render`: render only, leaving the queue alone.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render the site without applying the queue.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            try SiteRun(workspace: workspace, site: site, output: output).render()
        }
    }
}

/// The render stage shared by `build` and `render`.
struct SiteRun {
    let workspace: WorkspaceOptions
    let site: SiteOptions
    let output: OutputOptions

    func render() throws {
        let started = Progress.seconds()
        let now = try site.resolveNow()
        let theme = try site.loadTheme()
        let loaded = WorkspaceLoader.load(workspace.workspace)
        let loadTime = Progress.seconds() - started
        if Console.report(loaded.diagnostics, warnings: !output.quiet) {
            throw CLIError("error: the workspace has errors (above); fix them, or run 'docket validate' to list them again")
        }
        let builder = SiteBuilder(workspace: loaded.workspace, theme: theme, now: now, output: site.out,
                                  progress: Progress.forTerminal(quiet: output.quiet))
        let report: SiteBuilder.Report
        do { report = try builder.build() } catch { throw CLIError("error: \(error)") }
        if output.verbose {
            for (stage, seconds) in [("load", loadTime)] + report.stageTimes {
                Console.error("  " + stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
        }
        if !output.quiet {
            let elapsed = String(format: "%.2f", Progress.seconds() - started)
            Console.error("Rendered \(loaded.workspace.tasks.count) tasks into \(site.out)/ "
                + "(\(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed) in \(elapsed) s")
        }
    }
}
