/// A compiled template: a tree of these, built once per run.
indirect enum Node: Sendable {
    /// Literal text; `endsTemplate` marks the template's very last text, whose
    /// final newline an indented partial does not indent after.
    case text(String, endsTemplate: Bool)
    case variable(Name, escaped: Bool, SourceLocation)
    case section(Name, [Node], inverted: Bool, SourceLocation)
    case partial(String, indent: String, SourceLocation)
    case parent(String, indent: String, blocks: [String: [Node]], SourceLocation)
    /// A block's name and default content; `lineIndent` is set when its tag
    /// stands alone: its content is then laid out as whole lines at that indentation.
    case block(String, [Node], lineIndent: String?)
}

/// A name as a tag writes it: `.` (the current value) or dotted parts,
/// split once when the template is compiled.
struct Name: Sendable, Equatable {
    let parts: [String]
    var isImplicit: Bool { parts.isEmpty }
    var text: String { parts.isEmpty ? "." : parts.joined(separator: ".") }

    init(_ text: String, at location: SourceLocation) throws(TemplateError) {
        if text == "." {
            parts = []
            return
        }
        let split = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !split.contains(where: \.isEmpty) else {
            throw location.error("'\(text)' is not a name: dotted names are parts joined by single dots, such as task.title")
        }
        parts = split
    }
}
