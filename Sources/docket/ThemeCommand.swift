import ArgumentParser
import DocketCore
import DocketSite
import Foundation

/// `docket theme export DIR`: the shipped theme as files, to start a custom one.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the site's theme (its Mustache templates and assets).",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the shipped theme into a folder, to start a custom theme.",
            discussion: """
                The theme is built into docket, so an installed docket needs no files beside it. Export it, \
                keep only the files you change, and render with 'docket build --templates DIR': each file \
                there replaces the shipped file of the same path.
                """
        )
        @Argument(help: "The folder to write (created if needed).") var directory: String
        @Flag(help: "Replace files that already exist in the folder.") var force = false

        func run() throws {
            try runReporting {
                let files = Theme.shippedFiles
                let existing = files.map { directory + "/" + $0.path }.filter { FileSystem.exists($0) }
                if !existing.isEmpty && !force {
                    throw CLIError("error: \(existing[0]) already exists (\(existing.count) of the theme's \(files.count) files do); "
                        + "nothing was written. Pass --force to replace them")
                }
                for file in files {
                    let path = directory + "/" + file.path
                    do throws(FileError) {
                        try FileSystem.createDirectory(FileSystem.parent(of: path))
                        try FileSystem.writeAtomically(path, file.text)
                    } catch { throw CLIError(error.description) }
                }
                Console.print("Wrote \(files.count) files of the shipped theme into \(directory)/")
                Console.error("Change what you like, delete what you keep as is, then: docket build --templates \(directory)")
            }
        }
    }
}
