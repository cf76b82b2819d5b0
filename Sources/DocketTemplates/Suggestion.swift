/// "Did you mean": the names closest to a mistyped one, by the fewest
/// single-character edits (at most a third of its length, and at least 2).
/// Templates use it for unknown names; the command line for time zones.
public enum Suggestion {
    public static func closest<C: Sequence>(to wanted: String, among names: C, limit: Int = 3) -> [String] where C.Element == String {
        let target = Array(wanted.lowercased().utf8.prefix(128))
        let allowed = max(2, target.count / 3)
        return names.map { ($0, distance(Array($0.lowercased().utf8), target)) }
            .filter { $0.1 <= allowed }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
