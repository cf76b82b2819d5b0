/// The specification's whitespace rules for standalone partials and blocks,
/// shared by the JSON renderer and the typed one, on the UTF-8 they render.
extension [UInt8] {
    /// Text of an indented partial: the indentation after every line end but
    /// the partial's very last one.
    mutating func appendIndented(_ text: String, _ indent: String, endsTemplate: Bool) {
        var text = text
        text.withUTF8 { appendIndented($0, indent, endsTemplate: endsTemplate) }
    }

    mutating func appendIndented(_ bytes: UnsafeBufferPointer<UInt8>, _ indent: String, endsTemplate: Bool) {
        let indent = Array(indent.utf8)
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...newline]))
            start = newline + 1
            if !(start == bytes.count && endsTemplate) { append(contentsOf: indent) }
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// A standalone block's content, rendered in place from offset `start`,
    /// laid out as whole lines at `lineIndent`: moved out and reindented only
    /// when its lines need it.
    mutating func layOutBlock(from start: Int, lineIndent: String) {
        guard start < count else { return }
        if lineIndent.isEmpty && self[start] != 0x20 && self[start] != 0x09 {
            if last != 0x0A { append(0x0A) }
            return
        }
        let content = Array(self[start...])
        removeSubrange(start...)
        appendReindented(content, Array(lineIndent.utf8))
    }

    /// Whole lines: the indentation they were written with removed, the
    /// indentation where they land added.
    private mutating func appendReindented(_ content: [UInt8], _ lineIndent: [UInt8]) {
        let written = content.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let lines = content.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !(number == lines.count - 1 && line.isEmpty) {
            let leading = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            append(contentsOf: lineIndent)
            append(contentsOf: line.dropFirst(Swift.min(leading, written)))
            append(0x0A)
        }
    }
}
