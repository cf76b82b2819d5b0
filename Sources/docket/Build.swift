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
        try runReporting { try PipelineRun(workspace: workspace, now: site.now, site: site, output: output, lock: lock).run(.build) }
    }
}

/// `docket preview`: the site as it will look once the queue is applied.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the site with the queued edits applied in memory; no workspace file changes.",
        discussion: """
            Shows what the site will look like once the queue is applied (by your CI job, or by 'docket build'). \
            The queue, the tasks and the journal stay as they are, so you commit only your queue files.
            """
    )
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lock: LockOptions

    func run() throws {
        try runReporting { try PipelineRun(workspace: workspace, now: site.now, site: site, output: output, lock: lock).run(.preview) }
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
        try runReporting { try PipelineRun(workspace: workspace, now: site.now, site: site, output: output, lock: lock).run(.render) }
    }
}
