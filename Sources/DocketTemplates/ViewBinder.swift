/// A template bound to view types: every name replaced by where it is read
/// (how many frames down the stack, then which field at each dotted part),
/// and every partial and parent inlined with its blocks chosen.
indirect enum BoundNode: Sendable {
    case text(String, endsTemplate: Bool)
    case variable(Slot, escaped: Bool)
    case section(Slot, [BoundNode], inverted: Bool)
    /// A partial or parent: its lines get `indent` (standalone tags only).
    case include([BoundNode], indent: String)
    case block([BoundNode], lineIndent: String?)
}

/// Where a name is read: the frame `depth` below the top of the stack, then
/// the field at each index of `path` in turn. An empty path is the frame itself (`{{.}}`).
struct Slot: Sendable {
    let depth: Int
    let path: [Int]
}

/// Binds a library's templates against a stack of view types, resolving
/// each name as Mustache would at run time (innermost frame that has its
/// first part, later parts inside it). Collects every problem rather than
/// stopping at the first, so `docket template check` can list them all.
struct ViewBinder {
    /// A frame's type: a view, or a plain value (a text in a list of texts, a flag).
    enum Frame {
        case view(any TemplateView.Type)
        case value
    }

    let library: TemplateLibrary
    private(set) var problems: [TemplateError] = []
    private var reported: Set<String> = []

    init(library: TemplateLibrary) { self.library = library }

    mutating func bind(_ name: String, stack: [Frame]) -> [BoundNode] {
        guard let template = library.template(name) else {
            problems.append(TemplateError(path: name, line: 1, column: 1, message: "no template '\(name)'"))
            return []
        }
        return bind(template.nodes, stack: stack, blocks: [:], depth: 0)
    }

    private mutating func bind(_ nodes: [Node], stack: [Frame], blocks: [String: [Node]], depth: Int) -> [BoundNode] {
        nodes.map { node -> BoundNode in
            switch node {
            case .text(let text, let endsTemplate):
                return .text(text, endsTemplate: endsTemplate)
            case .variable(let name, let escaped, let location):
                return .variable(resolve(name, in: stack, at: location).slot, escaped: escaped)
            case .section(let name, let children, let inverted, let location):
                let (slot, pushed) = resolve(name, in: stack, at: location)
                return .section(slot, bind(children, stack: inverted ? stack : stack + [pushed], blocks: blocks, depth: depth),
                                inverted: inverted)
            case .block(let name, let children, let lineIndent):
                return .block(bind(blocks[name] ?? children, stack: stack, blocks: blocks, depth: depth), lineIndent: lineIndent)
            case .partial(let name, let indent, let location):
                return .include(include(name, stack: stack, blocks: [:], depth: depth, at: location), indent: indent)
            case .parent(let name, let indent, let overrides, let location):
                // Overrides from further out win over those given here.
                let merged = blocks.merging(overrides) { outer, _ in outer }
                return .include(include(name, stack: stack, blocks: merged, depth: depth, at: location), indent: indent)
            }
        }
    }

    private mutating func include(_ name: String, stack: [Frame], blocks: [String: [Node]], depth: Int,
                                  at location: SourceLocation) -> [BoundNode] {
        // Typed views do not nest without end, so a deep include is a recursion through sections.
        guard depth < TemplateLibrary.maximumDepth else {
            report(location.error("'\(name)' is included more than \(TemplateLibrary.maximumDepth) levels deep"))
            return []
        }
        guard let template = library.template(name) else { return [] }  // checked when the library loaded
        return bind(template.nodes, stack: stack, blocks: blocks, depth: depth + 1)
    }

    /// Where `name` is read, and what a section over it pushes.
    private mutating func resolve(_ name: Name, in stack: [Frame], at location: SourceLocation) -> (slot: Slot, pushed: Frame) {
        let missing = (Slot(depth: -1, path: []), Frame.value)
        guard let first = name.parts.first else { return (Slot(depth: 0, path: []), stack.last ?? .value) }
        for (depth, frame) in stack.reversed().enumerated() {
            guard case .view(let type) = frame, let index = type.fieldIndex(first) else { continue }
            var path = [index]
            var kind = type.fields(at: index)
            var owner = type
            for part in name.parts.dropFirst() {
                guard case .view(let nested) = kind else {
                    report(location.error("'\(name.text)': '\(owner.fieldNames[path[path.count - 1]])' of \(owner.viewName) view has no fields, so '\(part)' cannot be read from it"))
                    return missing
                }
                guard let next = nested.fieldIndex(part) else {
                    report(location.error("no field '\(part)' in \(nested.viewName) view (in '\(name.text)')\(hint(part, nested.fieldNames))"))
                    return missing
                }
                path.append(next)
                owner = nested
                kind = nested.fields(at: next)
            }
            let pushed: Frame = switch kind {
            case .view(let nested), .list(let nested): .view(nested)
            case .scalar, .texts: .value
            }
            return (Slot(depth: depth, path: path), pushed)
        }
        var names: [String] = []
        var viewNames: [String] = []
        for case .view(let type) in stack.reversed() {
            names += type.fieldNames
            viewNames.append(type.viewName + " view")
        }
        let scope = viewNames.count < 2 ? (viewNames.first ?? "any view")
            : viewNames.dropLast().joined(separator: ", ") + " or " + viewNames[viewNames.count - 1]
        report(location.error("no field '\(name.text)' in \(scope)\(hint(first, names))"))
        return missing
    }

    private func hint(_ name: String, _ names: [String]) -> String {
        Suggestion.closest(to: name, among: Set(names), limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// A partial included from several places reports each problem once.
    private mutating func report(_ error: TemplateError) {
        if reported.insert(error.description).inserted { problems.append(error) }
    }
}

extension TemplateView {
    static func fields(at index: Int) -> FieldKind { fields[index].kind }
}
