import Foundation

/// A mention token in a comment: `@{person-id:Display Name}`. The id follows
/// the person-id rule; the name may hold spaces and punctuation but not `}`.
public struct Mention: Sendable, Equatable {
    public var personID: String
    public var displayName: String

    public init(personID: String, displayName: String) {
        self.personID = personID
        self.displayName = displayName
    }

    /// The token as written.
    public var token: String { "@{\(personID):\(displayName)}" }

    public enum Piece: Sendable, Equatable {
        case text(String)
        case mention(Mention)
    }

    /// Splits plain text into text and well-formed tokens. A malformed token
    /// (bad id, empty name, no closing brace) stays text.
    public static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var plain = Substring()
        var rest = Substring(text)
        while let start = rest.range(of: "@{") {
            let afterOpen = rest[start.upperBound...]
            if let close = afterOpen.firstIndex(of: "}"),
               let colon = afterOpen[..<close].firstIndex(of: ":") {
                let id = String(afterOpen[..<colon])
                let name = String(afterOpen[afterOpen.index(after: colon)..<close])
                if Identifier.isValidName(id), !name.isBlank, !name.contains("\n") {
                    plain += rest[..<start.lowerBound]
                    if !plain.isEmpty { pieces.append(.text(String(plain))) }
                    plain = ""
                    pieces.append(.mention(Mention(personID: id, displayName: name)))
                    rest = afterOpen[afterOpen.index(after: close)...]
                    continue
                }
            }
            // Not a token: keep "@{" as text and look further on.
            plain += rest[..<start.upperBound]
            rest = afterOpen
        }
        plain += rest
        if !plain.isEmpty { pieces.append(.text(String(plain))) }
        return pieces
    }
}
