import Foundation

/// Kasar's advanced filters: `{"logic": "and"|"or", "filters": [F, …]}`
/// where each F is a group or `{"field", "operator", "value"}`. Parsed once,
/// checked against the fields and operators it can use, then matched
/// against tasks in the workspace's time zone.
public indirect enum FilterGroup: Sendable {
    case all([FilterGroup])
    case any([FilterGroup])
    case condition(Condition)

    public enum Operator: String, Sendable, CaseIterable {
        case eq, neq, `in`, notIn = "not_in", lt, lte, gt, gte, contains, isEmpty = "is_empty", isNotEmpty = "is_not_empty"
    }

    public struct Condition: Sendable {
        public var field: String
        public var op: Operator
        var value: JSONValue?
    }

    public static let fields = ["status", "priority", "type", "assignees", "tags", "links", "due", "created_at", "updated_at",
                                "completed_at", "created_by", "title", "metadata.<key>"]

    /// Parses the JSON text; the error says what is wrong and where.
    public static func parse(_ text: String) -> Result<FilterGroup, EditError> {
        let node: JSONNode
        do { node = try JSONParser.parse(Array(text.utf8)) } catch {
            return .failure(.validation("not valid JSON: \(error.message) at byte \(error.offset)"))
        }
        do throws(EditError) { return .success(try group(node)) } catch { return .failure(error) }
    }

    static func group(_ node: JSONNode) throws(EditError) -> FilterGroup {
        guard let object = node.objectValue else { throw .validation("a filter group must be an object, found \(node.value.kindName)") }
        if object.contains(where: { $0.key == "field" }) { return .condition(try condition(node)) }
        let logic = node["logic"]?.stringValue ?? "and"
        guard logic == "and" || logic == "or" else { throw .validation("'logic' is '\(Quoted.text(logic))'; must be and or or") }
        guard let list = node["filters"]?.arrayValue else { throw .validation("a filter group needs 'filters', an array") }
        var children: [FilterGroup] = []
        for child in list { children.append(try group(child)) }
        return logic == "and" ? .all(children) : .any(children)
    }

    static func condition(_ node: JSONNode) throws(EditError) -> Condition {
        guard let field = node["field"]?.stringValue else { throw .validation("a filter's 'field' must be a string") }
        guard fields.contains(field) || field.hasPrefix("metadata.") && field.count > 9 else {
            throw .validation("unknown filter field '\(Quoted.text(field))'; fields: \(fields.joined(separator: ", "))")
        }
        guard let name = node["operator"]?.stringValue, let op = Operator(rawValue: name) else {
            throw .validation("filter on '\(field)': unknown operator '\(Quoted.text(node["operator"]?.stringValue ?? "?"))'; operators: "
                + Operator.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let value = node["value"]?.value
        if op != .isEmpty && op != .isNotEmpty && value == nil { throw .validation("filter on '\(field)' \(op.rawValue) needs a 'value'") }
        if [.in, .notIn].contains(op), case .array? = value {} else if [.in, .notIn].contains(op) {
            throw .validation("filter on '\(field)' \(op.rawValue) needs a list as its value")
        }
        if [.lt, .lte, .gt, .gte].contains(op) {
            guard Self.isDate(field) || field.hasPrefix("metadata.") || field == "priority" else {
                throw .validation("filter on '\(field)': \(op.rawValue) compares dates, priorities or metadata; '\(field)' is neither")
            }
            if Self.isDate(field), case .string(let text)? = value, Self.instant(text, zone: .utc) == nil {
                throw .validation("filter on '\(field)' \(op.rawValue) '\(Quoted.text(text))': expected a date (YYYY-MM-DD) or an RFC 3339 time")
            } else if Self.isDate(field), case .string? = value {} else if Self.isDate(field) {
                throw .validation("filter on '\(field)' \(op.rawValue): expected a date (YYYY-MM-DD) or an RFC 3339 time")
            }
        }
        return Condition(field: field, op: op, value: value)
    }

    static func isDate(_ field: String) -> Bool { ["due", "created_at", "updated_at", "completed_at"].contains(field) }

    /// A date is its local midnight; a date-time is itself.
    static func instant(_ text: String, zone: Zone) -> Instant? {
        if let date = LocalDate(iso8601: text) { return zone.startOfDay(date) }
        return Instant(rfc3339: text)
    }
}
