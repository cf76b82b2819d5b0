import CMark

/// GitHub's task-list items: a list item whose first paragraph begins with
/// `[ ]` or `[x]` and a space shows a disabled checkbox instead of the marker.
enum TaskListExtension {
    static func apply(_ root: OpaquePointer) {
        for item in CMarkTree.descendants(root, where: { CMarkTree.type($0) == CMARK_NODE_ITEM }) {
            guard let paragraph = cmark_node_first_child(item), CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let text = cmark_node_first_child(paragraph), CMarkTree.type(text) == CMARK_NODE_TEXT,
                  let literal = CMarkTree.literal(text) else { continue }
            let bytes = Array(literal.utf8)
            var start = 0
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            guard bytes.count >= start + 3, bytes[start] == UInt8(ascii: "["), bytes[start + 2] == UInt8(ascii: "]") else { continue }
            let mark = bytes[start + 1]
            let checked = mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X")
            guard checked || mark == 0x20 || mark == 0x09 else { continue }
            // At least one whitespace before any other content (or the end of the line, where a soft break follows).
            let rest = bytes[(start + 3)...]
            let followedBySpace = rest.first == 0x20 || rest.first == 0x09
            let endsLine = rest.isEmpty && cmark_node_next(text) != nil
            guard followedBySpace || endsLine else { continue }
            let box = CMarkTree.custom(block: false, enter: checked ? #"<input checked="" disabled="" type="checkbox">"#
                                         : #"<input disabled="" type="checkbox">"#, exit: "")
            CMarkTree.insert(box, before: text)
            if rest.isEmpty {
                CMarkTree.free(text)
            } else {
                cmark_node_set_literal(text, String(decoding: rest, as: UTF8.self))
            }
        }
    }
}
