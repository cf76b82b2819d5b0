import CMark

/// GitHub's strikethrough: text between runs of one or two tildes of the
/// same length becomes `<del>`, with the flanking rules emphasis follows
/// (a run opens when followed by text, closes when preceded by it).
/// Runs of three or more tildes are text.
enum StrikethroughExtension {
    private struct Run {
        var node: OpaquePointer
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    static func apply(_ root: OpaquePointer) {
        // The parents of text holding a tilde, each once, in document order.
        var containers: [OpaquePointer] = []
        var seen: Set<OpaquePointer> = []
        for text in CMarkTree.descendants(root, where: { CMarkTree.type($0) == CMARK_NODE_TEXT }) {
            guard CMarkTree.literal(text, contains: UInt8(ascii: "~")), let parent = cmark_node_parent(text),
                  seen.insert(parent).inserted else { continue }
            containers.append(parent)
        }
        for container in containers { apply(inside: container) }
    }

    private static func apply(inside container: OpaquePointer) {
        var runs: [Run] = []
        let children = CMarkTree.children(container)
        for (index, child) in children.enumerated() {
            guard CMarkTree.type(child) == CMARK_NODE_TEXT, let literal = CMarkTree.literal(child), literal.contains("~") else { continue }
            let before = index > 0 ? boundary(children[index - 1], atEnd: true) : " "
            let after = index + 1 < children.count ? boundary(children[index + 1], atEnd: false) : " "
            runs += split(child, literal, before: before, after: after)
        }
        var openers: [Run] = []
        var pairs: [(Run, Run)] = []
        for run in runs where run.length <= 2 {
            if run.canClose, let match = openers.lastIndex(where: { $0.length == run.length }) {
                pairs.append((openers[match], run))
                openers.removeSubrange(match...)
            } else if run.canOpen {
                openers.append(run)
            }
        }
        // Closers come in order, so inner pairs are wrapped before the pairs around them.
        for (opener, closer) in pairs {
            let del = CMarkTree.custom(block: false, enter: "<del>", exit: "</del>")
            CMarkTree.insert(del, before: opener.node)
            var next = cmark_node_next(opener.node)
            while let node = next, node != closer.node {
                next = cmark_node_next(node)
                CMarkTree.append(node, to: del)
            }
            CMarkTree.free(opener.node)
            CMarkTree.free(closer.node)
        }
    }

    /// The character next to a run across a node boundary: a line break is
    /// whitespace; any other inline (emphasis, code, a link) counts as a letter.
    private static func boundary(_ node: OpaquePointer, atEnd: Bool) -> Character {
        switch CMarkTree.type(node) {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
        case CMARK_NODE_TEXT:
            let literal = CMarkTree.literal(node) ?? ""
            return (atEnd ? literal.last : literal.first) ?? " "
        default: return "a"
        }
    }

    /// Splits a text node at its tilde runs: each run its own text node, returned with its flanking.
    private static func split(_ node: OpaquePointer, _ literal: String, before: Character, after: Character) -> [Run] {
        let characters = Array(literal)
        var runs: [Run] = []
        var pieces: [(text: String, run: Int?)] = []
        var index = 0
        var plain = ""
        while index < characters.count {
            guard characters[index] == "~" else {
                plain.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count && characters[end] == "~" { end += 1 }
            let previous = index > 0 ? characters[index - 1] : before
            let next = end < characters.count ? characters[end] : after
            let leftFlanking = !next.isWhitespace && (!next.isPunctuationOrSymbol || previous.isWhitespace || previous.isPunctuationOrSymbol)
            let rightFlanking = !previous.isWhitespace && (!previous.isPunctuationOrSymbol || next.isWhitespace || next.isPunctuationOrSymbol)
            if !plain.isEmpty { pieces.append((plain, nil)) }
            plain = ""
            pieces.append((String(characters[index..<end]), end - index))
            runs.append(Run(node: node, length: end - index, canOpen: leftFlanking, canClose: rightFlanking))
            index = end
        }
        if !plain.isEmpty { pieces.append((plain, nil)) }
        // Replace the node by its pieces; runs point at their own new nodes.
        var runIndex = 0
        for piece in pieces {
            let text = CMarkTree.text(piece.text)
            CMarkTree.insert(text, before: node)
            if piece.run != nil {
                runs[runIndex].node = text
                runIndex += 1
            }
        }
        CMarkTree.free(node)
        return runs
    }
}

extension Character {
    /// CommonMark's punctuation for flanking rules: ASCII punctuation and Unicode punctuation.
    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
