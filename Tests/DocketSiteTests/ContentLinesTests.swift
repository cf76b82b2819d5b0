@testable import DocketSite
import Testing

struct ContentLinesTests {
    static func text(_ lines: ContentLines) -> String { String(decoding: lines.bytes, as: UTF8.self) }

    @Test func shortLinesEndInCRLFAndTextIsEscaped() {
        var lines = ContentLines()
        lines.add("BEGIN:", "VEVENT")
        lines.add("SUMMARY:", escaping: "Call back; a, b\\c\nnext\r\u{7}end")
        lines.add("CATEGORIES:", escaping: ["a,b", "c"], separator: UInt8(ascii: ","))
        #expect(Self.text(lines) == "BEGIN:VEVENT\r\nSUMMARY:Call back\\; a\\, b\\\\c\\nnext end\r\nCATEGORIES:a\\,b,c\r\n")
    }

    @Test func longLinesFoldAt75OctetsAndNeverInsideACharacter() {
        var lines = ContentLines()
        // 12 octets of name, then 70 two-octet characters: the 75th octet is the first half of one.
        lines.add("DESCRIPTION:", escaping: String(repeating: "é", count: 70))
        let physical = Self.text(lines).components(separatedBy: "\r\n").dropLast()
        #expect(physical.count == 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical[0].utf8.count == 74)  // 75 would split an é
        // Unfolding (dropping each CRLF and the space after it) gives the line back.
        #expect(physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
                == "DESCRIPTION:" + String(repeating: "é", count: 70))
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        var lines = ContentLines()
        lines.add("X:", String(repeating: "a", count: 73))
        #expect(Self.text(lines) == "X:" + String(repeating: "a", count: 73) + "\r\n")
    }
}
