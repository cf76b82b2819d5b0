import ArgumentParser
import DocketCore
import Foundation

/// `docket stats [--person]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "How the tasks stand today, for everyone or for one person (--json: the keys of api/stats.json).")
    @Option(help: "Only the tasks assigned to this person (id or email).") var person: String?
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(options)
            let tasks = context.workspace.tasks
            let report = StatsReport(tasks: tasks, timings: tasks.map { context.day.timing(of: $0) }, people: context.workspace.people)
            let who = try person.map { try context.person($0) }
            let stats = who.map { report.byPerson[$0.id] ?? Stats() } ?? report.overall
            if options.json {
                Console.print(JSONWriter.canonical(stats.json), terminator: "")
                return
            }
            func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
            let scope = who.map { "assigned to \($0.name)" } ?? "in \(context.workspace.settings.name)"
            var lines = ["\(plural(stats.total, "task")) \(scope); \(stats.completionRate)% completed."]
            lines.append("Today (\(HumanTime.date(context.day.today))): \(stats.completedToday) completed, \(stats.remainingToday) still to do.")
            lines.append(stats.overdue == 0 ? "Nothing is overdue." : "\(plural(stats.overdue, "task")) overdue.")
            lines.append("\(plural(stats.thisWeek, "task")) due this week.")
            if !context.queued.isEmpty { lines.append("(Counting \(plural(context.queued.count, "task")) changed by queued edits.)") }
            Console.print(Quoted.text(lines.joined(separator: "\n"), keepingNewlines: true, limit: .max))
        }
    }
}

/// `docket badge PERSON`.
struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge", abstract: "How many open tasks assigned to a person are due today or overdue (their badge count).")
    @Argument(help: "A person id or email.") var person: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(options)
            let id = try context.person(person).id
            var badge = Badge()
            for task in context.workspace.tasks where task.assignees.contains(id) { badge.add(task, context.day.timing(of: task)) }
            Console.print(options.json ? JSONWriter.canonical(badge.json) : "\(badge.count)", terminator: options.json ? "" : "\n")
        }
    }
}
