import ArgumentParser
import DocketCore
import DocketSite
import Foundation

/// Runs the library's build pipeline for `build`, `apply`, `render` and
/// `preview`, and says what happened: every queued file's fate, warnings,
/// `--verbose` stage times, and one summary line.
struct PipelineRun {
    let workspace: WorkspaceOptions
    /// `--now`; the site options when the mode renders.
    let now: String?
    let site: SiteOptions?
    let output: OutputOptions
    let lock: LockOptions

    func run(_ mode: BuildPipeline.Mode) throws {
        let started = Progress.seconds()
        let root = workspace.root
        var pipeline = BuildPipeline(workspace: root, mode: mode, now: try resolveInstant(now))
        if let site, mode.stages.contains(.render) {
            pipeline.output = site.out
            pipeline.theme = try site.loadTheme()
        }
        pipeline.readsCache = !(site?.noCache ?? false)
        pipeline.progress = TerminalProgress.make(quiet: output.quiet)
        let held = try lock.acquire(root, quiet: output.quiet)
        let outcome: BuildPipeline.Outcome
        do throws(PipelineError) { outcome = try pipeline.run() } catch {
            Console.report(error.diagnostics, warnings: !output.quiet)
            throw CLIError(error.description)
        }
        withExtendedLifetime(held) {}
        report(outcome, mode: mode, root: root, seconds: Progress.seconds() - started)
    }

    private func report(_ outcome: BuildPipeline.Outcome, mode: BuildPipeline.Mode, root: String, seconds: Double) {
        Console.report(outcome.warnings, warnings: !output.quiet)
        if outcome.recovered && !output.quiet { Console.error("finished the changes of an interrupted run") }
        if outcome.pendingRecovery {
            Console.error("warning: an interrupted apply is waiting in \(root)/.docket/; 'docket apply' or 'docket build' finishes it")
        }
        let preview = mode == .preview
        for (file, id, result) in outcome.results {
            switch result {
            case .rejected(let error) where preview:
                Console.error("\(file): would be rejected: \(error.code.rawValue): \(error.message)")
            case .rejected(let error):
                Console.error("\(file): rejected: \(error.code.rawValue): \(error.message) (kept as rejected/\(id).json)")
            case .applied(let outcome):
                if output.verbose { Console.error("\(file): \(outcome.action.rawValue) \(outcome.task) (version \(outcome.version))") }
            }
        }
        if output.verbose {
            Console.reportInputCache(outcome.reusedFiles)
            Console.reportStages(outcome.stageTimes)
        }
        guard !output.quiet else { return }
        if !outcome.results.isEmpty && !preview {
            Console.error("Applied \(outcome.applied) edit(s), rejected \(outcome.rejected).")
        }
        if let built = outcome.site, let site {
            Console.error("Rendered \(outcome.workspace.tasks.count) tasks into \(site.out)/ "
                + "(\(built.written) files written, \(built.unchanged) unchanged, \(built.removed) removed; "
                + "\(built.rowsRendered) task rows rendered) in \(String(format: "%.2f", seconds)) s")
        }
        if preview, let site {
            Console.error("This is a preview: \(outcome.applied) queued edit(s) shown as applied; no workspace file changed. "
                + "Open file://\(absolutePath(site.out))/index.html")
        }
    }
}
