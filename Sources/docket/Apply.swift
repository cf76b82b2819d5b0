import ArgumentParser
import DocketCore
import Foundation

/// `docket apply`: apply the queue, render nothing.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the queued edits in queue/: applied ones move to journal/, failed ones to rejected/.",
        discussion: "Safe to interrupt at any moment: the next run finishes the work exactly once."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var lock: LockOptions

    @Option(help: ArgumentHelp("The time of edits that give no 'at' (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    func run() throws {
        try runReporting {
            let instant = try resolveInstant(now)
            let held = try lock.acquire(workspace.root, quiet: output.quiet)
            _ = try QueueStage(workspace: workspace.root, now: instant, output: output).run(.apply)
            withExtendedLifetime(held) {}
        }
    }
}

/// `--lock-timeout`: how long to wait for another docket on the same workspace.
struct LockOptions: ParsableArguments {
    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp("Seconds to wait for another docket working on the same workspace.", valueName: "seconds"))
    var lockTimeout: Double = 120

    func acquire(_ root: String, quiet: Bool) throws -> WorkspaceLock {
        guard FileSystem.isDirectory(root) else { throw CLIError("\(root): error: workspace directory does not exist") }
        do {
            return try WorkspaceLock(workspace: root, timeout: lockTimeout) { message in
                if !quiet { Console.error(message) }
            }
        } catch { throw CLIError(error.description) }
    }
}

/// Recover, load, apply, and say what happened to every queued file.
struct QueueStage {
    let workspace: String
    let now: Instant
    let output: OutputOptions
    var readsCache = true

    func run(_ mode: QueueRunner.Mode) throws -> QueueRunner.Report {
        let report: QueueRunner.Report
        let progress = Progress.forTerminal(quiet: output.quiet)
        let runner = QueueRunner(workspace: workspace, now: now, progress: progress, readsCache: readsCache)
        do { report = try runner.run(mode) } catch {
            throw CLIError(error.description)
        }
        if output.verbose { Console.reportInputCache(report.reusedFiles) }
        if report.recovered && !output.quiet {
            Console.error("finished the changes of an interrupted run")
        }
        if report.pendingRecovery {
            Console.error("warning: an interrupted apply is waiting in \(workspace)/.docket/; 'docket apply' or 'docket build' finishes it")
        }
        if Console.report(report.diagnostics, warnings: !output.quiet) {
            throw CLIError("error: the workspace has errors (above); nothing was applied or rendered. Fix them, or run 'docket validate' to list them again")
        }
        let preview = mode == .preview
        for (file, id, result) in report.results {
            switch result {
            case .rejected(let error) where preview:
                Console.error("\(file): would be rejected: \(error.code.rawValue): \(error.message)")
            case .rejected(let error):
                Console.error("\(file): rejected: \(error.code.rawValue): \(error.message) (kept as rejected/\(id).json)")
            case .applied(let outcome):
                if output.verbose { Console.error("\(file): \(outcome.action.rawValue) \(outcome.task) (version \(outcome.version))") }
            }
        }
        if !output.quiet && !report.results.isEmpty && !preview {
            Console.error("Applied \(report.applied) edit(s), rejected \(report.rejected).")
        }
        return report
    }
}
