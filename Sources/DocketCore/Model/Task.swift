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
///
/// The fields live in one box shared by copies and copied on the first write
/// to a shared task: a build copies tasks far more often than it changes them
/// (`let task = workspace.tasks[index]` on every page, list and feed), and
/// copying the fields themselves retained each of their strings and arrays.
public struct Task: Sendable, Equatable {
    /// The stored fields; a new one is declared here and given an accessor below.
    public struct Fields: Sendable, Equatable {
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
        public var createdVia: String?
        public var updatedAt: Instant
        public var completedAt: Instant?
        public var completedBy: String?
        public var version: Int = 1
        public var details: String?
    }

    /// Written only while no other task shares it (`fields`' `_modify`), so it is never changed under a reader.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    public init(id: String, title: String, createdAt: Instant, createdBy: String) {
        box = Box(Fields(id: id, title: title, createdAt: createdAt, createdBy: createdBy, updatedAt: createdAt))
    }

    /// All fields at once; writing through it first copies a shared box.
    @inlinable public var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public static func == (a: Task, b: Task) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    @inlinable public var id: String { get { box.fields.id } _modify { yield &fields.id } }
    @inlinable public var title: String { get { box.fields.title } _modify { yield &fields.title } }
    @inlinable public var status: TaskStatus { get { box.fields.status } _modify { yield &fields.status } }
    @inlinable public var priority: Priority { get { box.fields.priority } _modify { yield &fields.priority } }
    @inlinable public var type: String { get { box.fields.type } _modify { yield &fields.type } }
    @inlinable public var due: Due? { get { box.fields.due } _modify { yield &fields.due } }
    @inlinable public var reminder: Reminder? { get { box.fields.reminder } _modify { yield &fields.reminder } }
    @inlinable public var assignees: [String] { get { box.fields.assignees } _modify { yield &fields.assignees } }
    @inlinable public var subscribers: [String] { get { box.fields.subscribers } _modify { yield &fields.subscribers } }
    @inlinable public var tags: [String] { get { box.fields.tags } _modify { yield &fields.tags } }
    @inlinable public var links: [Link] { get { box.fields.links } _modify { yield &fields.links } }
    @inlinable public var metadata: [JSONMember] { get { box.fields.metadata } _modify { yield &fields.metadata } }
    @inlinable public var createdAt: Instant { get { box.fields.createdAt } _modify { yield &fields.createdAt } }
    @inlinable public var createdBy: String { get { box.fields.createdBy } _modify { yield &fields.createdBy } }
    /// The integration that created the task on `createdBy`'s behalf; it keeps the right to change it.
    @inlinable public var createdVia: String? { get { box.fields.createdVia } _modify { yield &fields.createdVia } }
    @inlinable public var updatedAt: Instant { get { box.fields.updatedAt } _modify { yield &fields.updatedAt } }
    @inlinable public var completedAt: Instant? { get { box.fields.completedAt } _modify { yield &fields.completedAt } }
    @inlinable public var completedBy: String? { get { box.fields.completedBy } _modify { yield &fields.completedBy } }
    @inlinable public var version: Int { get { box.fields.version } _modify { yield &fields.version } }
    /// Markdown from `tasks/<id>.md`; not part of the JSON file.
    @inlinable public var details: String? { get { box.fields.details } _modify { yield &fields.details } }

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
