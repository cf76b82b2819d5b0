import Foundation

/// Where the next page of a listing starts (Kasar's `nextCursor`): the
/// offset, and a fingerprint of the query and of every task's version, so a
/// cursor is refused once the workspace or the query changed instead of
/// silently skipping or repeating tasks.
public struct ListCursor: Sendable, Equatable {
    public var offset: Int
    public var fingerprint: UInt64

    public init(offset: Int, fingerprint: UInt64) {
        self.offset = offset
        self.fingerprint = fingerprint
    }

    /// The fingerprint of a query over a workspace.
    public static func fingerprint(query: String, workspace: Workspace) -> UInt64 {
        var hash = StableHash.fnv1a64("cursor " + query)
        for task in workspace.tasks { hash = StableHash.combine(hash, "\(task.id)\u{1}\(task.version)\u{1}\(task.updatedAt.milliseconds)") }
        return hash
    }

    /// URL-safe text: `v1.<offset>.<fingerprint>` in base64url.
    public var text: String {
        Data("v1.\(offset).\(String(fingerprint, radix: 16))".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notACursor, stale
        public var description: String {
            switch self {
            case .notACursor: "--cursor is not a cursor docket made; list again without it"
            case .stale: "--cursor is from before the workspace or the query changed; list again without --cursor"
            }
        }
    }

    public static func read(_ text: String, expecting fingerprint: UInt64) throws(Problem) -> ListCursor {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 64, let data = Data(base64Encoded: base64) else { throw .notACursor }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ".")
        guard parts.count == 3, parts[0] == "v1", let offset = Int(parts[1]), offset >= 0, offset <= 1 << 40,
              let hash = UInt64(parts[2], radix: 16) else { throw .notACursor }
        guard hash == fingerprint else { throw .stale }
        return ListCursor(offset: offset, fingerprint: hash)
    }
}
