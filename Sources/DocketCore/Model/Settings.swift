/// `workspace.json`: the name, the time zone that defines "today", and the
/// list of task types.
public struct Settings: Sendable {
    public static let defaultTypes = ["todo", "call", "email", "meeting", "linkedin_message",
                                      "linkedin_connection", "whatsapp_message", "other"]

    public var name: String
    public var zone: Zone = .utc
    public var weekStartsOn: Weekday = .monday
    public var baseURL: String?
    public var commentEditWindowMinutes: Int = 15
    public var types: [String] = Settings.defaultTypes
    /// Where the workspace lives in git, for the site's edit links.
    public var repository: Repository?
    /// An edit applies only when git says its actor committed it.
    public var verifyActors = false

    public init(name: String) { self.name = name }
}

/// `"repository": {"url", "branch", "path"}` in workspace.json.
public struct Repository: Sendable, Equatable {
    /// An http(s) address of a GitHub, GitLab or Gitea/Forgejo repository.
    public var url: String
    public var branch: String = "main"
    /// The workspace folder inside the repository; empty at its root.
    public var path: String = ""

    public init(url: String) { self.url = url }
}
