/// Reads template source into tokens: text split at line ends, and tags,
/// following `{{=<% %>=}}` delimiter changes as it goes. Then removes the
/// lines on which tags stand alone, as the Mustache specification says.
struct TemplateScanner {
    let source: [UInt8]
    let path: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private let lineStarts: [Int]

    init(source: String, path: String) {
        self.source = Array(source.utf8)
        self.path = path
        var starts = [0]
        for (index, byte) in self.source.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }

    func location(_ offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: source[lineStarts[low]..<min(offset, source.count)], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: low + 1, column: column)
    }

    mutating func tokens() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var textStart = 0
        while index < source.count {
            guard matches(open, at: index) else { index += 1; continue }
            appendText(textStart..<index, to: &tokens)
            let (tag, end) = try readTag(at: index)
            tokens.append(.tag(tag))
            index = end
            textStart = end
        }
        appendText(textStart..<source.count, to: &tokens)
        return Self.removingStandaloneLines(tokens)
    }

    private func appendText(_ range: Range<Int>, to tokens: inout [Token]) {
        var start = range.lowerBound
        for index in range where source[index] == 0x0A {
            tokens.append(.text(String(decoding: source[start...index], as: UTF8.self)))
            start = index + 1
        }
        if start < range.upperBound { tokens.append(.text(String(decoding: source[start..<range.upperBound], as: UTF8.self))) }
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= source.count else { return false }
        for offset in 0..<pattern.count where source[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= source.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private mutating func readTag(at start: Int) throws(TemplateError) -> (Tag, Int) {
        let here = location(start)
        let openText = String(decoding: open, as: UTF8.self), closeText = String(decoding: close, as: UTF8.self)
        var contentStart = start + open.count
        guard contentStart < source.count else { throw here.error("unclosed tag: '\(openText)' at the end of the template") }
        let sigil = source[contentStart]
        let kind: Tag.Kind
        var terminator = close
        switch sigil {
        case UInt8(ascii: "{"): kind = .raw; terminator = Array("}".utf8) + close
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters; terminator = Array("=".utf8) + close
        default: kind = .variable
        }
        if kind != .variable { contentStart += 1 }
        guard let end = find(terminator, from: contentStart) else {
            throw here.error("unclosed tag: no '\(String(decoding: terminator, as: UTF8.self))' after '\(openText)'")
        }
        let content = String(decoding: source[contentStart..<end], as: UTF8.self).trimmingWhitespace
        let tag = Tag(kind: kind, content: content, location: here)
        switch kind {
        case .comment:
            break
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                throw here.error("bad delimiter tag '\(openText)=\(content)=\(closeText)': it takes two delimiters separated by a space, such as {{=<% %>=}}")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        default:
            let shownSigil = kind == .variable ? "" : String(UnicodeScalar(sigil))
            guard !content.isEmpty else { throw here.error("empty tag '\(openText)\(shownSigil)\(closeText)': a tag names a value") }
            guard !content.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
                throw here.error("a tag names one value; found '\(content)'")
            }
        }
        return (tag, end + terminator.count)
    }

    /// A line whose tags may all stand alone and whose text is only
    /// whitespace leaves nothing: its whitespace and newline are dropped, and
    /// a partial or parent on it is indented by the whitespace before it.
    static func removingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count && !tokens[lineEnd].endsLine { lineEnd += 1 }
            let line = tokens[lineStart..<min(lineEnd + 1, tokens.count)]
            var hasTag = false, standalone = true
            for token in line {
                switch token {
                case .tag(let tag): hasTag = true; if !tag.kind.canStandAlone { standalone = false }
                case .text: if !token.isBlank { standalone = false }
                }
            }
            if hasTag && standalone {
                var indent = ""
                if case .text(let leading)? = line.first { indent = leading.trimmingNewline }
                for token in line {
                    guard case .tag(var tag) = token else { continue }
                    tag.indent = indent
                    tag.standalone = true
                    result.append(.tag(tag))
                }
            } else {
                result.append(contentsOf: line)
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}

extension String {
    var trimmingWhitespace: String {
        let bytes = Array(utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Leading whitespace text without a line end (a standalone line's indentation).
    var trimmingNewline: String {
        String(decoding: utf8.filter { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
    }
}
