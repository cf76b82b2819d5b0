import ArgumentParser
import DocketCore
import Foundation

/// `docket stats [--person]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Task stats for everyone, or for one person.")
    @Option(help: "Only the tasks assigned to this person.") var person: String?
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            let tasks = context.workspace.tasks
            let report = StatsReport(tasks: tasks, timings: tasks.map { context.day.timing(of: $0) }, people: context.workspace.people)
            let stats = try person.map { report.byPerson[try context.person($0).id] ?? Stats() } ?? report.overall
            if options.json {
                Console.print(JSONWriter.canonical(stats.json), terminator: "")
                return
            }
            var table = TerminalTable(headers: ["STAT", "VALUE"])
            let rows: [(String, String, TerminalTable.Color?)] = [
                ("total", "\(stats.total)", nil), ("completedToday", "\(stats.completedToday)", .green),
                ("remainingToday", "\(stats.remainingToday)", stats.remainingToday > 0 ? .yellow : nil),
                ("overdue", "\(stats.overdue)", stats.overdue > 0 ? .red : nil), ("thisWeek", "\(stats.thisWeek)", nil),
                ("completionRate", "\(stats.completionRate)%", nil),
            ]
            for (label, value, color) in rows { table.rows.append([.init(label), .init(value, color)]) }
            Console.print(table.render(), terminator: "")
        }
    }
}

/// `docket badge PERSON`.
struct BadgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badge", abstract: "Open tasks assigned to a person that are due today or overdue.")
    @Argument(help: "A person id or email.") var person: String
    @OptionGroup var options: QueryOptions

    func run() throws {
        try runReporting {
            let context = try QueryContext(workspace: options.workspace, now: options.now)
            let id = try context.person(person).id
            var badge = Badge()
            for task in context.workspace.tasks where task.assignees.contains(id) { badge.add(task, context.day.timing(of: task)) }
            Console.print(options.json ? JSONWriter.canonical(badge.json) : "\(badge.count)", terminator: options.json ? "" : "\n")
        }
    }
}
