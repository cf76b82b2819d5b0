/// A JSON value that remembers where it came from, so every problem found in
/// it can be reported at its true line and column.
public enum JSONValue: Sendable, Equatable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// The number's literal text, kept as written so metadata round-trips exactly.
    case number(String)
    case bool(Bool)
    case null

    /// A short name for error messages ("a string", "an array", …).
    public var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A value and the byte offset of its first character in the source.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var offset: Int

    public init(_ value: JSONValue, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }

    /// Equal when the values are: where they stood in a file does not matter.
    public static func == (a: JSONNode, b: JSONNode) -> Bool { a.value == b.value }
}

/// One `"key": value` pair of an object, in source order.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode

    public init(key: String, keyOffset: Int = 0, value: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }

    public static func == (a: JSONMember, b: JSONMember) -> Bool { a.key == b.key && a.value == b.value }
}

extension JSONNode {
    public var stringValue: String? { if case .string(let s) = value { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = value { b } else { nil } }
    public var arrayValue: [JSONNode]? { if case .array(let a) = value { a } else { nil } }
    public var objectValue: [JSONMember]? { if case .object(let o) = value { o } else { nil } }
    public var isNull: Bool { if case .null = value { true } else { false } }

    /// The value as an integer, when it is a number without fraction or exponent.
    public var intValue: Int? {
        guard case .number(let text) = value else { return nil }
        return Int(text)
    }

    /// The first member named `key`, for objects.
    public subscript(key: String) -> JSONNode? {
        objectValue?.first(where: { $0.key == key })?.value
    }
}

extension JSONValue {
    /// Builds an object value from members given in any order.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember(key: $0.key, value: JSONNode($0.value)) })
    }

    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { JSONNode(.string($0)) })
    }

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }
}
