/// Kasar's task stats, over any set of tasks (`api/stats.json`).
public struct Stats: Sendable, Equatable {
    public var total = 0
    public var completed = 0
    public var completedToday = 0
    public var remainingToday = 0
    public var overdue = 0
    public var thisWeek = 0

    public init() {}

    public mutating func add(_ task: Task, _ timing: Timing) {
        total += 1
        if task.status == .completed { completed += 1 }
        if timing.isCompletedToday { completedToday += 1 }
        if task.isOpen && timing.isDueToday { remainingToday += 1 }
        if timing.isOverdue { overdue += 1 }
        if timing.isThisWeek { thisWeek += 1 }
    }

    /// completed × 100 / total, rounded half up; 0 without tasks.
    public var completionRate: Int {
        total == 0 ? 0 : (completed * 200 + total) / (2 * total)
    }

    /// `{"total", "completedToday", "remainingToday", "overdue", "thisWeek", "completionRate"}`.
    public var json: JSONValue {
        .object([
            "completedToday": .int(completedToday),
            "completionRate": .int(completionRate),
            "overdue": .int(overdue),
            "remainingToday": .int(remainingToday),
            "thisWeek": .int(thisWeek),
            "total": .int(total),
        ])
    }
}

/// A person's badge (il's badge count): open tasks assigned to them that are due
/// today or overdue, each counted once.
public struct Badge: Sendable, Equatable {
    public var count = 0
    public init() {}

    public mutating func add(_ task: Task, _ timing: Timing) {
        if task.isOpen && timing.needsAttention { count += 1 }
    }

    public var json: JSONValue { .object(["count": .int(count)]) }
}

/// Stats for the whole workspace and for each person, in one pass over the tasks.
public struct StatsReport: Sendable {
    public var overall = Stats()
    public var byPerson: [String: Stats] = [:]
    public var badges: [String: Badge] = [:]

    public init(tasks: [Task], timings: [Timing], people: [Person]) {
        for person in people {
            byPerson[person.id] = Stats()
            badges[person.id] = Badge()
        }
        // By index: zipping the arrays would retain each task's box for nothing.
        for index in tasks.indices {
            let timing = timings[index]
            overall.add(tasks[index], timing)
            for assignee in tasks[index].assignees where byPerson[assignee] != nil {
                byPerson[assignee]!.add(tasks[index], timing)
                badges[assignee]!.add(tasks[index], timing)
            }
        }
    }
}
