/// "Today" and "this week" at one instant in the workspace time zone, and
/// how each task's due falls against them (docs/spec-decisions.md, The site).
public struct DayContext: Sendable {
    public let now: Instant
    public let zone: Zone
    public let today: LocalDate
    /// The latest `week_starts_on` at or before today.
    public let weekStart: LocalDate

    public init(now: Instant, settings: Settings) {
        self.now = now
        self.zone = settings.zone
        self.today = settings.zone.localDate(of: now)
        let back = (today.weekday - settings.weekStartsOn.number + 7) % 7
        self.weekStart = today.adding(days: -back)
    }

    /// The local date a due falls on (an all-day due is its own date).
    public func dueDay(_ due: Due) -> LocalDate {
        switch due {
        case .allDay(let date): date
        case .at(let instant): zone.localDate(of: instant)
        }
    }

    public func timing(of task: Task) -> Timing {
        var timing = Timing()
        if let due = task.due {
            let day = dueDay(due)
            timing.dueDay = day
            timing.isDueToday = day == today
            if task.isOpen {
                switch due {
                case .at(let instant): timing.isOverdue = instant < now
                case .allDay(let date): timing.isOverdue = date < today
                }
                timing.isUpcoming = day > today
            }
            let offset = day.dayNumber - weekStart.dayNumber
            timing.isThisWeek = offset >= 0 && offset < 7
        }
        if task.status == .completed, let completedAt = task.completedAt {
            timing.isCompletedToday = zone.localDate(of: completedAt) == today
        }
        return timing
    }
}

/// Where one task stands against today.
public struct Timing: Sendable, Equatable {
    public var dueDay: LocalDate?
    public var isDueToday = false
    public var isOverdue = false
    public var isUpcoming = false
    public var isThisWeek = false
    public var isCompletedToday = false

    public init() {}

    /// Counts toward a badge: due today or overdue (for an open task).
    public var needsAttention: Bool { isOverdue || isDueToday }
}
