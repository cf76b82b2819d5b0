/// Renders a bound program against a stack of typed views. Every name was
/// resolved when the template was bound, so a lookup is an index into the
/// stack and a call per dotted part.
struct TypedRenderer {
    enum Frame {
        case view(any TemplateView)
        case value(FieldValue)
    }

    var stack: [Frame]
    var output: [UInt8] = []

    /// Renders `program.ops[range]`; a section, include or block renders the ops up to its end.
    mutating func render(_ program: BoundProgram, _ range: Range<Int>, indent: String) {
        var at = range.lowerBound
        while at < range.upperBound {
            switch program.ops[at] {
            case .text(let start, let end, let endsTemplate):
                program.text.withUnsafeBufferPointer { text in
                    let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
                    if indent.isEmpty { output.append(contentsOf: bytes) } else { output.appendIndented(bytes, indent, endsTemplate: endsTemplate) }
                }
                at += 1
            case .variable(let slot, let escaped):
                switch value(program, slot) {
                case .text(let text): if escaped { HTMLEscape.escape(text, into: &output) } else { output.append(utf8: text) }
                case .number(let number): output.append(utf8: String(number))
                case .flag(let flag): output.append(utf8: flag ? "true" : "false")
                case .none, .view, .list, .texts: break
                }
                at += 1
            case .section(let slot, let end, let inverted):
                section(program, value(program, slot), at + 1..<end, inverted: inverted, indent: indent)
                at = end
            case .block(let end, let lineIndent):
                if lineIndent < 0 {
                    render(program, at + 1..<end, indent: indent)
                } else {
                    let start = output.count
                    render(program, at + 1..<end, indent: indent)
                    output.layOutBlock(from: start, lineIndent: program.strings[lineIndent])
                }
                at = end
            case .include(let end, let own):
                let inner = indent + program.strings[own]
                if !inner.isEmpty { output.append(utf8: inner) }
                render(program, at + 1..<end, indent: inner)
                at = end
            }
        }
    }

    private mutating func section(_ program: BoundProgram, _ value: FieldValue, _ children: Range<Int>, inverted: Bool, indent: String) {
        if inverted {
            if !value.isTruthy { render(program, children, indent: indent) }
            return
        }
        switch value {
        case .list(let items):
            for index in 0..<items.count {
                stack.append(.view(items.item(index)))
                render(program, children, indent: indent)
                stack.removeLast()
            }
        case .texts(let items):
            for item in items {
                stack.append(.value(.text(item)))
                render(program, children, indent: indent)
                stack.removeLast()
            }
        case .view(let view):
            stack.append(.view(view))
            render(program, children, indent: indent)
            stack.removeLast()
        default:
            guard value.isTruthy else { return }
            stack.append(.value(value))
            render(program, children, indent: indent)
            stack.removeLast()
        }
    }

    private func value(_ program: BoundProgram, _ slot: Int) -> FieldValue {
        let place = program.places[slot]
        guard place.depth >= 0, place.depth < stack.count else { return .none }
        var value: FieldValue
        switch stack[stack.count - 1 - place.depth] {
        case .view(let view):
            guard place.pathStart < place.pathEnd else { return .view(view) }
            value = view.field(program.paths[place.pathStart])
        case .value(let plain):
            return place.pathStart == place.pathEnd ? plain : .none
        }
        var part = place.pathStart + 1
        while part < place.pathEnd {
            guard case .view(let nested) = value else { return .none }
            value = nested.field(program.paths[part])
            part += 1
        }
        return value
    }
}
