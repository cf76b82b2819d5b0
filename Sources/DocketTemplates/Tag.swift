/// One tag of a template, as the scanner reads it.
struct Tag: Sendable {
    enum Kind: Sendable {
        case variable, raw, section, inverted, close, comment, partial, delimiters, parent, block

        /// Tags that may stand alone on a line, which then leaves no trace in the output.
        var canStandAlone: Bool { self != .variable && self != .raw }
    }

    var kind: Kind
    /// The tag's content, trimmed: a name, a partial's name, a comment.
    var content: String
    var location: SourceLocation
    /// For a partial or parent standing alone: the whitespace before it,
    /// prepended to every line of what it includes.
    var indent = ""
    /// Alone on its line (with other tags that may stand alone, and whitespace).
    var standalone = false
}

/// A piece of template source: text (at most one line, its newline
/// included) or a tag.
enum Token: Sendable {
    case text(String)
    case tag(Tag)

    var isBlank: Bool {
        guard case .text(let text) = self else { return false }
        return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    var endsLine: Bool {
        if case .text(let text) = self { return text.utf8.last == 0x0A }
        return false
    }
}
