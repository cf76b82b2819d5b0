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
                  content[header].utf8.contains(UInt8(ascii: "|")) || content[header + 1].utf8.contains(UInt8(ascii: "|")) else { continue }
            if header > 0, let before = CMarkTree.parseInlines(content[..<header].joined(separator: "\n"), options: options) {
                // The lines before the header stay a paragraph of their own.
                for block in CMarkTree.children(before) { CMarkTree.insert(block, before: node) }
                CMarkTree.free(before)
            }
            let rows = [headerCells] + content[(header + 2)...].map(cells)
            // Every row has as many cells as the header: missing ones empty, extra ones dropped.
            let texts = rows.flatMap { row in alignments.indices.map { $0 < row.count ? row[$0] : "" } }
            let inlines = TableCellInlines(texts, options: options)
            defer { inlines.free() }
            let table = CMarkTree.custom(block: true, enter: "<table>", exit: "</table>")
            let head = CMarkTree.custom(block: true, enter: "<thead>", exit: "</thead>")
            CMarkTree.append(row(0, openingTags(alignments, cell: "th"), closing: "</th>\n", inlines), to: head)
            CMarkTree.append(head, to: table)
            if rows.count > 1 {
                let tbody = CMarkTree.custom(block: true, enter: "<tbody>", exit: "</tbody>")
                let tags = openingTags(alignments, cell: "td")
                for number in 1..<rows.count { CMarkTree.append(row(number, tags, closing: "</td>\n", inlines), to: tbody) }
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
            let bytes = Array(part.utf8)
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.count > 1 && bytes.last == UInt8(ascii: ":")
            let dashes = bytes.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// A row's cells: split at pipes that are not escaped, the outer pipes
    /// optional, each cell trimmed, `\|` read as `|`. By bytes, as GitHub
    /// splits them: every byte that matters here is ASCII.
    static func cells(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if start < end, bytes[end - 1] == UInt8(ascii: "|"), !isEscaped(bytes[start..<end], at: end - 1) { end -= 1 }
        var result: [String] = []
        // A cell is a range of `bytes`; only a cell with an escaped pipe is copied to drop its backslashes.
        func finish(_ from: Int, _ to: Int, escapes: Bool) {
            var first = from
            var last = to
            while first < last, isBlank(bytes[first]) { first += 1 }
            while last > first, isBlank(bytes[last - 1]) { last -= 1 }
            var cell = bytes[first..<last]
            if escapes {
                var unescaped: [UInt8] = []
                var index = first
                while index < last {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < last, bytes[index + 1] == UInt8(ascii: "|") { index += 1 }
                    unescaped.append(bytes[index])
                    index += 1
                }
                cell = unescaped[...]
            }
            result.append(String(decoding: cell, as: UTF8.self))
        }
        var cellStart = start
        var escapes = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "|") {
                escapes = true
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                finish(cellStart, index, escapes: escapes)
                cellStart = index + 1
                escapes = false
            }
            index += 1
        }
        finish(cellStart, end, escapes: escapes)
        return result
    }

    private static func isEscaped(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var backslashes = 0
        var position = index
        while position > bytes.startIndex, bytes[position - 1] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }

    /// Each column's opening tag, `<th align="left">` or `<td>`.
    private static func openingTags(_ alignments: [Alignment], cell tag: String) -> [String] {
        alignments.map { alignment in
            switch alignment {
            case .none: "<\(tag)>"
            case .left: "<\(tag) align=\"left\">"
            case .center: "<\(tag) align=\"center\">"
            case .right: "<\(tag) align=\"right\">"
            }
        }
    }

    /// Row `number` of the table, its cells filled from `inlines`; `tags` from `openingTags`.
    private static func row(_ number: Int, _ tags: [String], closing: String, _ inlines: TableCellInlines) -> OpaquePointer {
        let row = CMarkTree.custom(block: true, enter: "<tr>", exit: "</tr>")
        for (index, tag) in tags.enumerated() {
            let cell = CMarkTree.custom(block: false, enter: tag, exit: closing)
            inlines.fill(cell, with: number * tags.count + index)
            CMarkTree.append(cell, to: row)
        }
        return row
    }
}
