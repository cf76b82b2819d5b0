/// A template bound to the view types it renders (bottom of the stack
/// first): checked once when the theme loads, then rendered many times.
public struct CompiledTemplate: Sendable {
    let program: BoundProgram
    public let name: String

    init(nodes: [BoundNode], name: String) {
        program = BoundProgram(nodes)
        self.name = name
    }

    /// Renders against views of the types it was bound to, in the same order.
    public func render(_ views: any TemplateView...) -> String {
        String(decoding: renderUTF8(views, reserving: 0), as: UTF8.self)
    }

    /// The rendered page as UTF-8, for writing to a file without a String in
    /// between. Room for a page is made up front (a task's row, rendered as a
    /// String 200,000 times at 100,000 tasks, is not given it).
    public func renderUTF8(_ views: any TemplateView...) -> [UInt8] {
        renderUTF8(views, reserving: 16_384)
    }

    private func renderUTF8(_ views: [any TemplateView], reserving capacity: Int) -> [UInt8] {
        var renderer = TypedRenderer(stack: views.map { .view($0) })
        renderer.output.reserveCapacity(capacity)
        renderer.render(program, 0..<program.ops.count, indent: "")
        return renderer.output
    }
}

/// Every problem found binding templates to views, each `path:line:col: error: …`.
public struct TemplateProblems: Error, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]
    public init(errors: [TemplateError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension TemplateLibrary {
    /// Binds template `name` to a stack of view types (the outermost first,
    /// the page's own view last): every name, in the template and all it
    /// includes, must be supplied by a view in scope where it is used.
    public func compile(_ name: String, views: [any TemplateView.Type]) throws(TemplateProblems) -> CompiledTemplate {
        var binder = ViewBinder(library: self)
        let nodes = binder.bind(name, stack: views.map { .view($0) })
        guard binder.problems.isEmpty else { throw TemplateProblems(errors: binder.problems) }
        return CompiledTemplate(nodes: nodes, name: name)
    }
}

extension CompiledTemplate {
    /// A template that renders nothing: a placeholder while problems are collected.
    public static func empty(_ name: String) -> CompiledTemplate { CompiledTemplate(nodes: [], name: name) }
}
