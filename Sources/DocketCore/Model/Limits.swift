/// The bounds every stored and edited value is held to, so that arithmetic
/// on input never overflows and no value can make a page enormous.
public enum Limits {
    /// Ten years of minutes: the most a count or offset added to a date may be.
    public static let offsetMinutes = 10 * 366 * 24 * 60
    /// Integers JSON tools agree on (±2^53).
    public static let integer = 1 << 53
    /// The workspace's, a person's or a record's name.
    public static let nameCharacters = 200
    public static let titleCharacters = 500
    public static let tagCharacters = 128
    /// Details and comments, in bytes (1 MiB).
    public static let textBytes = 1 << 20
    /// Assignees, links, tags or subscribers on one task.
    public static let listItems = 100

    /// What in a task is over a limit: (field, message naming the limit and the size found).
    public static func problems(_ task: Task) -> [(field: String, message: String)] {
        var found: [(String, String)] = []
        if task.title.count > titleCharacters {
            found.append(("title", "Field 'title' has \(task.title.count) characters; the most is \(titleCharacters)"))
        }
        for (field, count) in [("assignees", task.assignees.count), ("links", task.links.count),
                               ("subscribers", task.subscribers.count)] where count > listItems {
            found.append((field, "Field '\(field)' has \(count) entries; the most is \(listItems)"))
        }
        for field in Task.plainFields {
            if let value = field.get(task), let problem = field.problem(value) { found.append((field.key, problem)) }
        }
        if let details = task.details, details.utf8.count > textBytes {
            found.append(("details", "The details are \(details.utf8.count) bytes; the most is \(textBytes) (1 MiB)"))
        }
        return found
    }

    /// A comment's text over 1 MiB, as a message; nil within the limit.
    public static func commentProblem(_ content: String) -> String? {
        content.utf8.count > textBytes ? "Field 'content' is \(content.utf8.count) bytes; the most is \(textBytes) (1 MiB)" : nil
    }
}
