import Foundation
import Testing
@testable import DocketCore

struct WorkspaceLoaderTests {
    @Test func loadsTheBasicFixtureCompletely() throws {
        let result = WorkspaceLoader.load(fixtures + "/basic")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let workspace = result.workspace
        #expect(workspace.settings.name == "Fixture Co")
        #expect(workspace.settings.zone.identifier == "Europe/Berlin")
        #expect(workspace.people.map(\.id) == ["jane", "sam", "auditor", "n8n"])
        #expect(workspace.peopleByID["n8n"]?.kind == .integration)
        #expect(workspace.records.count == 2)
        #expect(workspace.tasks.count == 4)
        let task = try #require(workspace.task("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"))
        #expect(task.title == "Send contract to Ada")
        #expect(task.due == .at(instant("2026-03-20T17:00:00Z")))
        #expect(task.reminder == .offsetMinutes(30))
        #expect(task.links == [Link(type: "contact", id: "cont_ada"), Link(type: "deal", id: "deal_acme")])
        #expect(task.details?.contains("annual billing") == true)
        #expect(task.metadata.first?.key == "source")
        let allDay = try #require(workspace.task("task_01HQ3K4A0000000000000000AA"))
        #expect(allDay.due == .allDay(date("2026-03-18")))
        #expect(allDay.reminder == .time(LocalTime(hour: 9, minute: 0)!))
        #expect(workspace.comments["task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"]?.count == 1)
        #expect(workspace.record(Link(type: "deal", id: "deal_acme"))?.fields.first?.key == "amount")
    }

    /// Comments given in runs by task, a task's in two runs, or out of order, end up
    /// each task's own, by creation time and then id; the task index names every task.
    @Test func commentsGroupByTaskInCreationOrder() {
        func comment(_ id: String, _ task: String, _ at: String) -> DocketCore.Comment {
            Comment(id: id, task: task, author: "jane", content: id, createdAt: instant(at), updatedAt: instant(at))
        }
        let given = [comment("c3", "task_A", "2026-03-18T10:00:00Z"), comment("c1", "task_A", "2026-03-18T09:00:00Z"),
                     comment("c2", "task_B", "2026-03-18T08:00:00Z"), comment("c0", "task_A", "2026-03-18T09:00:00Z"),
                     comment("c4", "task_A", "2026-03-18T11:00:00Z")]
        let workspace = Workspace(settings: Settings(name: "x"), people: [], records: [], tasks: [], comments: given)
        #expect(workspace.comments["task_A"]?.map(\.id) == ["c0", "c1", "c3", "c4"])
        #expect(workspace.comments["task_B"]?.map(\.id) == ["c2"])
        #expect(workspace.comments.count == 2)
        let loaded = WorkspaceLoader.load(fixtures + "/basic").workspace
        #expect(loaded.tasks.indices.allSatisfy { loaded.taskIndex[loaded.tasks[$0].id] == $0 } && loaded.taskIndex.count == loaded.tasks.count)
    }

    @Test func aMissingWorkspaceIsOneClearError() {
        let result = WorkspaceLoader.load("/nonexistent/docket")
        #expect(result.diagnostics.map(\.description) == ["/nonexistent/docket: error: workspace directory does not exist"])
    }

    static let invalidCases: [String] = FileSystem.list(fixtures + "/invalid")

    /// One folder per invalid case: the basic fixture with the case's files laid
    /// over it, and `expected.txt` holding the exact diagnostics, in order.
    @Test(arguments: invalidCases)
    func reportsExactlyTheExpectedProblems(caseName: String) throws {
        try withTemporaryDirectory { directory in
            let expected = try Self.layOut(invalidCase: caseName, in: directory)
            let actual = WorkspaceLoader.load(directory).diagnostics.map(\.description)
            #expect(actual == expected)
        }
    }

    /// Lays out an invalid case in `directory`; returns its expected diagnostics.
    static func layOut(invalidCase caseName: String, in directory: String) throws -> [String] {
        try overlay(fixtures + "/basic", onto: directory)
        try overlay(fixtures + "/invalid/" + caseName, onto: directory)
        try FileManager.default.removeItem(atPath: directory + "/expected.txt")
        return try String(contentsOfFile: fixtures + "/invalid/\(caseName)/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func everyInvalidCaseIsCovered() {
        #expect(Self.invalidCases.count >= 10)
    }

    @Test func aFileWhereCommentFoldersBelongIsReported() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            try "{}".write(toFile: directory + "/comments/stray.json", atomically: true, encoding: .utf8)
            let result = WorkspaceLoader.load(directory)
            #expect(result.diagnostics.map(\.description) == [
                "comments/stray.json: error: expected a folder named after a task id (\(Identifier.expectedShape(.task)))",
            ])
            #expect(result.workspace.comments.values.joined().count == 1, "the real comment folder is still read")
        }
    }

    @Test func aBrokenFileNeverHidesProblemsInOthers() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            try "{ nope".write(toFile: directory + "/tasks/task_01HQ3K4A0000000000000000AA.json", atomically: true, encoding: .utf8)
            try #"{"id": "cont_ada", "type": "contact"}"#.write(toFile: directory + "/records/contact/cont_ada.json", atomically: true, encoding: .utf8)
            let paths = WorkspaceLoader.load(directory).diagnostics.map(\.path)
            #expect(paths.contains("tasks/task_01HQ3K4A0000000000000000AA.json"))
            #expect(paths.contains("records/contact/cont_ada.json"))
        }
    }
}

struct FormatterTests {
    @Test func rewritesToCanonicalFormAndThenReportsNothing() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            let before = Formatter.run(workspace: directory, checkOnly: true)
            #expect(before.changed.contains("people.json"))
            #expect(before.changed.contains("workspace.json"))
            // --check changes nothing.
            #expect(Formatter.run(workspace: directory, checkOnly: true).changed == before.changed)
            let formatted = Formatter.run(workspace: directory, checkOnly: false)
            #expect(formatted.changed == before.changed)
            #expect(Formatter.run(workspace: directory, checkOnly: true).changed.isEmpty)
            // Meaning is unchanged: the workspace loads the same.
            let reloaded = WorkspaceLoader.load(directory)
            #expect(reloaded.diagnostics.isEmpty)
            #expect(reloaded.workspace.tasks == WorkspaceLoader.load(fixtures + "/basic").workspace.tasks)
            let people = try String(contentsOfFile: directory + "/people.json", encoding: .utf8)
            #expect(people.hasPrefix("[\n  {\n    \"email\": \"jane@acme.example\",\n    \"id\": \"jane\","))
        }
    }

    @Test func sortsTaskSubscribersAndReportsBrokenFiles() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/tasks", withIntermediateDirectories: true)
            try #"{"subscribers": ["sam", "jane"], "id": "x"}"#.write(toFile: directory + "/tasks/a.json", atomically: true, encoding: .utf8)
            try "{,}".write(toFile: directory + "/tasks/b.json", atomically: true, encoding: .utf8)
            let outcome = Formatter.run(workspace: directory, checkOnly: false)
            #expect(outcome.changed == ["tasks/a.json"])
            #expect(outcome.diagnostics.map(\.description) == ["tasks/b.json:1:2: error: invalid JSON: unexpected ',', expected a string key in double quotes"])
            let text = try String(contentsOfFile: directory + "/tasks/a.json", encoding: .utf8)
            #expect(text == "{\n  \"id\": \"x\",\n  \"subscribers\": [\n    \"jane\",\n    \"sam\"\n  ]\n}\n")
        }
    }

    @Test func taskEncodingIsTheCanonicalFileItWasReadFrom() throws {
        try withTemporaryDirectory { directory in
            try overlay(fixtures + "/basic", onto: directory)
            _ = Formatter.run(workspace: directory, checkOnly: false)
            let workspace = WorkspaceLoader.load(directory).workspace
            for task in workspace.tasks {
                let file = try String(contentsOfFile: directory + "/tasks/\(task.id).json", encoding: .utf8)
                #expect(JSONWriter.canonical(task.json) == file)
            }
        }
    }
}

struct IdentifierTests {
    @Test(arguments: ["..", ".", "", "a/b", "../people", "a\u{0}b", "-x", String(repeating: "a", count: 129), "é"])
    func rejectsUnsafeNames(id: String) {
        #expect(!Identifier.isValidName(id))
        #expect(!Identifier.isValid(id, kind: .task))
    }

    @Test func acceptsWellFormedIds() {
        #expect(Identifier.isValidName("cont_ada.v2-x"))
        #expect(Identifier.isValid("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", kind: .task))
        #expect(!Identifier.isValid("task_01HQ3K2V8Z6Y4W1X0R9T7S5P3I", kind: .task))  // I is not Crockford
        #expect(!Identifier.isValid("task_81HQ3K2V8Z6Y4W1X0R9T7S5P3N", kind: .task))  // overflows 128 bits
        #expect(!Identifier.isValid("task-01HQ3K2V8Z6Y4W1X0R9T7S5P3N", kind: .task))
        #expect(!Identifier.isValid("cont_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", kind: .task))
        #expect(!Identifier.isValid("task_01hq3k2v8z6y4w1x0r9t7s5p3n", kind: .task))  // upper case only
    }

    /// The digits are exactly Crockford's alphabet, byte for byte.
    @Test func theDigitsAreTheAlphabet() {
        for byte in 0...255 {
            #expect(ULID.isDigit(UInt8(byte)) == ULID.alphabet.contains(UInt8(byte)), "byte \(byte)")
        }
    }

    @Test func derivedULIDsAreStableAndValid() {
        let a = ULID.derived(from: "queue/01-call-ada.json")
        #expect(a == ULID.derived(from: "queue/01-call-ada.json"))
        #expect(a != ULID.derived(from: "queue/02-call-ada.json"))
        #expect(ULID.isValid(a))
        #expect(ULID.make(milliseconds: 0, entropy: (0, 0)) == String(repeating: "0", count: 26))
        #expect(ULID.make(milliseconds: 0xFFFF_FFFF_FFFF, entropy: (0xFFFF, UInt64.max)) == "7" + String(repeating: "Z", count: 25))
    }
}
