/// Renders bound nodes against a stack of typed views. Every name was
/// resolved when the template was bound, so a lookup is an index into the
/// stack and a call per dotted part.
struct TypedRenderer {
    enum Frame {
        case view(any TemplateView)
        case value(FieldValue)
    }

    var stack: [Frame]
    var output: [UInt8] = []

    mutating func render(_ nodes: [BoundNode], indent: String) {
        for node in nodes {
            switch node {
            case .text(let text, let endsTemplate):
                if indent.isEmpty { output.append(utf8: text) } else { output.appendIndented(text, indent, endsTemplate: endsTemplate) }
            case .variable(let slot, let escaped):
                switch value(at: slot) {
                case .text(let text): if escaped { HTMLEscape.escape(text, into: &output) } else { output.append(utf8: text) }
                case .number(let number): output.append(utf8: String(number))
                case .flag(let flag): output.append(utf8: flag ? "true" : "false")
                case .none, .view, .list, .texts: break
                }
            case .section(let slot, let children, let inverted):
                let value = value(at: slot)
                if inverted {
                    if !value.isTruthy { render(children, indent: indent) }
                    continue
                }
                switch value {
                case .list(let items):
                    for index in 0..<items.count {
                        stack.append(.view(items.item(index)))
                        render(children, indent: indent)
                        stack.removeLast()
                    }
                case .texts(let items):
                    for item in items {
                        stack.append(.value(.text(item)))
                        render(children, indent: indent)
                        stack.removeLast()
                    }
                case .view(let view):
                    stack.append(.view(view))
                    render(children, indent: indent)
                    stack.removeLast()
                default:
                    guard value.isTruthy else { continue }
                    stack.append(.value(value))
                    render(children, indent: indent)
                    stack.removeLast()
                }
            case .block(let children, let lineIndent):
                guard let lineIndent else {
                    render(children, indent: indent)
                    continue
                }
                let start = output.count
                render(children, indent: indent)
                output.layOutBlock(from: start, lineIndent: lineIndent)
            case .include(let children, let own):
                let inner = indent + own
                if !inner.isEmpty { output.append(utf8: inner) }
                render(children, indent: inner)
            }
        }
    }

    private func value(at slot: Slot) -> FieldValue {
        guard slot.depth >= 0, slot.depth < stack.count else { return .none }
        var value: FieldValue
        switch stack[stack.count - 1 - slot.depth] {
        case .view(let view):
            guard let first = slot.path.first else { return .view(view) }
            value = view.field(first)
        case .value(let plain):
            return slot.path.isEmpty ? plain : .none
        }
        // By index: a slice of the path would be retained and released on every lookup.
        var part = 1
        while part < slot.path.count {
            guard case .view(let nested) = value else { return .none }
            value = nested.field(slot.path[part])
            part += 1
        }
        return value
    }
}
