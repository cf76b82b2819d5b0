/// Renders compiled nodes against a stack of values: a name is looked up
/// from the innermost value outwards, a dotted name's later parts inside
/// what the first part found.
struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output = ""
    /// Set by `docket template check`: notes which names resolved.
    let recorder: LookupRecorder?

    init(library: TemplateLibrary, stack: [TemplateValue], recorder: LookupRecorder? = nil) {
        self.library = library
        self.stack = stack
        self.recorder = recorder
    }

    /// `blocks`: block overrides in force (outermost first wins); `indent`:
    /// what a standalone partial adds at the start of each of its lines.
    mutating func render(_ nodes: [Node], blocks: [String: [Node]], indent: String, depth: Int) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let endsTemplate):
                if indent.isEmpty { output += text } else { appendIndented(text, indent, endsTemplate: endsTemplate) }
            case .variable(let name, let escaped, let location):
                let text = lookup(name, at: location).text
                if escaped { HTMLEscape.escape(text, into: &output) } else { output += text }
            case .section(let name, let children, let inverted, let location):
                let value = lookup(name, at: location)
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
                // Rendered in place; moved out and reindented only when its lines need it.
                let start = output.utf8.count
                try render(blocks[name] ?? children, blocks: blocks, indent: indent, depth: depth)
                let startIndex = output.utf8.index(output.utf8.startIndex, offsetBy: start)
                guard let first = output.utf8[startIndex...].first else { continue }
                if lineIndent.isEmpty && first != 0x20 && first != 0x09 {
                    if output.utf8.last != 0x0A { output += "\n" }
                    continue
                }
                let content = String(output[startIndex...])
                output.removeSubrange(startIndex...)
                appendReindented(content, lineIndent)
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
        if !indent.isEmpty { output += indent }
        try render(template.nodes, blocks: blocks, indent: indent, depth: depth + 1)
    }

    /// A standalone block's content as whole lines: the indentation it was
    /// written with removed, the indentation where it lands added.
    private mutating func appendReindented(_ content: String, _ lineIndent: String) {
        let bytes = content.utf8
        guard !bytes.isEmpty else { return }
        let written = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let lines = Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !(number == lines.count - 1 && line.isEmpty) {
            let leading = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
            output += lineIndent
            output += String(decoding: line.dropFirst(min(leading, written)), as: UTF8.self)
            output += "\n"
        }
    }

    /// Text of an indented partial: the indentation after every line end but
    /// the partial's very last one.
    private mutating func appendIndented(_ text: String, _ indent: String, endsTemplate: Bool) {
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") {
            output += rest[...newline]
            rest = rest[rest.index(after: newline)...]
            if !(rest.isEmpty && endsTemplate) { output += indent }
        }
        output += rest
    }

    func lookup(_ name: Name, at location: SourceLocation) -> TemplateValue {
        let value = lookup(name)
        if let recorder { recorder.note(name.text, at: location, found: value != nil, stack: stack) }
        return value ?? .null
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
