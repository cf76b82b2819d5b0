import ArgumentParser
import DocketCore

/// `docket validate`: every problem in every file, for pre-commit hooks and CI.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every workspace file and every queued edit; print problems as path:line:col: error: message.",
        discussion: "Exits 1 when there is any error. Warnings (such as links to records not in records/) do not fail."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Read and parse every file, ignoring the decoded files earlier runs kept in the workspace's .docket/cache/ (it is rewritten).")
    var noCache = false

    @Option(help: ArgumentHelp("The time queued edits without an 'at' are checked at (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    func run() throws {
        let started = Progress.seconds()
        let result = WorkspaceLoader.validate(workspace.root, progress: TerminalProgress.make(quiet: output.quiet),
                                              readingCache: !noCache, now: try resolveInstant(now))
        let failed = Console.report(result.diagnostics, warnings: !output.quiet)
        if output.verbose {
            Console.reportStages(result.stageTimes)
            Console.reportInputCache(result.reusedFiles)
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if !output.quiet {
            let tasks = result.validTasks
            let elapsed = String(format: "%.2f", Progress.seconds() - started)
            Console.error("\(workspace.root): \(errors) error(s), \(warnings) warning(s) in \(tasks) valid task(s) (\(elapsed) s)")
        }
        if failed { throw ExitCode.failure }
    }
}
