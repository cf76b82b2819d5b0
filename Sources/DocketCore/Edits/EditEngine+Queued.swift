extension EditEngine {
    /// Per task: what the applied edits did to it (created, completed, …), in
    /// order; read commands mark these tasks as still queued.
    public var changedTasks: [String: [String]] {
        var edits: [String: [String]] = [:]
        for (_, _, result) in results {
            if case .applied(let outcome) = result, outcome.action != .unchanged {
                edits[outcome.task, default: []].append(outcome.action.rawValue)
            }
        }
        return edits
    }
}
