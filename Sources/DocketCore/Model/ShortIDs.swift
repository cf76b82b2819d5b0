/// Tasks' short ids: each task's shortest suffix of at least six characters
/// that no other task's id ends with (`7S5P3N` for
/// `task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N`). Pages, lists and the CLI show them;
/// every command that takes a task accepts one, in any case.
public struct ShortIDs: Sendable {
    public static let minimumLength = 6

    private var lengths: [String: Int] = [:]
    /// The same lengths in the order the ids were given: a site's stages ask
    /// by task index several times a task, and a lookup by string cost more
    /// than the rest of making a short id.
    private var inOrder: [Int] = []

    /// Computed from ids sorted by their reversed bytes: an id's nearest
    /// neighbours there share its longest common suffixes. The sort compares
    /// each id's last eight bytes packed into one number and reads further
    /// only on a tie: comparing reversed byte arrays, one made per id, was
    /// 40% of the compute stage at 100,000 tasks.
    public init<C: Collection>(_ ids: C) where C.Element == String { self.init(Array(ids)) }

    /// Not generic: made generically from another module, every read of an id
    /// went through the collection's witness table.
    public init(_ ids: [String]) {
        let keys = ids.map(Self.tailKey)
        let order = ids.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : ids[a].utf8.reversed().lexicographicallyPrecedes(ids[b].utf8.reversed())
        }
        func common(_ a: String, _ b: String) -> Int {
            var count = 0
            for (x, y) in zip(a.utf8.reversed(), b.utf8.reversed()) {
                guard Self.fold(x) == Self.fold(y) else { break }
                count += 1
            }
            return count
        }
        lengths.reserveCapacity(ids.count)
        inOrder = [Int](repeating: Self.minimumLength, count: ids.count)
        for (position, index) in order.enumerated() {
            let id = ids[index]
            var shared = 0
            if position > 0 { shared = common(ids[order[position - 1]], id) }
            if position + 1 < order.count { shared = max(shared, common(ids[order[position + 1]], id)) }
            let length = min(id.utf8.count, max(Self.minimumLength, shared + 1))
            lengths[id] = length
            inOrder[index] = length
        }
    }

    /// The last eight bytes, last first, packed big-endian (zeros after a
    /// shorter id): ordering these orders the reversed ids, up to ties.
    private static func tailKey(_ id: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in id.utf8.reversed() {
            key = key << 8 | UInt64(byte)
            count += 1
            if count == 8 { break }
        }
        return count == 0 ? 0 : key << (8 * (8 - count))
    }

    /// The short id of a task id (the whole id when it is shorter than six characters).
    public func short(_ id: String) -> String {
        String(id.suffix(lengths[id] ?? Self.minimumLength))
    }

    /// The short id of `id`, given at `position` among the ids this was made from.
    public func short(at position: Int, of id: String) -> String {
        String(id.suffix(inOrder[position]))
    }

    /// How many characters the short id of the id at `position` has.
    public func length(at position: Int) -> Int { inOrder[position] }

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
