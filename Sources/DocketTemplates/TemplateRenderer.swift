/// Renders compiled nodes against a stack of values: a name is looked up
/// from the innermost value outwards, a dotted name's later parts inside
/// what the first part found.
struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output: [UInt8] = []
    init(library: TemplateLibrary, stack: [TemplateValue]) {
        self.library = library
        self.stack = stack
    }

    /// `blocks`: block overrides in force (outermost first wins); `indent`:
    /// what a standalone partial adds at the start of each of its lines.
    mutating func render(_ nodes: [Node], blocks: [String: [Node]], indent: String, depth: Int) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let endsTemplate):
                if indent.isEmpty { output.append(utf8: text) } else { output.appendIndented(text, indent, endsTemplate: endsTemplate) }
            case .variable(let name, let escaped, _):
                let text = (lookup(name) ?? .null).text
                if escaped { HTMLEscape.escape(text, into: &output) } else { output.append(utf8: text) }
            case .section(let name, let children, let inverted, _):
                let value = lookup(name) ?? .null
                if inverted {
                    if !value.isTruthy { try render(children, blocks: blocks, indent: indent, depth: depth) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try render(children, blocks: blocks, indent: indent, depth: depth)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    try render(children, blocks: blocks, indent: indent, depth: depth)
                    stack.removeLast()
                }
            case .block(let name, let children, let lineIndent):
                guard let lineIndent else {
                    try render(blocks[name] ?? children, blocks: blocks, indent: indent, depth: depth)
                    continue
                }
                let start = output.count
                try render(blocks[name] ?? children, blocks: blocks, indent: indent, depth: depth)
                output.layOutBlock(from: start, lineIndent: lineIndent)
            case .partial(let name, let own, let location):
                try include(name, blocks: [:], indent: indent + own, depth: depth, at: location)
            case .parent(let name, let own, let overrides, let location):
                // Overrides from further out win over those given here.
                try include(name, blocks: blocks.merging(overrides) { outer, _ in outer }, indent: indent + own, depth: depth, at: location)
            }
        }
    }

    private mutating func include(_ name: String, blocks: [String: [Node]], indent: String, depth: Int,
                                  at location: SourceLocation) throws(TemplateError) {
        guard depth < TemplateLibrary.maximumDepth else {
            throw location.error("'\(name)' is included more than \(TemplateLibrary.maximumDepth) levels deep; does its data nest that far?")
        }
        guard let template = library.template(name) else { throw location.error("no template '\(name)'") }
        if !indent.isEmpty { output.append(utf8: indent) }
        try render(template.nodes, blocks: blocks, indent: indent, depth: depth + 1)
    }

    /// nil when the name is not there at all (a present null is found).
    func lookup(_ name: Name) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last ?? .null }
        var found: TemplateValue?
        for frame in stack.reversed() {
            if let value = frame[first] {
                found = value
                break
            }
        }
        guard var current = found else { return nil }
        for part in name.parts.dropFirst() {
            guard let next = current[part] else { return nil }
            current = next
        }
        return current
    }
}
