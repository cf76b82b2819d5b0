import ArgumentParser
import DocketCore
import Foundation

/// `docket generate`: a realistic workspace of any size, for benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic, deterministic workspace with N tasks (for benchmarks and tests).",
        discussion: "Example: docket generate --tasks 100000 --seed 7 bench/100k"
    )
    @Option(help: "How many tasks.") var tasks: Int
    @Option(help: "Random seed; the same seed, size and --now give the same files.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The instant dues are spread around (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?
    @Option(help: "How many edits to leave queued (default: 1 per 100 tasks, at most 100).") var queued: Int?
    @Argument(help: "The folder to create.") var directory: String

    func run() throws {
        try runReporting {
            guard tasks >= 0 else { throw CLIError("error: --tasks must be 0 or more") }
            if FileSystem.exists(directory) && !FileSystem.list(directory, followingLinks: true).isEmpty {
                throw CLIError("\(directory): error: the folder exists and is not empty; generate into a new folder")
            }
            let instant = try resolveInstant(now)
            let started = Progress.seconds()
            do {
                try WorkspaceGenerator(tasks: tasks, seed: seed, now: instant, queued: queued).write(to: directory)
            } catch let error as FileError { throw CLIError(error.description) }
            Console.error("Generated \(tasks) tasks in \(directory)/ in \(String(format: "%.1f", Progress.seconds() - started)) s")
        }
    }
}
