/// Where a task stands. `pending` and `in_progress` are *open*.
public enum TaskStatus: String, Sendable, CaseIterable, Comparable {
    case pending, inProgress = "in_progress", completed, cancelled

    public var isOpen: Bool { self == .pending || self == .inProgress }

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .inProgress: "In progress"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        }
    }

    public static func < (a: TaskStatus, b: TaskStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum Priority: String, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public var label: String {
        switch self {
        case .low: "Low"
        case .normal: "Normal"
        case .high: "High"
        case .urgent: "Urgent"
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

public enum Role: String, Sendable, CaseIterable {
    case admin, member, readonly

    public var canWrite: Bool { self != .readonly }
}

public enum Weekday: String, Sendable, CaseIterable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// 0 = Sunday, matching `LocalDate.weekday`.
    public var number: Int { Weekday.allCases.firstIndex(of: self)! }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "low, normal, high, urgent": the allowed values, for error messages.
    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
