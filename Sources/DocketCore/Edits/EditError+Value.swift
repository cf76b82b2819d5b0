extension EditError {
    /// `Field 'priority' is 'critical'; must be one of: …`: every rejected
    /// value is named, shortened and with control characters escaped.
    static func invalid(_ field: String, _ node: JSONNode, _ expectation: String) -> EditError {
        .validation("Field '\(field)' is \(Quoted.value(node)); \(expectation)")
    }
}

/// A value quoted for a message: strings in quotes, at most 60 characters,
/// control characters as `\u{1B}`; numbers as written; other kinds by name.
public enum Quoted {
    public static func value(_ node: JSONNode) -> String {
        switch node.value {
        case .string(let string): "'" + Quoted.text(string) + "'"
        case .number(let literal): String(literal.prefix(40))
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Text as it may be printed: at most `limit` characters, control
    /// characters (ESC, NUL, C1) as `\u{1B}`, so input never drives a terminal.
    public static func text(_ text: String, keepingNewlines: Bool = false, limit: Int = 60) -> String {
        var out = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == limit { return out + "…" }
            if keepingNewlines && (scalar == "\n" || scalar == "\t") {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
