import Testing
@testable import DocketCore

struct TitleOrderTests {
    /// Case and accents do not count; anything else is byte order, and a
    /// title that starts another comes first.
    @Test func titlesSortIgnoringCaseAndAccents() {
        let titles = ["call Émile", "Call emile", "Call Zoe", "call", "Ünterschrift", "umbrella", "Call Émile back", "42 items"]
        let sorted = titles.sorted { TitleOrder.precedes(TitleOrder.key($0), TitleOrder.key($1)) }
        #expect(sorted.map { String(decoding: TitleOrder.key($0), as: UTF8.self) }
            == ["42 items", "call", "call emile", "call emile", "call emile back", "call zoe", "umbrella", "unterschrift"])
        #expect(TitleOrder.key("Call ÉMILE") == TitleOrder.key("call emile"))
        #expect(TitleOrder.key("") == [])
    }

    /// Equal titles share a rank, so a descending sort can still break
    /// their tie by id; ranks count from 0 without gaps.
    @Test func ranksAreDenseAndShared() {
        let (ranks, count) = TitleOrder.ranks(["b", "A", "a", "é", "B", "c"])
        #expect(ranks == [1, 0, 0, 3, 1, 2])
        #expect(count == 4)
        #expect(TitleOrder.ranks([]).count == 0)
    }
}
