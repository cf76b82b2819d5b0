import ArgumentParser
import DocketCore
import Foundation

/// Loads the workspace for a read-only query and fixes the instant.
struct QueryContext {
    let workspace: Workspace
    let day: DayContext

    init(workspace root: String, now: String?) throws {
        let instant = try resolveInstant(now)
        let loaded = WorkspaceLoader.load(root, cache: InputCache(workspace: root))
        if Console.report(loaded.diagnostics, warnings: false) {
            throw CLIError("error: the workspace has errors (above); run 'docket validate' for the full list")
        }
        workspace = loaded.workspace
        day = DayContext(now: instant, settings: loaded.workspace.settings)
    }

    func person(_ id: String) throws -> Person {
        guard let person = workspace.peopleByID[id] ?? workspace.people.first(where: { $0.email?.lowercased() == id.lowercased() }) else {
            throw CLIError("error: no person '\(id)' in people.json; people: \(workspace.people.map(\.id).joined(separator: ", "))")
        }
        return person
    }

    func dueText(_ task: DocketCore.Task) -> (String, TerminalTable.Color?) {
        guard let due = task.due else { return ("—", .dim) }
        let timing = day.timing(of: task)
        let days = day.dueDay(due).dayNumber - day.today.dayNumber
        var text: String
        switch days {
        case 0: text = "today"
        case 1: text = "tomorrow"
        case -1: text = "yesterday"
        case let d where d > 1: text = "in \(d)d"
        default: text = "\(-days)d ago"
        }
        if case .at(let instant) = due { text += " " + day.zone.localTime(of: instant).description }
        if timing.isOverdue { return (text, .red) }
        if timing.isDueToday && task.isOpen { return (text, .yellow) }
        return (text, nil)
    }
}

struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "dir"))
    var workspace: String = "data"
    @Option(help: ArgumentHelp("The instant to answer for (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?
    @Flag(help: "Print JSON for scripts.")
    var json = false
}
