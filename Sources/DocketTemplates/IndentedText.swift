/// The specification's whitespace rules for standalone partials and blocks,
/// shared by the JSON renderer and the typed one.
extension String {
    /// Text of an indented partial: the indentation after every line end but
    /// the partial's very last one.
    mutating func appendIndented(_ text: String, _ indent: String, endsTemplate: Bool) {
        // By bytes: a line feed is one byte in UTF-8, and Character-wise search costs ten times as much.
        let bytes = text.utf8
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            let next = bytes.index(after: newline)
            self += Substring(bytes[start..<next])
            start = next
            if !(start == bytes.endIndex && endsTemplate) { self += indent }
        }
        self += Substring(bytes[start...])
    }

    /// A standalone block's content, rendered in place from UTF-8 offset
    /// `start`, laid out as whole lines at `lineIndent`: moved out and
    /// reindented only when its lines need it.
    mutating func layOutBlock(from start: Int, lineIndent: String) {
        let startIndex = utf8.index(utf8.startIndex, offsetBy: start)
        guard let first = utf8[startIndex...].first else { return }
        if lineIndent.isEmpty && first != 0x20 && first != 0x09 {
            if utf8.last != 0x0A { self += "\n" }
            return
        }
        let content = String(self[startIndex...])
        removeSubrange(startIndex...)
        appendReindented(content, lineIndent)
    }

    /// Whole lines: the indentation they were written with removed, the
    /// indentation where they land added.
    private mutating func appendReindented(_ content: String, _ lineIndent: String) {
        let bytes = content.utf8
        guard !bytes.isEmpty else { return }
        let written = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let lines = Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !(number == lines.count - 1 && line.isEmpty) {
            let leading = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            self += lineIndent
            self += String(decoding: line.dropFirst(min(leading, written)), as: UTF8.self)
            self += "\n"
        }
    }
}
