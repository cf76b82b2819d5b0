import ArgumentParser
import DocketCore
import DocketSite
import Foundation

/// Loads the workspace for a read-only query and fixes the instant. By
/// default the queue is applied in memory, so what `docket add` just queued
/// shows up at once, marked as queued; `--committed` reads the files alone.
struct QueryContext {
    let root: String
    let workspace: Workspace
    let day: DayContext
    let shortIDs: ShortIDs
    /// Per task: what queued edits did to it (created, completed, …).
    let queued: [String: [String]]

    init(_ options: QueryOptions) throws {
        root = options.location.root
        let instant = try resolveInstant(options.now)
        let report: BuildPipeline.Outcome
        do throws(PipelineError) {
            report = try BuildPipeline(workspace: root, mode: options.committed ? .read : .query, now: instant).run()
        } catch {
            Console.report(error.diagnostics, warnings: false)
            throw CLIError(error.description + "; run 'docket validate' for the full list")
        }
        if report.pendingRecovery {
            Console.error("warning: an interrupted apply is waiting in \(root)/.docket/; 'docket apply' finishes it")
        }
        for (file, _, result) in report.results {
            if case .rejected(let error) = result {
                Console.error("warning: \(file) will be rejected when applied: \(error.code.rawValue): \(error.message)")
            }
        }
        workspace = report.workspace
        day = DayContext(now: instant, settings: report.workspace.settings)
        shortIDs = ShortIDs(workspace.tasks.map(\.id))
        queued = report.changedTasks
    }

    var zone: Zone { day.zone }

    func task(_ text: String) throws -> Task { try resolveTask(text, in: workspace) }

    func person(_ id: String) throws -> Person {
        guard let person = workspace.peopleByID[id] ?? workspace.people.first(where: { $0.email?.lowercased() == id.lowercased() }) else {
            throw CLIError("error: no person '\(Quoted.text(id, limit: 60))' in people.json; people: \(workspace.people.map(\.id).joined(separator: ", "))")
        }
        return person
    }

    func name(_ id: String) -> String { workspace.peopleByID[id]?.name ?? id }

    /// A time in the workspace zone, as pages show it.
    func time(_ instant: Instant) -> String { HumanTime.instant(instant, zone: zone) }

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
    @OptionGroup var location: WorkspaceOptions
    @Option(help: ArgumentHelp("The instant to answer for (RFC 3339). Default: SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var now: String?
    @Flag(help: "Answer for the committed files alone, without the queued edits.")
    var committed = false
    @Flag(help: "Print JSON for scripts.")
    var json = false
}
