/// What the decoders of one file may refer to: the people, records and tasks
/// of the workspace. Cross-file problems are reported while decoding, at the
/// position of the offending value, in the same pass.
public struct References: Sendable {
    public var settings: Settings
    public var people: [String: Person]
    public var recordKeys: Set<String>
    public var taskIDs: TaskIDs
    /// False when people.json itself is broken: then references to people are
    /// not checked, rather than reported once per task as unknown.
    public var peopleKnown = true

    public init(settings: Settings, people: [String: Person], recordKeys: Set<String> = [], taskIDs: TaskIDs = []) {
        self.settings = settings
        self.people = people
        self.recordKeys = recordKeys
        self.taskIDs = taskIDs
    }

    /// nil when `id` names a person, else the message for field `field`.
    public func unknownPerson(_ id: String, field: String) -> String? {
        peopleKnown && people[id] == nil ? "field '\(field)' names '\(id)', who is not in people.json" : nil
    }
}
