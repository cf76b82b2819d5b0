import CMark

/// The extensions GitHub renders on top of CommonMark, as passes over
/// cmark's parsed document (cmark stays the parser, in safe mode): tables,
/// task-list items, strikethrough and autolinks.
enum GitHubExtensions {
    static func apply(_ root: OpaquePointer, source: String, options: Int32) {
        let marks = Marks(source)
        if marks.pipe {
            TableExtension.apply(root, source: lines(source), options: options)
            cmark_consolidate_text_nodes(root)  // cells come from their own parse
        }
        TaskListExtension.apply(root)
        if marks.tilde { StrikethroughExtension.apply(root) }
        if marks.dot { AutolinkExtension.apply(root) }
    }

    /// Which extensions the source can need, from one pass over its bytes
    /// (a generic `contains` on a UTF-8 view costs ~15 instructions a byte).
    private struct Marks {
        var pipe = false, tilde = false, dot = false

        init(_ source: String) {
            var source = source
            source.withUTF8 { bytes in
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "|"): pipe = true
                    case UInt8(ascii: "~"): tilde = true
                    case UInt8(ascii: "."): dot = true
                    default: continue
                    }
                }
            }
        }
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

extension [UInt8] {
    /// Whether `needle` occurs in these bytes (a plain scan: the texts are short).
    func contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == first {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
