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
            try PipelineRun(workspace: workspace, now: now, site: nil, output: output, lock: lock).run(.apply)
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
