import Foundation

/// Edits written by docket itself (`docket add`, `done`, `import`, …): given
/// a fresh id, checked against the workspace and the queue before they are
/// written, and saved in canonical form under `queue/`.
public struct EditDraft {
    public let root: String
    public let now: Instant

    public init(workspace root: String, now: Instant) {
        self.root = root
        self.now = now
    }

    /// A new edit id: the time, then 80 random bits, like any ULID.
    public static func freshID(at instant: Instant) -> String {
        var generator = SystemRandomNumberGenerator()
        return "edit_" + ULID.make(milliseconds: UInt64(max(0, instant.milliseconds)),
                                   entropy: (generator.next(), generator.next()))
    }

    /// The person whose email is `git config user.email` in the workspace.
    public static func actorFromGit(workspace root: String, people: [Person]) -> Result<String, EditError> {
        let email = Git.config("user.email", in: root) ?? ""
        if email.isEmpty {
            return .failure(.validation("cannot tell who you are: pass --actor PERSON, or set your email with "
                + "'git config user.email you@example.com' to the email of a person in people.json"))
        }
        guard let person = people.first(where: { $0.email?.lowercased() == email.lowercased() }) else {
            return .failure(.validation("git's user.email is '\(email)', which is nobody's in people.json; "
                + "pass --actor PERSON or set 'git config user.email' to your email there"))
        }
        return .success(person.id)
    }

    /// The workspace with everything already queued applied in memory:
    /// what a new edit is checked against, and where its task is looked up.
    public func engineWithQueue(_ workspace: Workspace) -> EditEngine {
        var engine = EditEngine(workspace: workspace, journalIDs: Journal.appliedIDs(root),
                                rejectedIDs: Journal.rejectedIDs(root))
        engine.apply(EditQueue.load(workspace: root, now: now))
        return engine
    }

    /// What would happen to `edits` if applied after everything already queued.
    public func check(_ edits: [Edit], after queued: EditEngine) -> [EditEngine.Result] {
        var engine = queued
        let before = engine.results.count
        for edit in edits { engine.apply(.edit(edit)) }
        return engine.results[before...].map(\.result)
    }

    /// Writes an edit to `queue/`, named so people can tell queued files apart.
    @discardableResult
    public func write(_ edit: Edit, name: String) throws(FileError) -> String {
        let path = "queue/\(name).json"
        try FileSystem.writeAtomically(root + "/" + path, JSONWriter.canonical(edit.json))
        return path
    }

    /// `20260318-140000-task.create-call-ada`: sortable, readable, and unique enough.
    public func fileName(for edit: Edit, label: String) -> String {
        let (date, time) = Zone.utc.local(edit.at)
        let stamp = String(format: "%04d%02d%02d-%02d%02d", date.year, date.month, date.day, time.hour, time.minute)
        let slug = label.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" }
        let compact = String(slug).split(separator: "-").prefix(6).joined(separator: "-")
        return "\(stamp)-\(edit.op.rawValue)-\(compact.isEmpty ? "edit" : compact)-\(edit.ulid.suffix(6).lowercased())"
    }
}
