/// A value a template renders: what a JSON document holds. Views are
/// turned into these once; the renderer then reads them with plain switches
/// and dictionary lookups, never dynamic casts.
public indirect enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// A member of an object; nil for anything else or a missing key.
    @inlinable
    public subscript(key: String) -> TemplateValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Whether a section renders: everything but null, false and an empty list
    /// (an empty string and zero render, as in most Mustache engines).
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    /// The text an interpolation prints: numbers in their shortest form, null as nothing.
    public var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value):
            value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): value
        case .list, .object: ""
        }
    }
}
