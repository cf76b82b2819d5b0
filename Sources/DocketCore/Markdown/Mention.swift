/// A mention in a comment: the token `@{person-id:Display Name}`, or the
/// plain `@person-id` people type on GitHub when it names a member and stands
/// at the start or after a character that is not a word character (so
/// `ann@acme.example` is no mention). Parsing is linear in the text's length,
/// whatever the text holds.
public struct Mention: Sendable, Equatable {
    public var personID: String
    /// The name written in the token; the id itself for a plain mention.
    public var displayName: String
    /// Written as `@person-id` rather than as a token.
    public var isPlain: Bool

    public init(personID: String, displayName: String, isPlain: Bool = false) {
        self.personID = personID
        self.displayName = displayName
        self.isPlain = isPlain
    }

    /// The mention as written.
    public var token: String { isPlain ? "@" + personID : "@{\(personID):\(displayName)}" }

    public enum Piece: Sendable, Equatable {
        case text(String)
        case mention(Mention)
    }

    /// Splits text into plain text and mentions. A malformed token (bad id,
    /// empty name, no closing brace) stays text, and so does a plain `@word`
    /// for which `isMember` is false.
    public static func split(_ text: String, isMember: (String) -> Bool = { _ in false }) -> [Piece] {
        let bytes = Array(text.utf8)
        var scanner = Scanner(bytes: bytes)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        func flush(to end: Int) {
            if end > textStart { pieces.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            guard bytes[index] == at else { index += 1; continue }
            if index + 1 < bytes.count, bytes[index + 1] == openBrace {
                if let (mention, end) = scanner.token(openingAt: index) {
                    flush(to: index)
                    pieces.append(.mention(mention))
                    index = end
                    textStart = end
                } else {
                    index += 2
                }
                continue
            }
            let (id, end) = plainID(bytes, at: index)
            if let id, isMember(id) {
                flush(to: index)
                pieces.append(.mention(Mention(personID: id, displayName: id, isPlain: true)))
                textStart = end
            }
            index = max(end, index + 1)
        }
        flush(to: bytes.count)
        return pieces
    }

    /// Every mention-like word, member or not: `docket comment` warns about
    /// those that will notify nobody.
    public static func candidates(_ text: String) -> [Mention] {
        split(text, isMember: { _ in true }).compactMap { if case .mention(let mention) = $0 { mention } else { nil } }
    }

    // MARK: - Scanning

    private static let at = UInt8(ascii: "@"), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let colon = UInt8(ascii: ":"), newline = UInt8(ascii: "\n")

    /// The plain mention starting at the `@` at `start`: its id when it is
    /// one (a trailing `.` ends the sentence, not the id), and where the
    /// scan stopped.
    private static func plainID(_ bytes: [UInt8], at start: Int) -> (String?, Int) {
        if start > 0 && isWordByte(bytes[start - 1]) { return (nil, start + 1) }
        var end = start + 1
        while end < bytes.count && isIDByte(bytes[end]) { end += 1 }
        var idEnd = end
        while idEnd > start + 1 && bytes[idEnd - 1] == UInt8(ascii: ".") { idEnd -= 1 }
        let length = idEnd - start - 1
        guard length >= 1, length <= 128, Identifier.isAlphanumeric(bytes[start + 1]) else { return (nil, end) }
        return (String(decoding: bytes[(start + 1)..<idEnd], as: UTF8.self), idEnd)
    }

    static func isIDByte(_ byte: UInt8) -> Bool {
        Identifier.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Letters, digits, `_` and any non-ASCII byte (a letter such as `ü`).
    static func isWordByte(_ byte: UInt8) -> Bool {
        Identifier.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// Finds braced tokens in linear time: each search for a delimiter
    /// starts where the last one ended, because token starts only move forward.
    private struct Scanner {
        let bytes: [UInt8]
        var close: Finder
        var colon: Finder
        var newline: Finder
        var visible: Finder

        init(bytes: [UInt8]) {
            self.bytes = bytes
            close = Finder { $0 == Mention.closeBrace }
            colon = Finder { $0 == Mention.colon }
            newline = Finder { $0 == Mention.newline }
            visible = Finder { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }
        }

        /// `@{id:name}` at `start`: the mention and the index after it.
        mutating func token(openingAt start: Int) -> (Mention, Int)? {
            let open = start + 2
            guard let close = close.next(in: bytes, from: open), let colon = colon.next(in: bytes, from: open),
                  colon < close, colon - open <= 128 else { return nil }
            let id = bytes[open..<colon]
            guard let first = id.first, Identifier.isAlphanumeric(first), id.allSatisfy(Mention.isIDByte) else { return nil }
            if let newline = newline.next(in: bytes, from: colon), newline < close { return nil }
            guard let visible = visible.next(in: bytes, from: colon + 1), visible < close else { return nil }
            let mention = Mention(personID: String(decoding: id, as: UTF8.self),
                                  displayName: String(decoding: bytes[(colon + 1)..<close], as: UTF8.self))
            return (mention, close + 1)
        }
    }

    /// The first byte at or after a position that matches; queries must not
    /// move backwards, so every byte is looked at once at most.
    private struct Finder {
        let matches: (UInt8) -> Bool
        private var from = -1
        private var found: Int?

        init(_ matches: @escaping (UInt8) -> Bool) { self.matches = matches }

        mutating func next(in bytes: [UInt8], from position: Int) -> Int? {
            if from >= 0 && position >= from {
                guard let hit = found else { return nil }  // nothing at or after an earlier start
                if hit >= position { return hit }
            }
            var index = position
            while index < bytes.count && !matches(bytes[index]) { index += 1 }
            from = position
            found = index < bytes.count ? index : nil
            return found
        }
    }
}
