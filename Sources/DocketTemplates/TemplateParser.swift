/// Builds the node tree from tokens, checking that every section, parent
/// and block is closed by a tag of the same name.
enum TemplateParser {
    static func parse(_ source: String, path: String) throws(TemplateError) -> [Node] {
        var scanner = TemplateScanner(source: source, path: path)
        let tokens = try scanner.tokens()
        var frames: [(tag: Tag?, nodes: [Node])] = [(nil, [])]
        for token in tokens {
            switch token {
            case .text(let text):
                if case .text(let previous, _)? = frames[frames.count - 1].nodes.last {
                    frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + text, endsTemplate: false)
                } else {
                    frames[frames.count - 1].nodes.append(.text(text, endsTemplate: false))
                }
            case .tag(let tag):
                switch tag.kind {
                case .comment, .delimiters:
                    continue
                case .variable, .raw:
                    frames[frames.count - 1].nodes.append(.variable(try Name(tag.content, at: tag.location), escaped: tag.kind == .variable, tag.location))
                case .partial:
                    frames[frames.count - 1].nodes.append(.partial(tag.content, indent: tag.standalone ? tag.indent : "", tag.location))
                case .section, .inverted, .parent, .block:
                    frames.append((tag, []))
                case .close:
                    guard frames.count > 1, let open = frames[frames.count - 1].tag else {
                        throw tag.location.error("'{{/\(tag.content)}}' closes nothing: no section, parent or block is open")
                    }
                    guard open.content == tag.content else {
                        throw tag.location.error("'{{/\(tag.content)}}' does not close '\(open.content)', opened at \(open.location.line):\(open.location.column); expected '{{/\(open.content)}}'")
                    }
                    let children = frames.removeLast().nodes
                    frames[frames.count - 1].nodes.append(try node(open, children))
                }
            }
        }
        if frames.count > 1, let open = frames[frames.count - 1].tag {
            throw open.location.error("'\(open.content)' is opened here and never closed; expected '{{/\(open.content)}}'")
        }
        var nodes = frames[0].nodes
        if case .text(let text, _)? = nodes.last { nodes[nodes.count - 1] = .text(text, endsTemplate: true) }
        return nodes
    }

    private static func node(_ open: Tag, _ children: [Node]) throws(TemplateError) -> Node {
        switch open.kind {
        case .section, .inverted:
            return .section(try Name(open.content, at: open.location), children, inverted: open.kind == .inverted, open.location)
        case .parent:
            // Only the blocks inside a parent tag count; other text there is ignored.
            var blocks: [String: [Node]] = [:]
            for child in children {
                if case .block(let name, let content, _) = child { blocks[name] = content }
            }
            return .parent(open.content, indent: open.standalone ? open.indent : "", blocks: blocks, open.location)
        default:
            guard open.standalone else { return .block(open.content, children, lineIndent: nil) }
            // The indentation of the default content's first line is the block's own.
            var intrinsic = ""
            if case .text(let text, _)? = children.first { intrinsic = String(text.prefix { $0 == " " || $0 == "\t" }) }
            return .block(open.content, children, lineIndent: open.indent + intrinsic)
        }
    }
}
