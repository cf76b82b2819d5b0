/// The specification's whitespace rules for standalone partials and blocks,
/// shared by the JSON renderer and the typed one.
extension String {
    /// Text of an indented partial: the indentation after every line end but
    /// the partial's very last one.
    mutating func appendIndented(_ text: String, _ indent: String, endsTemplate: Bool) {
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") {
            self += rest[...newline]
            rest = rest[rest.index(after: newline)...]
            if !(rest.isEmpty && endsTemplate) { self += indent }
        }
        self += rest
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
