/// Checks every queued edit as an apply would, in the same order, without
/// writing anything: its JSON, its op, its fields in every accepted dialect,
/// the ids it names and its actor. For `docket validate` in a pre-commit
/// hook, so a broken edit is caught before it is pushed.
public enum QueueCheck {
    public static func problems(_ root: String, workspace: Workspace, now: Instant) -> [Diagnostic] {
        let queue = EditQueue.load(workspace: root, now: now)
        var engine = EditEngine(workspace: workspace, journalIDs: Journal.appliedIDs(root), rejectedIDs: Journal.rejectedIDs(root))
        var problems = queue.skipped
        for item in queue.items {
            engine.apply(item)
            guard case .rejected(let error)? = engine.results.last?.result else { continue }
            problems.append(diagnostic(file: item.file, error))
        }
        return problems
    }

    /// A JSON syntax error already says `file:line:col: message`; keep its position.
    static func diagnostic(file: String, _ error: EditError) -> Diagnostic {
        let prefix = file + ":"
        if error.code == .invalidJSON, error.message.hasPrefix(prefix) {
            let parts = error.message.dropFirst(prefix.count).split(separator: ":", maxSplits: 2)
            if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) {
                return Diagnostic(.error, path: file, line: line, column: column,
                                  message: "INVALID_JSON: " + parts[2].trimmingCharacters(in: .whitespaces))
            }
        }
        return Diagnostic(.error, path: file, message: "\(error.code.rawValue): \(error.message)")
    }
}
