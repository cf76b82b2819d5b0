import ArgumentParser
import DocketCore

/// docket: a git-native task tracker. Each subcommand is its own file.
@main
struct Docket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "A git-native task tracker: tasks as files, a static dashboard as output.",
        discussion: """
            A workspace is a folder of JSON and Markdown files (see docs/). `docket build` applies \
            the queued edits and renders the site; the other commands check, format and query it.
            """,
        version: DocketVersion.current,
        subcommands: [Init.self, Build.self, Preview.self, Apply.self, Render.self, Validate.self, Fmt.self,
                      Add.self, Update.self, Done.self, Reopen.self, Delete.self, CommentCommand.self,
                      Subscribe.self, Unsubscribe.self, Import.self,
                      List.self, Show.self, StatsCommand.self, BadgeCommand.self, ThemeCommand.self, TemplateCommand.self, Generate.self],
        defaultSubcommand: nil
    )
}
