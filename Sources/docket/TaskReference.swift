import DocketCore

/// A task named on the command line: its full id or a unique suffix of six
/// or more characters (its short id), in any case.
func resolveTask(_ text: String, in workspace: Workspace) throws(CLIError) -> Task {
    let shown = Quoted.text(text, limit: 60)
    switch ShortIDs.resolve(text, among: workspace.tasks.lazy.map(\.id)) {
    case .found(let id):
        guard let task = workspace.task(id) else { throw CLIError("error: no task '\(shown)'") }
        return task
    case .tooShort:
        throw CLIError("error: task '\(shown)' is too short; give its short id (\(ShortIDs.minimumLength) or more characters, "
            + "as 'docket list' shows) or its full id")
    case .notFound:
        throw CLIError("error: no task '\(shown)'; 'docket list --mode all' shows every task with its short id")
    case .ambiguous(let ids):
        let listed = ids.prefix(10).map { "  \($0)  \(workspace.task($0).map { Quoted.text($0.title, limit: 60) } ?? "")" }
        throw CLIError("error: '\(shown)' is the end of \(ids.count) task ids; give more characters:\n" + listed.joined(separator: "\n"))
    }
}
