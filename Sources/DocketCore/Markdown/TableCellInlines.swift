import CMark

/// The inline content of a table's cells, parsed by cmark in one document
/// instead of one parser per cell (making a parser costs more than parsing a
/// short cell). A cell joins the shared document only when its first byte
/// cannot open a block (heading, list, quote, fence, HTML block, link
/// definition, thematic break), so there, between blank lines, it is the one
/// paragraph it would be alone. Any other cell is parsed alone, as before.
struct TableCellInlines {
    private var shared: OpaquePointer?
    /// For each cell, its paragraph in the shared document, if it has one there.
    private var paragraphs: [OpaquePointer?]
    private let texts: [String]
    private let options: Int32

    init(_ texts: [String], options: Int32) {
        self.texts = texts
        self.options = options
        paragraphs = Array(repeating: nil, count: texts.count)
        let joined = texts.indices.filter { Self.isParagraphStart(texts[$0]) }
        guard joined.count > 1 else { return }
        let document = CMarkTree.parse(joined.map { texts[$0] }.joined(separator: "\n\n"), options: options)
        let blocks = CMarkTree.children(document)
        // The rule above makes this hold; should it ever not, every cell is parsed alone.
        guard blocks.count == joined.count, blocks.allSatisfy({ CMarkTree.type($0) == CMARK_NODE_PARAGRAPH }) else {
            CMarkTree.free(document)
            return
        }
        shared = document
        for (cell, block) in zip(joined, blocks) { paragraphs[cell] = block }
    }

    /// Moves cell `index`'s inlines into `node`; a cell that is not one
    /// paragraph (it reads as a list or heading) stays text.
    func fill(_ node: OpaquePointer, with index: Int) {
        let text = texts[index]
        guard !text.isEmpty else { return }
        if let paragraph = paragraphs[index] {
            for inline in CMarkTree.children(paragraph) { CMarkTree.append(inline, to: node) }
        } else if let parsed = CMarkTree.parseInlines(text, options: options) {
            for inline in CMarkTree.children(CMarkTree.children(parsed)[0]) { CMarkTree.append(inline, to: node) }
            CMarkTree.free(parsed)
        } else {
            CMarkTree.append(CMarkTree.text(text), to: node)
        }
    }

    func free() {
        if let shared { CMarkTree.free(shared) }
    }

    /// A letter, a byte of a non-ASCII character, or punctuation that opens no block.
    private static func isParagraphStart(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x80...0xFF: return true
        default: return "()\"',.;:!?@$%&/\\{}^".utf8.contains(first)
        }
    }
}
