/// Writes JSON in docket's canonical form: keys sorted by code point, two-space
/// indent, `"key": value`, one trailing newline. The same value always gives the
/// same bytes, which keeps git diffs small and builds byte-identical.
public enum JSONWriter {
    /// The canonical, pretty form used for every workspace and API file.
    public static func canonical(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(512)
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// A compact single-line form, keys sorted, for JSON files where size matters.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        writeCompact(value, htmlSafe: false, into: &out)
        return out
    }

    /// A compact single-line form for JSON embedded in HTML pages: `<`, `>`
    /// and `&` are written as `\u` escapes so no text can close a `<script>`.
    public static func compactForHTML(_ value: JSONValue) -> String {
        var out = ""
        writeCompact(value, htmlSafe: true, into: &out)
        return out
    }

    public static func sortedMembers(_ members: [JSONMember]) -> [JSONMember] {
        // Most objects docket writes are built in key order already: checking is cheaper than sorting.
        let ordered = members.indices.dropFirst().allSatisfy { members[$0 - 1].key.precedesInByteOrder(members[$0].key) }
        return ordered ? members : members.sorted { $0.key.precedesInByteOrder($1.key) }
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{\n")
            let sorted = sortedMembers(members)
            for (position, member) in sorted.enumerated() {
                appendIndent(indent + 1, into: &out)
                appendString(member.key, htmlSafe: false, into: &out)
                out.append(": ")
                write(member.value.value, indent: indent + 1, into: &out)
                out.append(position == sorted.count - 1 ? "\n" : ",\n")
            }
            appendIndent(indent, into: &out)
            out.append("}")
        case .array(let elements):
            if elements.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (position, element) in elements.enumerated() {
                appendIndent(indent + 1, into: &out)
                write(element.value, indent: indent + 1, into: &out)
                out.append(position == elements.count - 1 ? "\n" : ",\n")
            }
            appendIndent(indent, into: &out)
            out.append("]")
        default:
            writeScalar(value, htmlSafe: false, into: &out)
        }
    }

    private static func writeCompact(_ value: JSONValue, htmlSafe: Bool, into out: inout String) {
        switch value {
        case .object(let members):
            out.append("{")
            for (position, member) in sortedMembers(members).enumerated() {
                if position > 0 { out.append(",") }
                appendString(member.key, htmlSafe: htmlSafe, into: &out)
                out.append(":")
                writeCompact(member.value.value, htmlSafe: htmlSafe, into: &out)
            }
            out.append("}")
        case .array(let elements):
            out.append("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(",") }
                writeCompact(element.value, htmlSafe: htmlSafe, into: &out)
            }
            out.append("]")
        default:
            writeScalar(value, htmlSafe: htmlSafe, into: &out)
        }
    }

    private static func writeScalar(_ value: JSONValue, htmlSafe: Bool, into out: inout String) {
        switch value {
        case .string(let text): appendString(text, htmlSafe: htmlSafe, into: &out)
        case .number(let text): out.append(text)
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .null: out.append("null")
        case .object, .array: break
        }
    }

    private static func appendIndent(_ level: Int, into out: inout String) {
        for _ in 0..<level { out.append("  ") }
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// Escapes quotes, backslashes and control characters; with `htmlSafe`
    /// also `<`, `>` and `&`, so the text is inert inside an HTML `<script>`.
    static func appendString(_ text: String, htmlSafe: Bool, into out: inout String) {
        out.append("\"")
        var needsEscape = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C
            || (htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26)) {
            needsEscape = true
            break
        }
        if !needsEscape {
            out.append(text)
            out.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "<" where htmlSafe: out.append("\\u003c")
            case ">" where htmlSafe: out.append("\\u003e")
            case "&" where htmlSafe: out.append("\\u0026")
            case "\u{00}"..."\u{1F}":
                let code = Int(scalar.value)
                out.append("\\u00")
                out.append(hexDigits[code >> 4])
                out.append(hexDigits[code & 0xF])
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
