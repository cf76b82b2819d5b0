import CMark

/// The extensions GitHub renders on top of CommonMark, as passes over
/// cmark's parsed document (cmark stays the parser, in safe mode): tables,
/// task-list items, strikethrough and autolinks.
enum GitHubExtensions {
    static func apply(_ root: OpaquePointer, source: String, options: Int32) {
        let bytes = source.utf8
        if bytes.contains(UInt8(ascii: "|")) {
            TableExtension.apply(root, source: lines(source), options: options)
            cmark_consolidate_text_nodes(root)  // cells come from their own parse
        }
        TaskListExtension.apply(root)
        if bytes.contains(UInt8(ascii: "~")) { StrikethroughExtension.apply(root) }
        if bytes.contains(UInt8(ascii: ".")) { AutolinkExtension.apply(root) }
    }

    /// Source lines as cmark numbers them: a line ends at LF, CR or CRLF.
    static func lines(_ source: String) -> [Substring] {
        var result: [Substring] = []
        let bytes = source.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(Substring(bytes[start..<index]))
                var next = bytes.index(after: index)
                if byte == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                start = next
                index = next
                continue
            }
            index = bytes.index(after: index)
        }
        result.append(Substring(bytes[start...]))
        return result
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes (a plain scan: the texts are short).
    func contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: needle) { return true }
            index = self.index(after: found)
        }
        return false
    }
}
