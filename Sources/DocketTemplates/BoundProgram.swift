/// A bound template flattened into one array of instructions over side
/// tables, which is what pages render from. A tree of `BoundNode`s holds a
/// string or an array in every node, and walking it retained and released
/// each one on every render (the renderer made a quarter of a cold build's
/// retains); an instruction here holds only numbers.
struct BoundProgram: Sendable {
    enum Op: Sendable {
        /// Literal text: the bytes `text[start..<end]`.
        case text(start: Int, end: Int, endsTemplate: Bool)
        case variable(slot: Int, escaped: Bool)
        /// The ops after this one, up to `end`, are the section's.
        case section(slot: Int, end: Int, inverted: Bool)
        /// A partial or parent up to `end`; its lines get `strings[indent]`.
        case include(end: Int, indent: Int)
        /// A block up to `end`, laid out at `strings[lineIndent]` when standalone (-1: inline).
        case block(end: Int, lineIndent: Int)
    }

    /// Where a name is read (`Slot`): the frame `depth` below the top, then
    /// the fields `paths[pathStart..<pathEnd]` in turn.
    struct Place: Sendable {
        let depth: Int
        let pathStart: Int
        let pathEnd: Int
    }

    private(set) var ops: [Op] = []
    private(set) var text: [UInt8] = []
    private(set) var places: [Place] = []
    private(set) var paths: [Int] = []
    private(set) var strings: [String] = []

    init(_ nodes: [BoundNode]) {
        append(nodes)
    }

    private mutating func append(_ nodes: [BoundNode]) {
        for node in nodes {
            switch node {
            case .text(let literal, let endsTemplate):
                let start = text.count
                text += literal.utf8
                ops.append(.text(start: start, end: text.count, endsTemplate: endsTemplate))
            case .variable(let slot, let escaped):
                ops.append(.variable(slot: place(slot), escaped: escaped))
            case .section(let slot, let children, let inverted):
                let at = ops.count
                let read = place(slot)
                ops.append(.section(slot: read, end: 0, inverted: inverted))
                append(children)
                ops[at] = .section(slot: read, end: ops.count, inverted: inverted)
            case .include(let children, let indent):
                let at = ops.count
                let string = strings.count
                strings.append(indent)
                ops.append(.include(end: 0, indent: string))
                append(children)
                ops[at] = .include(end: ops.count, indent: string)
            case .block(let children, let lineIndent):
                let at = ops.count
                var string = -1
                if let lineIndent {
                    string = strings.count
                    strings.append(lineIndent)
                }
                ops.append(.block(end: 0, lineIndent: string))
                append(children)
                ops[at] = .block(end: ops.count, lineIndent: string)
            }
        }
    }

    private mutating func place(_ slot: Slot) -> Int {
        let start = paths.count
        paths += slot.path
        places.append(Place(depth: slot.depth, pathStart: start, pathEnd: paths.count))
        return places.count - 1
    }
}
