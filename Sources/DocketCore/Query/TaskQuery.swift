import Foundation

/// The task APIs' list filters (status, priority, assignee, type, tag, linked
/// record, due range, modes, tabs, search) and multi-field sort, over a
/// workspace at one instant. Used by `docket list`; the site's task list
/// offers the same filters in the browser.
public struct TaskQuery: Sendable {
    /// Kasar's preset filters (modes).
    public enum Mode: String, Sendable, CaseIterable { case all, today, overdue, upcoming, completed }
    /// il's tabs, relative to one person.
    public enum Tab: String, Sendable, CaseIterable { case my, delegated, all }

    public enum SortField: String, Sendable, CaseIterable {
        case due, priority, status, title, type, created, updated, assignee
    }

    public var statuses: Set<TaskStatus> = []
    public var priorities: Set<Priority> = []
    public var assignee: String?
    public var types: Set<String> = []
    public var tag: String?
    public var link: Link?
    public var dueBefore: Instant?
    public var dueAfter: Instant?
    public var mode: Mode = .all
    public var tab: Tab?
    public var person: String?
    /// With a tab: also completed and cancelled tasks (il's `include_done`); open ones only otherwise.
    public var includeDone = false
    public var search: String?
    /// Kasar's advanced filters, on top of the single ones.
    public var filters: FilterGroup?
    /// Fields with direction (true = descending); ties broken by id.
    public var sort: [(SortField, Bool)] = [(.due, false)]
    public var limit: Int?

    public init() {}

    /// The assignee filter's value for tasks assigned to nobody.
    public static let unassigned = "unassigned"

    public func matches(_ task: Task, _ timing: Timing, workspace: Workspace) -> Bool {
        if !statuses.isEmpty && !statuses.contains(task.status) { return false }
        if !priorities.isEmpty && !priorities.contains(task.priority) { return false }
        if let assignee {
            // "unassigned" asks for tasks with nobody on them (unless someone has that id).
            let nobody = assignee == Self.unassigned && workspace.peopleByID[assignee] == nil
            if nobody ? !task.assignees.isEmpty : !task.assignees.contains(assignee) { return false }
        }
        if !types.isEmpty && !types.contains(task.type) { return false }
        if let tag, !task.tags.contains(tag) { return false }
        if let link, !task.links.contains(link) { return false }
        switch mode {
        case .all: break
        case .today: if !(task.isOpen && timing.isDueToday) { return false }
        case .overdue: if !timing.isOverdue { return false }
        case .upcoming: if !timing.isUpcoming { return false }
        case .completed: if task.status != .completed { return false }
        }
        if dueBefore != nil || dueAfter != nil {
            guard let due = task.due else { return false }
            let instant = Self.dueInstant(due, zone: workspace.settings.zone)
            if let dueBefore, !(instant < dueBefore) { return false }
            if let dueAfter, !(instant > dueAfter) { return false }
        }
        if let tab, let person {
            if !includeDone && !task.isOpen { return false }
            let assigned = task.assignees.contains(person)
            switch tab {
            case .my: if !assigned { return false }
            case .delegated: if !(task.createdBy == person && !assigned && !task.assignees.isEmpty) { return false }
            case .all: if !(assigned || task.createdBy == person || task.subscribers.contains(person)) { return false }
            }
        }
        if let filters, !filters.matches(task, zone: workspace.settings.zone) { return false }
        if let search, !search.isEmpty {
            let needle = search.lowercased()
            // The same fields the site's task list searches: title, tags, linked records, assignees.
            let haystack = ([task.title] + task.tags + task.links.map { workspace.record($0)?.name ?? $0.id }
                + task.assignees.map { workspace.peopleByID[$0]?.name ?? $0 }).joined(separator: " ").lowercased()
            if !haystack.contains(needle) { return false }
        }
        return true
    }

    /// Indices into `workspace.tasks` of the matching tasks, sorted and limited.
    public func run(_ workspace: Workspace, day: DayContext) -> [Int] {
        let zone = workspace.settings.zone
        var matched = workspace.tasks.indices.filter { matches(workspace.tasks[$0], day.timing(of: workspace.tasks[$0]), workspace: workspace) }
        let keys = sort
        // Titles compare by a key made once per task (see TitleOrder).
        var titleKeys: [[UInt8]] = []
        if keys.contains(where: { $0.0 == .title }) {
            titleKeys = Array(repeating: [], count: workspace.tasks.count)
            for index in matched { titleKeys[index] = TitleOrder.key(workspace.tasks[index].title) }
        }
        matched.sort { a, b in
            let x = workspace.tasks[a]
            let y = workspace.tasks[b]
            for (field, descending) in keys {
                // Tasks without the field come last in either direction.
                switch (Self.lacks(field, x), Self.lacks(field, y)) {
                case (true, false): return false
                case (false, true): return true
                case (true, true): continue
                case (false, false): break
                }
                let order = field == .title ? TitleOrder.compare(titleKeys[a], titleKeys[b])
                                            : Self.compare(field, x, y, zone: zone, workspace: workspace)
                if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            }
            return x.id < y.id
        }
        if let limit { matched = Array(matched.prefix(limit)) }
        return matched
    }

    /// When a due falls, as an instant: an all-day due counts from the start of its day.
    public static func dueInstant(_ due: Due, zone: Zone) -> Instant {
        switch due {
        case .at(let instant): instant
        case .allDay(let date): zone.startOfDay(date)
        }
    }

    /// Whether a task has no value to sort by (no due, no assignee).
    static func lacks(_ field: SortField, _ task: Task) -> Bool {
        switch field {
        case .due: task.due == nil
        case .assignee: task.assignees.isEmpty
        default: false
        }
    }

    /// Compares two tasks that both have the field.
    static func compare(_ field: SortField, _ x: Task, _ y: Task, zone: Zone, workspace: Workspace) -> ComparisonResult {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult { a < b ? .orderedAscending : (b < a ? .orderedDescending : .orderedSame) }
        switch field {
        case .due:
            guard let a = x.due, let b = y.due else { return .orderedSame }
            return order(dueInstant(a, zone: zone), dueInstant(b, zone: zone))
        case .priority: return order(x.priority.rank, y.priority.rank)  // low < normal < high < urgent
        case .status: return order(x.status, y.status)
        case .title: return TitleOrder.compare(TitleOrder.key(x.title), TitleOrder.key(y.title))
        case .type: return order(x.type, y.type)
        case .created: return order(x.createdAt, y.createdAt)
        case .updated: return order(x.updatedAt, y.updatedAt)
        case .assignee:
            let a = x.assignees.first.map { workspace.peopleByID[$0]?.name ?? $0 } ?? ""
            let b = y.assignees.first.map { workspace.peopleByID[$0]?.name ?? $0 } ?? ""
            return order(a, b)
        }
    }

    /// Parses `due,-priority` into sort keys; the failure names the bad field.
    public static func parseSort(_ text: String) -> Result<[(SortField, Bool)], EditError> {
        var keys: [(SortField, Bool)] = []
        for part in text.split(separator: ",") {
            let descending = part.hasPrefix("-")
            let name = descending ? String(part.dropFirst()) : String(part)
            guard let field = SortField(rawValue: name) else {
                return .failure(.validation("cannot sort by '\(name)'; use one of: \(SortField.allowedList), with '-' for descending"))
            }
            keys.append((field, descending))
        }
        return .success(keys)
    }

    /// Kasar's sort: `[{"field": "due", "direction": "asc"}, …]`. Nil when the
    /// text is not JSON (the single sort keys then apply, as Kasar does); an
    /// unknown field or direction is an error.
    public static func parseJSONSort(_ text: String) -> Result<[(SortField, Bool)], EditError>? {
        guard let node = try? JSONParser.parse(Array(text.utf8)), let list = node.arrayValue else { return nil }
        let aliases = ["created_at": "created", "updated_at": "updated", "assignees": "assignee", "due_at": "due", "due_date": "due"]
        var keys: [(SortField, Bool)] = []
        for item in list {
            guard let name = item["field"]?.stringValue, let field = SortField(rawValue: aliases[name] ?? name) else {
                return .failure(.validation("cannot sort by '\(Quoted.text(item["field"]?.stringValue ?? "?"))'; fields: \(SortField.allowedList)"))
            }
            let direction = item["direction"]?.stringValue ?? "asc"
            guard direction == "asc" || direction == "desc" else {
                return .failure(.validation("direction '\(Quoted.text(direction))' for '\(name)'; must be asc or desc"))
            }
            keys.append((field, direction == "desc"))
        }
        return .success(keys)
    }

    /// A date (start of that day in the workspace zone) or an RFC 3339 date-time.
    public static func parseBound(_ text: String, zone: Zone) -> Instant? {
        if let date = LocalDate(iso8601: text) { return zone.startOfDay(date) }
        return Instant(rfc3339: text)
    }
}
