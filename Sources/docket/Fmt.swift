import ArgumentParser
import DocketCore

/// `docket fmt`: canonical layout for every workspace JSON file.
struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite workspace JSON files in canonical form (sorted keys, two-space indent, trailing newline).",
        discussion: "With --check nothing is written; the files that are not canonical are listed and the exit status is 1."
    )

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "List files that are not canonical and exit 1 if there are any; change nothing.")
    var check = false

    func run() throws {
        guard FileSystem.isDirectory(workspace.root) else {
            Console.error("\(workspace.root): error: workspace directory does not exist")
            throw ExitCode.failure
        }
        let outcome = Formatter.run(workspace: workspace.root, checkOnly: check)
        Console.report(outcome.diagnostics)
        for path in outcome.changed {
            Console.print(check ? path : "formatted \(path)")
        }
        if check && !outcome.changed.isEmpty {
            if !output.quiet { Console.error("\(outcome.changed.count) file(s) not in canonical form; run 'docket fmt'") }
            throw ExitCode.failure
        }
        if !outcome.diagnostics.isEmpty { throw ExitCode.failure }
    }
}
