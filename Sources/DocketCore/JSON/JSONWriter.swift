/// Writes JSON in docket's canonical form: keys sorted by code point, two-space
/// indent, `"key": value`, one trailing newline. The same value always gives the
/// same bytes, which keeps git diffs small and builds byte-identical.
public enum JSONWriter {
    /// The canonical, pretty form used for every workspace and API file.
    public static func canonical(_ value: JSONValue) -> String {
        String(decoding: canonicalBytes(value), as: UTF8.self)
    }

    /// `canonical` as UTF-8, for writing to a file without a String in between.
    public static func canonicalBytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    /// A compact single-line form, keys sorted, for JSON files where size matters.
    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeCompact(value, htmlSafe: false, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A compact single-line form for JSON embedded in HTML pages: `<`, `>`
    /// and `&` are written as `\u` escapes so no text can close a `<script>`.
    public static func compactForHTML(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeCompact(value, htmlSafe: true, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func sortedMembers(_ members: [JSONMember]) -> [JSONMember] {
        // Most objects docket writes are built in key order already: checking is cheaper than sorting.
        let ordered = members.indices.dropFirst().allSatisfy { members[$0 - 1].key.precedesInByteOrder(members[$0].key) }
        return ordered ? members : members.sorted { $0.key.precedesInByteOrder($1.key) }
    }

    // Written as UTF-8 bytes: appending to a String costs several times more
    // (the per-task API JSON was 16% of a cold render's page stage). Punctuation
    // is appended a byte at a time: a one-byte string costs ~90 instructions to
    // append, a byte ~10.

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .object(let members):
            if members.isEmpty { out.append(text: "{}"); return }
            out.append(UInt8(ascii: "{"))
            out.append(0x0A)
            let sorted = sortedMembers(members)
            for (position, member) in sorted.enumerated() {
                appendIndent(indent + 1, into: &out)
                appendString(member.key, htmlSafe: false, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(0x20)
                write(member.value.value, indent: indent + 1, into: &out)
                if position < sorted.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            appendIndent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty { out.append(text: "[]"); return }
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (position, element) in elements.enumerated() {
                appendIndent(indent + 1, into: &out)
                write(element.value, indent: indent + 1, into: &out)
                if position < elements.count - 1 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
            }
            appendIndent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        default:
            writeScalar(value, htmlSafe: false, into: &out)
        }
    }

    private static func writeCompact(_ value: JSONValue, htmlSafe: Bool, into out: inout [UInt8]) {
        switch value {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (position, member) in sortedMembers(members).enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.key, htmlSafe: htmlSafe, into: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(member.value.value, htmlSafe: htmlSafe, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(element.value, htmlSafe: htmlSafe, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            writeScalar(value, htmlSafe: htmlSafe, into: &out)
        }
    }

    private static func writeScalar(_ value: JSONValue, htmlSafe: Bool, into out: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, htmlSafe: htmlSafe, into: &out)
        case .number(let text): out.append(text: text)
        case .bool(let flag): out.append(text: flag ? "true" : "false")
        case .null: out.append(text: "null")
        case .object, .array: break
        }
    }

    /// Indents are copied from one row of spaces: appending a repeated
    /// element cost ~140 instructions an indent, a tenth of a task's JSON.
    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private static func appendIndent(_ level: Int, into out: inout [UInt8]) {
        let count = level * 2
        guard count <= spaces.count else { out.append(contentsOf: repeatElement(0x20, count: count)); return }
        spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes quotes, backslashes and control characters; with `htmlSafe`
    /// also `<`, `>` and `&`, so the text is inert inside an HTML `<script>`.
    /// Every byte it escapes is ASCII, so the bytes of other characters pass
    /// through whole.
    public static func appendString(_ text: String, htmlSafe: Bool, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape are copied whole; an escape is a few
            // single-byte appends (an escape as a String cost ~10 times more).
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let escaped: UInt8
                switch byte {
                case 0x22, 0x5C: escaped = byte
                case 0x0A: escaped = UInt8(ascii: "n")
                case 0x0D: escaped = UInt8(ascii: "r")
                case 0x09: escaped = UInt8(ascii: "t")
                // `<`, `>`, `&` as \u00xx, one case each: a `where` binds only its case's last pattern.
                case 0x3C where htmlSafe: escaped = 0
                case 0x3E where htmlSafe: escaped = 0
                case 0x26 where htmlSafe: escaped = 0
                case 0x00..<0x20: escaped = 0
                default: continue
                }
                if run < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                out.append(0x5C)
                if escaped != 0 {
                    out.append(escaped)
                } else {
                    out.append(UInt8(ascii: "u"))
                    out.append(0x30)
                    out.append(0x30)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
                run = index + 1
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        out.append(0x22)
    }
}

extension [UInt8] {
    /// Appends a string's UTF-8 bytes.
    @inline(__always)
    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
