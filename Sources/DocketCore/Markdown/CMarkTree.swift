import CMark
import Foundation

/// The few operations on cmark's document that docket's passes need, in
/// Swift terms. Nodes are cmark's own; a node moved with `append` or
/// `insert` leaves its old place, and `free` releases a node and its children.
enum CMarkTree {
    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// Every node below `root` in document order, collected first so the tree can change afterwards.
    static func descendants(_ root: OpaquePointer, where include: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), include(node) { nodes.append(node) }
        }
        return nodes
    }

    static func literal(_ node: OpaquePointer) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// Whether the node's literal holds `byte`, read in place: most text nodes
    /// a pass looks at are skipped, and making a String of each costs more than the scan.
    static func literal(_ node: OpaquePointer, contains byte: UInt8) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        return strchr(literal, Int32(byte)) != nil
    }

    /// The node's literal as UTF-8 bytes, copied once from cmark's C string.
    static func literalBytes(_ node: OpaquePointer) -> [UInt8]? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        return Array(UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
    }

    static func text(_ literal: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, literal)
        return node
    }

    static func link(_ url: String, label: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_LINK)!
        cmark_node_set_url(node, url)
        cmark_node_append_child(node, text(label))
        return node
    }

    /// HTML docket writes around its children: only docket's own constant tags, never input.
    static func custom(block: Bool, enter: String, exit: String) -> OpaquePointer {
        let node = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    static func append(_ child: OpaquePointer, to parent: OpaquePointer) { cmark_node_append_child(parent, child) }
    static func insert(_ node: OpaquePointer, before sibling: OpaquePointer) { cmark_node_insert_before(sibling, node) }
    static func free(_ node: OpaquePointer) { cmark_node_free(node) }

    /// Whether `node` sits inside a link or image (whose text is not linked again).
    static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let kind = cmark_node_get_type(current)
            if kind == CMARK_NODE_LINK || kind == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// A whole document; the caller frees it.
    static func parse(_ markdown: String, options: Int32) -> OpaquePointer {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
    }

    /// The inline children of a paragraph parsed alone from `markdown`, or nil
    /// when it is not one paragraph (a cell that reads as a list or heading stays text).
    static func parseInlines(_ markdown: String, options: Int32) -> OpaquePointer? {
        let root = parse(markdown, options: options)
        let blocks = children(root)
        guard blocks.count == 1, type(blocks[0]) == CMARK_NODE_PARAGRAPH else {
            free(root)
            return nil
        }
        return root
    }
}
