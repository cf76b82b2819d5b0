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

    public init(name: String) { self.name = name }
}
