import Testing
@testable import DocketCore

struct TaskIDsTests {
    /// Random valid ids, with the extremes of the alphabet at every place.
    static func ids(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var ids = ["task_00000000000000000000000000", "task_7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "task_01KGS9QNW0YDVJ6FX312E9ZZZZ"]
        for _ in 0..<count {
            let first = alphabet[Int.random(in: 0...7, using: &generator)]
            ids.append("task_" + String(first) + String((0..<25).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        return ids
    }

    /// Ids order as their numbers do, and a number gives back its id.
    @Test func keysOrderAsTheIdsBytesAndGiveThemBack() throws {
        let ids = Self.ids(2_000)
        let keys = try ids.map { try #require(TaskIDs.key($0), "\($0)") }
        for (id, key) in zip(ids, keys) { #expect(TaskIDs.id(key) == id) }
        let byBytes = ids.sorted { $0.precedesInByteOrder($1) }
        let byKeys = zip(keys, ids).sorted { $0.0 < $1.0 }.map(\.1)
        #expect(byKeys == byBytes)
    }

    /// Only what `Identifier.isValid(_, kind: .task)` accepts has a number.
    @Test func onlyValidTaskIDsHaveAKey() {
        let names = ["task_80000000000000000000000000", "task_0000000000000000000000000", "task_000000000000000000000000000",
                     "task_0000000000000000000000000I", "task_0000000000000000000000000a", "cmt_000000000000000000000000000",
                     "tasK_00000000000000000000000000", "", "task_", "task_0000000000000000000000000\u{E9}",
                     "task_00000000000000000000000000", "task_7ZZZZZZZZZZZZZZZZZZZZZZZZZ"]
        for name in names {
            #expect((TaskIDs.key(name) != nil) == Identifier.isValid(name, kind: .task), "\(name)")
        }
    }

    @Test func containsFindsExactlyTheIdsGiven() {
        let ids = Self.ids(500)
        let kept = TaskIDs(ids.prefix(250) + ids.prefix(10))  // a repeated id is kept once
        #expect(kept.count == Set(ids.prefix(250)).count)
        for id in ids.prefix(250) { #expect(kept.contains(id)) }
        for id in ids.dropFirst(250) where !ids.prefix(250).contains(id) { #expect(!kept.contains(id)) }
        #expect(!kept.contains("task_") && !kept.contains("not an id"))
        let empty: TaskIDs = []
        #expect(!empty.contains(ids[0]))
    }
}
