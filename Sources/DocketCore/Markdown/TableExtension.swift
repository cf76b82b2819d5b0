import CMark

/// GitHub's tables, on cmark's document: a paragraph (or a setext heading,
/// whose underline then reads as a row) whose source lines hold a header
/// row and a delimiter row with as many cells becomes a table. The lines are
/// split into cells from the source; each cell's inline content is parsed by
/// cmark, and the table is written as custom nodes with docket's own tags.
enum TableExtension {
    static func apply(_ root: OpaquePointer, source lines: [Substring], options: Int32) {
        let candidates = CMarkTree.descendants(root) {
            let kind = CMarkTree.type($0)
            return kind == CMARK_NODE_PARAGRAPH || kind == CMARK_NODE_HEADING
        }
        for node in candidates { convert(node, lines: lines, options: options) }
    }

    private static func convert(_ node: OpaquePointer, lines: [Substring], options: Int32) {
        let first = Int(cmark_node_get_start_line(node)) - 1
        let last = Int(cmark_node_get_end_line(node)) - 1
        guard first >= 0, first < last, last < lines.count else { return }
        // Most paragraphs are not tables: look for a line that could be a delimiter row first.
        guard lines[(first + 1)...last].contains(where: mayBeDelimiterRow) else { return }
        let prefix = max(0, Int(cmark_node_get_start_column(node)) - 1)
        let content = lines[first...last].enumerated().map { offset, line in contentOf(line, prefix: prefix, first: offset == 0) }
        let isHeading = CMarkTree.type(node) == CMARK_NODE_HEADING
        if isHeading && content[0].hasPrefix("#") { return }  // an ATX heading is one line
        // The header may follow paragraph lines (a table interrupts a paragraph); not in a heading.
        for header in 0..<(content.count - 1) where !isHeading || header == 0 {
            guard let alignments = delimiterRow(content[header + 1]) else { continue }
            let headerCells = cells(content[header])
            guard headerCells.count == alignments.count,
                  content[header].contains("|") || content[header + 1].contains("|") else { continue }
            if header > 0, let before = CMarkTree.parseInlines(content[..<header].joined(separator: "\n"), options: options) {
                // The lines before the header stay a paragraph of their own.
                for block in CMarkTree.children(before) { CMarkTree.insert(block, before: node) }
                CMarkTree.free(before)
            }
            let table = CMarkTree.custom(block: true, enter: "<table>", exit: "</table>")
            let head = CMarkTree.custom(block: true, enter: "<thead>", exit: "</thead>")
            CMarkTree.append(row(headerCells, alignments, cell: "th", options: options), to: head)
            CMarkTree.append(head, to: table)
            let body = content[(header + 2)...]
            if !body.isEmpty {
                let tbody = CMarkTree.custom(block: true, enter: "<tbody>", exit: "</tbody>")
                for line in body { CMarkTree.append(row(cells(line), alignments, cell: "td", options: options), to: tbody) }
                CMarkTree.append(tbody, to: table)
            }
            CMarkTree.insert(table, before: node)
            CMarkTree.free(node)
            return
        }
    }

    /// Only spaces, tabs, `|`, `:`, `-` (and a block quote's `>`), with at least one `-`.
    private static func mayBeDelimiterRow(_ line: Substring) -> Bool {
        var dash = false
        for byte in line.utf8 {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case 0x20, 0x09, UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ">"): continue
            default: return false
            }
        }
        return dash
    }

    /// A source line without the containers' markers (indentation, `>`) before the block's column.
    private static func contentOf(_ line: Substring, prefix: Int, first: Bool) -> String {
        var rest = line
        var removed = 0
        while removed < prefix, let character = rest.first, first || character == " " || character == "\t" || character == ">" {
            rest = rest.dropFirst()
            removed += 1
        }
        return String(rest)
    }

    enum Alignment { case none, left, center, right }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil when the line is not one.
    static func delimiterRow(_ line: String) -> [Alignment]? {
        let parts = cells(line)
        guard !parts.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for part in parts {
            let left = part.hasPrefix(":")
            let right = part.hasSuffix(":") && part.count > 1
            let dashes = part.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// A row's cells: split at pipes that are not escaped, the outer pipes
    /// optional, each cell trimmed, `\|` read as `|`.
    static func cells(_ line: String) -> [String] {
        var text = Substring(line.trimmingASCIISpaces)
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !isEscaped(text, at: text.index(before: text.endIndex)) { text = text.dropLast() }
        var result: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "|" {
                current.append("|")
                index = text.index(index, offsetBy: 2)
                continue
            }
            if character == "|" {
                result.append(current.trimmingASCIISpaces)
                current = ""
            } else {
                current.append(character)
            }
            index = text.index(after: index)
        }
        result.append(current.trimmingASCIISpaces)
        return result
    }

    private static func isEscaped(_ text: Substring, at index: Substring.Index) -> Bool {
        var backslashes = 0
        var position = index
        while position > text.startIndex {
            position = text.index(before: position)
            guard text[position] == "\\" else { break }
            backslashes += 1
        }
        return backslashes % 2 == 1
    }

    /// One row: as many cells as the header has (missing ones empty, extra ones dropped).
    private static func row(_ cells: [String], _ alignments: [Alignment], cell tag: String, options: Int32) -> OpaquePointer {
        let row = CMarkTree.custom(block: true, enter: "<tr>", exit: "</tr>")
        for (index, alignment) in alignments.enumerated() {
            let attribute = switch alignment {
            case .none: ""
            case .left: #" align="left""#
            case .center: #" align="center""#
            case .right: #" align="right""#
            }
            let cell = CMarkTree.custom(block: false, enter: "<\(tag)\(attribute)>", exit: "</\(tag)>\n")
            let text = index < cells.count ? cells[index] : ""
            if !text.isEmpty {
                if let parsed = CMarkTree.parseInlines(text, options: options) {
                    let paragraph = CMarkTree.children(parsed)[0]
                    for inline in CMarkTree.children(paragraph) { CMarkTree.append(inline, to: cell) }
                    CMarkTree.free(parsed)
                } else {
                    CMarkTree.append(CMarkTree.text(text), to: cell)
                }
            }
            CMarkTree.append(cell, to: row)
        }
        return row
    }
}

extension String {
    var trimmingASCIISpaces: String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let end = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
