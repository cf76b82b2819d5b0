/// Text from the workspace made safe to print: control characters (ESC,
/// NUL, …) are shown as escapes, so input never moves the cursor, clears
/// the screen or hides text in a terminal.
enum Terminal {
    static func safe(_ text: String, keepingNewlines: Bool = false, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit {
                out += "…"
                break
            }
            switch scalar.value {
            case 0x0A where keepingNewlines, 0x09 where keepingNewlines: out.unicodeScalars.append(scalar)
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
