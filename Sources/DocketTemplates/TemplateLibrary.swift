/// Named templates, each parsed and compiled once, that include each other
/// as partials (`{{>name}}`) and parents (`{{<name}}`). Every reference is
/// checked when the library is made: a missing template, or templates that
/// include each other with no section to stop them, is an error then,
/// never an empty string or an endless render later.
public struct TemplateLibrary: Sendable {
    struct Compiled: Sendable {
        var path: String
        var nodes: [Node]
    }

    private var templates: [String: Compiled] = [:]

    /// Partials nested deeper than this are a render error (a recursion that
    /// its data never stops).
    static let maximumDepth = 100

    /// - Parameter sources: each template's name (`partials/task-row`), the
    ///   path errors name, and its text.
    public init(_ sources: [(name: String, path: String, text: String)]) throws(TemplateError) {
        for source in sources {
            templates[source.name] = Compiled(path: source.path, nodes: try TemplateParser.parse(source.text, path: source.path))
        }
        try checkReferences()
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    public var names: [String] { templates.keys.sorted() }

    /// Renders a template against a value (its top-level context).
    public func render(_ name: String, _ value: TemplateValue) throws(TemplateError) -> String {
        guard let template = templates[name] else {
            throw TemplateError(path: name, line: 1, column: 1, message: "no template '\(name)'")
        }
        var renderer = TemplateRenderer(library: self, stack: [value])
        try renderer.render(template.nodes, blocks: [:], indent: "", depth: 0)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    func template(_ name: String) -> Compiled? { templates[name] }

    // MARK: - Load-time checks

    private func checkReferences() throws(TemplateError) {
        // Unconditional references: those outside any section.
        var edges: [String: [(String, SourceLocation)]] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            var found: [(String, SourceLocation)] = []
            try collect(template.nodes, conditional: false, into: &found)
            edges[name] = found
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String, _ trail: [String]) throws(TemplateError) {
            state[name] = 1
            for (target, location) in edges[name] ?? [] {
                if state[target] == 1 {
                    let cycle = (trail + [name, target]).drop { $0 != target }.joined(separator: " > ")
                    throw location.error("templates include each other with no section to end it: \(cycle)")
                }
                if state[target] == nil { try visit(target, trail + [name]) }
            }
            state[name] = 2
        }
        for name in templates.keys.sorted() where state[name] == nil { try visit(name, []) }
    }

    /// Every partial and parent named, checking each exists; unconditional
    /// ones are added to `found`.
    private func collect(_ nodes: [Node], conditional: Bool, into found: inout [(String, SourceLocation)]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, let children, _, _): try collect(children, conditional: true, into: &found)
            // A block's default may be overridden, which is how inherited templates end a recursion.
            case .block(_, let children, _): try collect(children, conditional: true, into: &found)
            case .partial(let name, _, let location):
                try require(name, at: location)
                if !conditional { found.append((name, location)) }
            case .parent(let name, _, let blocks, let location):
                try require(name, at: location)
                if !conditional { found.append((name, location)) }
                for key in blocks.keys.sorted() { try collect(blocks[key] ?? [], conditional: true, into: &found) }
            }
        }
    }

    private func require(_ name: String, at location: SourceLocation) throws(TemplateError) {
        guard templates[name] == nil else { return }
        let close = templates.keys.sorted().filter { $0.hasSuffix(name) || name.hasSuffix($0) || $0.lowercased() == name.lowercased() }
        let hint = close.isEmpty ? "" : "; did you mean '\(close[0])'?"
        throw location.error("no template '\(name)' to include (a partial or parent is a file \(name).mustache)\(hint)")
    }
}
