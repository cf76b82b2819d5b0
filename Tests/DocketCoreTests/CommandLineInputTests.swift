import Foundation
import Testing
@testable import DocketCore

/// What people type at the command line: short ids, natural dues, time zones.
struct ShortIDTests {
    let ids = ["task_01HQ3K4A0000000000000000AA", "task_01HQ3K4D0000000000000000AA", "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"]

    @Test func aShortIdIsTheShortestUniqueSuffixOfAtLeastSix() {
        let short = ShortIDs(ids)
        #expect(short.short("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N") == "7S5P3N")
        #expect(short.short("task_01HQ3K4A0000000000000000AA") == "A0000000000000000AA")
        #expect(short.short("task_01HQ3K4D0000000000000000AA") == "D0000000000000000AA")
        #expect(ShortIDs(["task_X"]).short("task_X") == "task_X")  // shorter than six: the whole id
    }

    /// Against the definition, on ids that share long tails, differ in
    /// length, and all tie in their last eight bytes.
    @Test func everyShortIdIsTheShortestSuffixNoOtherIdEndsWith() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("AB7z")
        var ids = Set<String>()
        while ids.count < 300 {
            let length = Int.random(in: 1...14, using: &generator)
            ids.insert("task_" + String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) + "XYZ12345")
        }
        let all = Array(ids)
        let short = ShortIDs(all)
        for id in all {
            let folded = id.uppercased()
            var expected = id.utf8.count
            for length in ShortIDs.minimumLength...id.utf8.count {
                let tail = String(folded.suffix(length))
                if !all.contains(where: { $0 != id && $0.uppercased().hasSuffix(tail) }) { expected = length; break }
            }
            #expect(short.short(id) == String(id.suffix(expected)), "\(id)")
        }
        // Asked by position, each id's short id is the same.
        #expect(all.indices.allSatisfy { short.short(at: $0, of: all[$0]) == short.short(all[$0]) })
        #expect(all.indices.allSatisfy { short.length(at: $0) == short.short(all[$0]).count })
    }

    @Test func anySuffixOfSixOrMoreNamesATaskInAnyCase() {
        #expect(ShortIDs.resolve("7s5p3n", among: ids) == .found("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"))
        #expect(ShortIDs.resolve("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", among: ids) == .found("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"))
        #expect(ShortIDs.resolve("S5P3N", among: ids) == .tooShort)
        #expect(ShortIDs.resolve("0000aa", among: ids) == .ambiguous(["task_01HQ3K4A0000000000000000AA", "task_01HQ3K4D0000000000000000AA"]))
        #expect(ShortIDs.resolve("ZZZZZZ", among: ids) == .notFound)
    }

    @Test func shortIdsStayLinearAtScale() {
        let many = (0..<20_000).map { "task_01HQ3K4A" + String(format: "%018d", $0) }
        let short = ShortIDs(many)
        #expect(Set(many.map(short.short)).count == many.count)  // all distinct
        #expect(many.allSatisfy { ShortIDs.resolve(short.short($0), among: [$0]) == .found($0) })
    }
}

struct DueInputTests {
    let berlin = Zone(identifier: "Europe/Berlin")!
    let now = Instant(rfc3339: "2026-03-18T13:00:00Z")!  // Wednesday, 14:00 in Berlin

    func parse(_ text: String) -> String? { DueInput.parse(text, now: now, zone: berlin)?.text }

    @Test func wordsDaysAndTimesResolveInTheWorkspaceZone() {
        #expect(parse("today") == "2026-03-18")
        #expect(parse("tomorrow") == "2026-03-19")
        #expect(parse("Friday") == "2026-03-20")
        #expect(parse("fri") == "2026-03-20")
        #expect(parse("wednesday") == "2026-03-25")  // a weekday means the next one after today
        #expect(parse("+3d") == "2026-03-21")
        #expect(parse("+2w") == "2026-04-01")
        #expect(parse("2026-04-02") == "2026-04-02")
        #expect(parse("2026-04-02 09:30") == "2026-04-02T07:30:00Z")  // CEST
        #expect(parse("tomorrow 17:00") == "2026-03-19T16:00:00Z")
        #expect(parse("2026-03-20T17:00:00+01:00") == "2026-03-20T16:00:00Z")
    }

    @Test(arguments: ["next blue moon", "", "+3x", "+99999d", "2026-02-30", "friday 25:00", "tomorrow at noon"])
    func anythingElseIsRefused(_ text: String) {
        #expect(parse(text) == nil)
    }
}

struct WorkspaceLocatorTests {
    @Test func theNearestWorkspaceAboveIsFoundLikeGitFindsItsFolder() throws {
        let root = NSTemporaryDirectory() + "docket-locate-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/ws/tasks/deep", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "{}".write(toFile: root + "/ws/workspace.json", atomically: true, encoding: .utf8)
        #expect(WorkspaceLocator.nearest(from: root + "/ws") == ".")
        #expect(WorkspaceLocator.nearest(from: root + "/ws/tasks/deep") == "../..")
        #expect(WorkspaceLocator.nearest(from: root) == nil)
        #expect(WorkspaceLocator.locate(explicit: nil, currentDirectory: root) == "data")
        #expect(WorkspaceLocator.locate(explicit: "elsewhere", currentDirectory: root + "/ws") == "elsewhere")
        // A link named workspace.json is not a workspace: links are never followed.
        try FileManager.default.createDirectory(atPath: root + "/linked", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/linked/workspace.json", withDestinationPath: root + "/ws/workspace.json")
        #expect(WorkspaceLocator.nearest(from: root + "/linked") == nil)
    }
}

struct PlainMentionTests {
    let members: Set<String> = ["jane", "sam", "ann.o"]
    func ids(_ text: String) -> [String] {
        Mention.split(text, isMember: { members.contains($0) }).compactMap { if case .mention(let m) = $0 { m.personID } else { nil } }
    }

    @Test func aPlainMentionNamesAMemberAtAWordStart() {
        #expect(ids("@jane, can you ask @sam?") == ["jane", "sam"])
        #expect(ids("ann@acme.example and sam@x") == [])  // e-mail addresses are not mentions
        #expect(ids("(@jane) @ann.o. @nobody") == ["jane", "ann.o"])  // a sentence's full stop is not part of the id
        #expect(ids("@{jane:Jane} and @sam") == ["jane", "sam"])
    }

    /// Each of these took minutes when every "@{" looked to the end of the
    /// text again; a regression shows as a test run that does not finish.
    @Test func pathologicalTextParsesWhole() {
        #expect(Mention.split(String(repeating: "@{", count: 100_000)) == [.text(String(repeating: "@{", count: 100_000))])
        #expect(Mention.split(String(repeating: "@", count: 200_000), isMember: { _ in true }).count == 1)
        let nested = String(repeating: "@{a: ", count: 50_000) + "}"
        #expect(Mention.split(nested).count == 1)  // one token whose name holds the rest
        #expect(Markdown.mentions(in: String(repeating: "@{a:", count: 50_000), isMember: { _ in true }).isEmpty)
    }
}
