import Foundation

/// Reads the fields of one JSON object, reporting every missing, mistyped,
/// duplicated or unknown field to a sink at its true position. Decoders are
/// written with it so validation and loading are the same single pass.
public struct ObjectReader {
    public let node: JSONNode
    // Objects here have a handful of keys: a linear scan beats hashing them.
    private var members: [JSONMember] = []
    private var consumed: [Bool] = []

    /// nil (after reporting) when `node` is not an object.
    public init?(_ node: JSONNode, what: String, sink: inout DiagnosticSink) {
        guard let list = node.objectValue else {
            sink.error("expected \(what) as a JSON object, found \(node.value.kindName)", at: node.offset)
            return nil
        }
        self.node = node
        members.reserveCapacity(list.count)
        for member in list {
            if members.contains(where: { $0.key == member.key }) {
                sink.error("duplicate field '\(member.key)'", at: member.keyOffset)
                continue
            }
            members.append(member)
        }
        consumed = [Bool](repeating: false, count: members.count)
    }

    private func index(of key: String) -> Int? { members.firstIndex { $0.key == key } }

    public func has(_ key: String) -> Bool { index(of: key) != nil }

    /// The raw member, marking it as known.
    public mutating func member(_ key: String) -> JSONMember? {
        guard let index = index(of: key) else { return nil }
        consumed[index] = true
        return members[index]
    }

    /// Reports every field that no decoder asked for.
    public func reportUnknown(sink: inout DiagnosticSink, allowed: String) {
        for (index, member) in members.enumerated() where !consumed[index] {
            sink.error("unknown field '\(member.key)'; expected one of: \(allowed)", at: member.keyOffset)
        }
    }

    /// Members no decoder asked for, in source order (for open-ended objects).
    public func remaining() -> [JSONMember] {
        members.indices.filter { !consumed[$0] }.map { members[$0] }
    }

    // MARK: - Typed fields

    public mutating func string(_ key: String, required: Bool, sink: inout DiagnosticSink, nonEmpty: Bool = false) -> String? {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let text = member.value.stringValue else {
            sink.error("field '\(key)' must be a string, found \(member.value.value.kindName)", at: member.value.offset)
            return nil
        }
        if nonEmpty && text.isBlank {
            sink.error("field '\(key)' must not be empty", at: member.value.offset)
            return nil
        }
        return text
    }

    public mutating func int(_ key: String, required: Bool, sink: inout DiagnosticSink, minimum: Int? = nil, maximum: Int? = nil) -> Int? {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let value = member.value.intValue else {
            sink.error("field '\(key)' must be an integer, found \(describe(member.value))", at: member.value.offset)
            return nil
        }
        if let minimum, value < minimum {
            sink.error("field '\(key)' must be at least \(minimum), found \(value)", at: member.value.offset)
            return nil
        }
        if let maximum, value > maximum {
            sink.error("field '\(key)' is \(value); the most is \(maximum)", at: member.value.offset)
            return nil
        }
        return value
    }

    public mutating func bool(_ key: String, required: Bool, sink: inout DiagnosticSink) -> Bool? {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let value = member.value.boolValue else {
            sink.error("field '\(key)' must be true or false, found \(member.value.value.kindName)", at: member.value.offset)
            return nil
        }
        return value
    }

    public mutating func enumeration<E: RawRepresentable & CaseIterable>(
        _ key: String, _ type: E.Type, required: Bool, sink: inout DiagnosticSink
    ) -> E? where E.RawValue == String {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let text = member.value.stringValue, let value = E(rawValue: text) else {
            sink.error("field '\(key)' is \(Quoted.value(member.value)); must be one of: \(E.allowedList)", at: member.value.offset)
            return nil
        }
        return value
    }

    public mutating func instant(_ key: String, required: Bool, sink: inout DiagnosticSink) -> Instant? {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let text = member.value.stringValue, let value = Instant(rfc3339: text) else {
            sink.error("field '\(key)' must be an RFC 3339 date-time such as 2026-03-20T17:00:00Z", at: member.value.offset)
            return nil
        }
        return value
    }

    /// An array of strings; each element is checked by `check` (nil = fine,
    /// else the message). Elements that fail are left out of the result.
    public mutating func strings(
        _ key: String, required: Bool, sink: inout DiagnosticSink, check: (String) -> String? = { _ in nil }
    ) -> [String]? {
        guard let member = fetch(key, required: required, sink: &sink) else { return nil }
        guard let elements = member.value.arrayValue else {
            sink.error("field '\(key)' must be an array of strings, found \(member.value.value.kindName)", at: member.value.offset)
            return nil
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.stringValue else {
                sink.error("field '\(key)' must hold only strings, found \(element.value.kindName)", at: element.offset)
                continue
            }
            if let problem = check(text) {
                sink.error(problem, at: element.offset)
                continue
            }
            if result.contains(text) {  // lists here are short: a scan beats a Set
                sink.error("field '\(key)' lists '\(text)' twice", at: element.offset)
                continue
            }
            result.append(text)
        }
        return result
    }

    private mutating func fetch(_ key: String, required: Bool, sink: inout DiagnosticSink) -> JSONMember? {
        guard let member = member(key) else {
            if required { sink.error("missing required field '\(key)'", at: node.offset) }
            return nil
        }
        return member
    }

    private func describe(_ node: JSONNode) -> String {
        if case .number(let text) = node.value { return "the number \(text)" }
        return node.value.kindName
    }
}
