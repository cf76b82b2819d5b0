import Foundation

/// `docket init`: a new workspace in a folder, ready to commit. It checks
/// everything first and writes nothing when any file it would write exists.
public struct WorkspaceInitializer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Who the first admin is (from `git config`).
    public struct Admin: Sendable {
        public var id: String
        public var name: String
        public var email: String?

        public init(id: String, name: String, email: String?) {
            self.id = id
            self.name = name
            self.email = email
        }

        /// An id from an email's local part or a name: `jane.smith@x` → `jane.smith`.
        public static func id(name: String, email: String?) -> String {
            let source = email.flatMap { $0.split(separator: "@").first.map(String.init) } ?? name
            let cleaned = String(source.lowercased().unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_.-".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
            })
            let trimmed = String(cleaned.drop { !($0.isLetter || $0.isNumber) }.prefix(64))
            return Identifier.isValidName(trimmed) ? trimmed : "admin"
        }
    }

    public var directory: String
    public var name: String
    public var zone: Zone
    public var admin: Admin
    public var ci: CIWorkflow
    /// The repository root (the workflow goes there) and the workspace's path inside it.
    public var repositoryRoot: String
    public var workspaceInRepository: String
    public var branch: String

    public static let folders = ["tasks", "records", "comments", "queue", "journal", "rejected", "notifications"]
    /// For the repository's root `.gitignore`: docket's caches at any depth,
    /// CI's docket binary, and the site folder (`public/` where docket is run:
    /// the repository root, as CI does, or the workspace folder).
    var ignored: [String] {
        [".docket/", "/.docket-bin/", "/public/"] + (workspaceInRepository == "." ? [] : ["/\(workspaceInRepository)/public/"])
    }

    public init(directory: String, name: String, zone: Zone, admin: Admin, ci: CIWorkflow,
                repositoryRoot: String, workspaceInRepository: String, branch: String) {
        self.directory = directory
        self.name = name
        self.zone = zone
        self.admin = admin
        self.ci = ci
        self.repositoryRoot = repositoryRoot
        self.workspaceInRepository = workspaceInRepository
        self.branch = branch
    }

    /// Writes the workspace; returns the paths written, relative to `directory`
    /// (the workflow's relative to the repository root).
    public func run() throws(Failure) -> [String] {
        let workflowPath = ci.path.map { repositoryRoot + "/" + $0 }
        for path in [directory + "/workspace.json", directory + "/people.json"] + [workflowPath].compactMap({ $0 })
        where FileSystem.exists(path) || FileSystem.isSymbolicLink(path) {
            throw Failure(description: "\(path): error: already exists; docket init never overwrites a file. "
                + (path.hasSuffix("workspace.json") ? "This folder already holds a workspace" : "Move it away, or pass --ci none"))
        }
        var written: [String] = []
        func write(_ relative: String, _ text: String, root: String? = nil) throws(Failure) {
            let path = (root ?? directory) + "/" + relative
            do throws(FileError) {
                try FileSystem.createDirectory(FileSystem.parent(of: path))
                try FileSystem.writeAtomically(path, text)
            } catch { throw Failure(description: error.description) }
            written.append(relative)
        }
        try write("workspace.json", JSONWriter.canonical(settingsJSON))
        try write("people.json", JSONWriter.canonical(peopleJSON))
        for folder in Self.folders where !FileSystem.exists(directory + "/" + folder + "/.gitkeep") {
            try write(folder + "/.gitkeep", "")
        }
        try updateGitignore(&written)
        if let workflow = ci.path, let text = ci.text(workspace: workspaceInRepository, branch: branch) {
            try write(workflow, text, root: repositoryRoot)
            if workspaceInRepository != "." { written[written.count - 1] = repositoryRoot + "/" + workflow }
        }
        return written
    }

    var settingsJSON: JSONValue {
        .object([
            JSONMember(key: "comment_edit_window_minutes", value: JSONNode(.int(15))),
            JSONMember(key: "name", value: JSONNode(.string(name))),
            JSONMember(key: "timezone", value: JSONNode(.string(zone.identifier))),
            JSONMember(key: "types", value: JSONNode(.strings(["todo", "call", "email", "meeting", "linkedin_message",
                                                               "linkedin_connection", "whatsapp_message", "other"]))),
            JSONMember(key: "week_starts_on", value: JSONNode(.string("monday"))),
        ])
    }

    var peopleJSON: JSONValue {
        var person = [
            JSONMember(key: "id", value: JSONNode(.string(admin.id))),
            JSONMember(key: "name", value: JSONNode(.string(admin.name))),
        ]
        if let email = admin.email { person.append(JSONMember(key: "email", value: JSONNode(.string(email)))) }
        person.append(JSONMember(key: "role", value: JSONNode(.string("admin"))))
        return .array([JSONNode(.object(person))])
    }

    /// Adds the lines docket needs to `.gitignore`, keeping what is there.
    private func updateGitignore(_ written: inout [String]) throws(Failure) {
        let path = repositoryRoot + "/.gitignore"
        let existing = FileSystem.exists(path) ? ((try? FileSystem.readString(path)) ?? "") : ""
        let present = Set(existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ignored.filter { !present.contains($0) && !present.contains("/" + $0) }
        guard !missing.isEmpty else { return }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += "# docket: its local caches and the rendered site (CI publishes it)\n" + missing.joined(separator: "\n") + "\n"
        do throws(FileError) { try FileSystem.writeAtomically(path, text) } catch { throw Failure(description: error.description) }
        written.append(repositoryRoot == directory ? ".gitignore" : repositoryRoot + "/.gitignore")
    }
}
