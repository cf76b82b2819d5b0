/// Tasks' short ids: each task's shortest suffix of at least six characters
/// that no other task's id ends with (`7S5P3N` for
/// `task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N`). Pages, lists and the CLI show them;
/// every command that takes a task accepts one, in any case.
public struct ShortIDs: Sendable {
    public static let minimumLength = 6

    private var lengths: [String: Int] = [:]

    /// Computed from ids sorted by their reversed bytes: an id's nearest
    /// neighbours there share its longest common suffixes.
    public init<C: Collection>(_ ids: C) where C.Element == String {
        let reversed = ids.map { Array($0.utf8.reversed()) }.sorted { $0.lexicographicallyPrecedes($1) }
        func common(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var count = 0
            while count < a.count && count < b.count && Self.fold(a[count]) == Self.fold(b[count]) { count += 1 }
            return count
        }
        for (index, id) in reversed.enumerated() {
            var shared = 0
            if index > 0 { shared = common(reversed[index - 1], id) }
            if index + 1 < reversed.count { shared = max(shared, common(reversed[index + 1], id)) }
            lengths[String(decoding: id.reversed(), as: UTF8.self)] = min(id.count, max(Self.minimumLength, shared + 1))
        }
    }

    /// The short id of a task id (the whole id when it is shorter than six characters).
    public func short(_ id: String) -> String {
        String(id.suffix(lengths[id] ?? Self.minimumLength))
    }

    public enum Resolution: Sendable, Equatable {
        case found(String)
        case ambiguous([String])
        case notFound
        case tooShort
    }

    /// The task a full id or a suffix of six or more characters names, in any case.
    public static func resolve<C: Collection>(_ text: String, among ids: C) -> Resolution where C.Element == String {
        let wanted = Array(text.utf8).map(fold)
        if ids.contains(text) { return .found(text) }
        guard wanted.count >= minimumLength else { return .tooShort }
        var matches: [String] = []
        for id in ids {
            let bytes = id.utf8
            guard bytes.count >= wanted.count else { continue }
            if zip(bytes.suffix(wanted.count), wanted).allSatisfy({ fold($0) == $1 }) { matches.append(id) }
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .ambiguous(matches.sorted())
        }
    }

    /// ASCII case folding: ULIDs are upper case, people type lower case.
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
}
