extension FilterGroup {
    /// Whether a task passes; dates compare as instants in the workspace zone.
    public func matches(_ task: Task, zone: Zone) -> Bool {
        switch self {
        case .all(let children): children.allSatisfy { $0.matches(task, zone: zone) }
        case .any(let children): children.isEmpty || children.contains { $0.matches(task, zone: zone) }
        case .condition(let condition): condition.matches(task, zone: zone)
        }
    }
}

extension FilterGroup.Condition {
    /// What a task holds for the field.
    enum Held {
        case text(String?)
        case list([String])
        case instant(Instant?)
    }

    func held(_ task: Task, zone: Zone) -> Held {
        switch field {
        case "status": .text(task.status.rawValue)
        case "priority": .text(task.priority.rawValue)
        case "type": .text(task.type)
        case "created_by": .text(task.createdBy)
        case "title": .text(task.title)
        case "assignees": .list(task.assignees)
        case "tags": .list(task.tags)
        case "links": .list(task.links.map { "\($0.type):\($0.id)" })
        case "due": .instant(task.due.map { TaskQuery.dueInstant($0, zone: zone) })
        case "created_at": .instant(task.createdAt)
        case "updated_at": .instant(task.updatedAt)
        case "completed_at": .instant(task.completedAt)
        default:
            .text(task.metadata.first { $0.key == String(field.dropFirst("metadata.".count)) }.flatMap { Self.text($0.value.value) })
        }
    }

    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .number(let literal)?: literal
        case .bool(let flag)?: flag ? "true" : "false"
        default: nil
        }
    }

    /// Link values are written `contacts:cont_ada` or `contact:cont_ada`.
    func normalized(_ text: String) -> String {
        guard field == "links", let colon = text.firstIndex(of: ":") else { return text }
        return Link.singular(String(text[..<colon])) + text[colon...]
    }

    var values: [String] {
        if case .array(let items)? = value { return items.compactMap { Self.text($0.value) }.map(normalized) }
        return Self.text(value).map { [normalized($0)] } ?? []
    }

    func matches(_ task: Task, zone: Zone) -> Bool {
        let held = held(task, zone: zone)
        switch op {
        case .isEmpty: return isEmpty(held)
        case .isNotEmpty: return !isEmpty(held)
        case .eq: return equals(held, zone: zone)
        case .neq: return !equals(held, zone: zone)
        case .in: return values.contains { one in equals(held, to: one, zone: zone) }
        case .notIn: return !values.contains { one in equals(held, to: one, zone: zone) }
        case .contains:
            switch held {
            case .text(let text): return text.map { text in values.allSatisfy { text.lowercased().contains($0.lowercased()) } } ?? false
            case .list(let list): return values.allSatisfy(list.contains)
            case .instant: return false
            }
        case .lt, .lte, .gt, .gte:
            guard let order = compare(held, zone: zone) else { return false }
            switch op {
            case .lt: return order < 0
            case .lte: return order <= 0
            case .gt: return order > 0
            default: return order >= 0
            }
        }
    }

    private func isEmpty(_ held: Held) -> Bool {
        switch held {
        case .text(let text): text?.isEmpty ?? true
        case .list(let list): list.isEmpty
        case .instant(let instant): instant == nil
        }
    }

    private func equals(_ held: Held, zone: Zone) -> Bool {
        guard let one = values.first else { return false }
        return equals(held, to: one, zone: zone)
    }

    private func equals(_ held: Held, to value: String, zone: Zone) -> Bool {
        switch held {
        case .text(let text): text == value
        case .list(let list): list.contains(value)
        case .instant(let instant): instant != nil && instant == FilterGroup.instant(value, zone: zone)
        }
    }

    /// The task's value against the filter's: -1, 0, 1, or nil when either is missing.
    private func compare(_ held: Held, zone: Zone) -> Int? {
        guard let value = values.first else { return nil }
        switch held {
        case .instant(let instant):
            guard let instant, let bound = FilterGroup.instant(value, zone: zone) else { return nil }
            return instant < bound ? -1 : (bound < instant ? 1 : 0)
        case .text(let text?) where field == "priority":
            guard let mine = Priority(rawValue: text)?.rank, let theirs = Priority(rawValue: value == "medium" ? "normal" : value)?.rank else { return nil }
            return mine < theirs ? -1 : (mine > theirs ? 1 : 0)
        case .text(let text?):
            if let a = Double(text), let b = Double(value) { return a < b ? -1 : (a > b ? 1 : 0) }
            return text < value ? -1 : (text > value ? 1 : 0)
        default:
            return nil
        }
    }
}
