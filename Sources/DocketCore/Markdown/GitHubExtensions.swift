import CMark

/// The extensions GitHub renders on top of CommonMark, as passes over
/// cmark's parsed document (cmark stays the parser, in safe mode): tables,
/// task-list items, strikethrough and autolinks.
enum GitHubExtensions {
    static func apply(_ root: OpaquePointer, source: String, options: Int32) {
        if source.contains("|") {
            TableExtension.apply(root, source: lines(source), options: options)
            cmark_consolidate_text_nodes(root)  // cells come from their own parse
        }
        TaskListExtension.apply(root)
        if source.contains("~") { StrikethroughExtension.apply(root) }
        if source.contains(".") { AutolinkExtension.apply(root) }
    }

    /// Source lines as cmark numbers them: a line ends at LF, CR or CRLF.
    static func lines(_ source: String) -> [Substring] {
        var result: [Substring] = []
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                result.append(source[start..<index])
                start = source.index(after: index)
            }
            index = source.index(after: index)
        }
        result.append(source[start...])
        return result
    }
}
