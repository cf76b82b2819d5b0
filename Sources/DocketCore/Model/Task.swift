/// When a task is due: at an instant, or on a whole day in the workspace zone.
public enum Due: Sendable, Hashable {
    case at(Instant)
    case allDay(LocalDate)

    /// The stored text: RFC 3339 in UTC, or `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .at(let instant): instant.rfc3339
        case .allDay(let date): date.iso8601
        }
    }

    public init?(text: String) {
        if let date = LocalDate(iso8601: text) {
            self = .allDay(date)
        } else if let instant = Instant(rfc3339: text) {
            self = .at(instant)
        } else {
            return nil
        }
    }

    public var hasTime: Bool { if case .at = self { true } else { false } }
}

/// A reminder before a timed due, or at a time of day on an all-day due.
public enum Reminder: Sendable, Hashable {
    case offsetMinutes(Int)
    case time(LocalTime)
}

/// A task's link to a CRM record (`records/<type>/<id>.json`).
public struct Link: Sendable, Hashable, Comparable {
    public var type: String
    public var id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    public var key: String { type + "/" + id }

    public static func < (a: Link, b: Link) -> Bool { (a.type, a.id) < (b.type, b.id) }
}

/// One task: `tasks/<id>.json` plus its details from `tasks/<id>.md`.
public struct Task: Sendable, Equatable {
    public var id: String
    public var title: String
    public var status: TaskStatus = .pending
    public var priority: Priority = .normal
    public var type: String = "todo"
    public var due: Due?
    public var reminder: Reminder?
    public var assignees: [String] = []
    public var subscribers: [String] = []
    public var tags: [String] = []
    public var links: [Link] = []
    public var metadata: [JSONMember] = []
    public var createdAt: Instant
    public var createdBy: String
    /// The integration that created the task on `createdBy`'s behalf; it keeps the right to change it.
    public var createdVia: String?
    public var updatedAt: Instant
    public var completedAt: Instant?
    public var completedBy: String?
    public var version: Int = 1
    /// Markdown from `tasks/<id>.md`; not part of the JSON file.
    public var details: String?

    public init(id: String, title: String, createdAt: Instant, createdBy: String) {
        self.id = id
        self.title = title
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = createdAt
    }

    public var isOpen: Bool { status.isOpen }

    /// The plain fields, each declared once: the decoder, the canonical JSON,
    /// the input cache, the size limits and `task.update` read this table
    /// (`TaskField`). A new optional text, list, time or number goes here.
    public static let plainFields: [TaskField] = [
        // The edit engine sets these: completed_* with the status, created_via when an integration creates.
        .instant("completed_at", \.completedAt, { $0.completedAt }, editable: false),
        .text("completed_by", \.completedBy, { $0.completedBy }, namesPeople: true, editable: false),
        .text("created_via", \.createdVia, { $0.createdVia }, namesPeople: true, editable: false),
        .texts("tags", \.tags, { $0.tags }, itemCharacters: Limits.tagCharacters),
    ]

    /// The instant a reminder fires, derived from the due (never stored).
    public func reminderAt(in zone: Zone) -> Instant? {
        switch (reminder, due) {
        case (.offsetMinutes(let minutes)?, .at(let instant)?):
            // Checked: a stored offset is bounded by validation, but a reminder is never worth a trap.
            let (milliseconds, overflow) = Int64(minutes).multipliedReportingOverflow(by: 60_000)
            guard !overflow else { return nil }
            let (at, late) = instant.milliseconds.subtractingReportingOverflow(milliseconds)
            return late ? nil : Instant(milliseconds: at)
        case (.time(let time)?, .allDay(let date)?):
            return zone.instant(date: date, secondsIntoDay: time.secondsIntoDay)
        default:
            return nil
        }
    }
}
