import ArgumentParser
import DocketCore
import DocketSite
import Foundation

/// `--workspace DIR`, shared by every subcommand.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The workspace folder. Default: the nearest folder at or above the current one that holds workspace.json, else ./data.",
        valueName: "dir"))
    var workspace: String?

    /// The folder the command works on (see `WorkspaceLocator`).
    var root: String { WorkspaceLocator.locate(explicit: workspace) }
}

/// `--out`, `--templates`, `--now`: what a render needs.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var out: String = "public"

    @Option(name: .long, help: ArgumentHelp("A folder whose files replace the shipped theme's files of the same name.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("The instant to compute the site at (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?

    @Flag(name: .long, help: "Read every file and render every page and row again, ignoring what earlier runs kept (fingerprints in the site folder; decoded files, rows and the site's folder stamps in the workspace's .docket/cache/).")
    var noCache = false

    /// The theme compiled into docket, with `--templates` files on top.
    func loadTheme() throws -> Theme {
        do throws(Theme.LoadError) { return try Theme(override: templates) } catch { throw CLIError(error.description) }
    }
}

/// `--quiet` and `--verbose`.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false
}

/// The instant a command works at: `--now`, else SOURCE_DATE_EPOCH, else the clock.
func resolveInstant(_ option: String?) throws(CLIError) -> Instant {
    do throws(NowResolver.InvalidNow) { return try NowResolver.resolve(option: option) } catch { throw CLIError(error.description) }
}

/// An error already phrased for the user; printed once, exit 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// The message with "error:" exactly once: a library error that already
    /// names its path (`path: error: …`) loses the CLI's own prefix.
    var saidOnce: String {
        let count = description.components(separatedBy: "error:").count - 1
        if count == 0 { return "error: " + description }
        if count > 1 && description.hasPrefix("error: ") { return String(description.dropFirst("error: ".count)) }
        return description
    }
}

enum Console {
    /// Every message to stderr goes through here: input quoted in a message
    /// cannot drive the terminal.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((Quoted.text(text, keepingNewlines: true, limit: .max) + "\n").utf8))
    }

    static func print(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// The `--verbose` line saying how much of the workspace came from the input cache.
    static func reportInputCache(_ reusedFiles: (reused: Int, of: Int)?) {
        guard let (reused, total) = reusedFiles else { return }
        error("  inputs: \(reused) of \(total) files decoded from the cache (.docket/cache/inputs)")
    }

    /// The `--verbose` lines: each stage and the seconds it took.
    static func reportStages(_ times: [(String, Double)]) {
        for (stage, seconds) in times {
            error("  " + stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
        }
    }

    /// Prints diagnostics to stderr; returns whether any was an error.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], warnings: Bool = true) -> Bool {
        var lines = ""
        for diagnostic in diagnostics where warnings || diagnostic.severity == .error {
            lines += Quoted.text(diagnostic.description, keepingNewlines: true, limit: .max) + "\n"
        }
        if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
        return diagnostics.contains { $0.severity == .error }
    }
}

extension ParsableCommand {
    /// Runs `body`, printing a `CLIError` plainly instead of with usage help.
    func runReporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Console.error(error.saidOnce)
            throw ExitCode.failure
        }
    }
}
