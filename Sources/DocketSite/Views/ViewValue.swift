import DocketTemplates

extension TemplateValue {
    /// A view built as nested dictionaries and arrays, turned into the
    /// template engine's values once, before any template reads it.
    init(view: [String: Any]) {
        self = .object(view.mapValues(TemplateValue.init(any:)))
    }

    init(any value: Any) {
        // Leaves first: they are most of a view, and each failed cast costs a lookup.
        switch value {
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let value as TemplateValue: self = value
        case let object as [String: Any]: self = TemplateValue(view: object)
        case let list as [[String: Any]]: self = .list(list.map(TemplateValue.init(view:)))
        case let list as [String]: self = .list(list.map(TemplateValue.string))
        case let list as [Any]: self = .list(list.map(TemplateValue.init(any:)))
        default: self = .string(String(describing: value))
        }
    }

    /// This object's members with `other`'s, `other`'s winning.
    func merging(_ other: TemplateValue) -> TemplateValue {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return other }
        return .object(mine.merging(theirs) { _, new in new })
    }
}
