import Foundation
import Testing
@testable import DocketCore

/// Values at the edge of Int64 used to trap (SIGILL) in every later build:
/// they are now refused with the limit named, and arithmetic is checked.
struct OverflowTests {
    @Test func aHugeReminderOffsetIsRefusedNotStored() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"reminder_offset_mins": 9223372036854775807}}"#)
        #expect(result.error?.message == "Field 'reminder_offset_mins' is 9223372036854775807; the most is 5270400 (ten years of minutes)")
        let nested = h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"reminder": {"offset_minutes": 9223372036854775807}}}"#)
        #expect(nested.code == "VALIDATION_ERROR")
    }

    @Test func aReminderFarBeforeTheStartOfTimeIsNoneRatherThanATrap() throws {
        var task = try #require(EngineHarness.base.task(EngineHarness.t2V8Z))
        task.reminder = .offsetMinutes(Int.max)
        #expect(task.reminderAt(in: .utc) == nil)
        task.reminder = .offsetMinutes(30)
        #expect(task.reminderAt(in: .utc) != nil)
    }

    @Test func aStoredVersionOrWindowBeyondTheLimitsIsAValidationError() throws {
        let root = NSTemporaryDirectory() + "docket-overflow-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: fixtures + "/basic", toPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/tasks/\(EngineHarness.tAA).json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 1"#, with: #""version": 9223372036854775807"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try String(contentsOfFile: root + "/workspace.json", encoding: .utf8)
        try settings.replacingOccurrences(of: "{", with: #"{"comment_edit_window_minutes": 9223372036854775807, "#)
            .write(toFile: root + "/workspace.json", atomically: true, encoding: .utf8)
        let messages = WorkspaceLoader.load(root).diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("field 'version' is 9223372036854775807; the most is 9007199254740992") })
        #expect(messages.contains { $0.contains("field 'comment_edit_window_minutes' is 9223372036854775807; the most is 5270400") })
    }

    @Test func aVersionAtTheLimitRefusesTheNextEdit() throws {
        var workspace = EngineHarness.base
        let index = try #require(workspace.taskIndex[EngineHarness.tAA])
        workspace.tasks[index].version = Limits.integer
        var engine = EditEngine(workspace: workspace)
        engine.apply(EditQueue.decode(try JSONParser.parse(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA", "at": "2026-03-18T13:00:00Z", "data": {"priority": "high"}}"#),
                                      file: "queue/x.json", now: EngineHarness.now))
        #expect(engine.results.last?.result.error?.message.contains("the highest a version may be") == true)
    }
}

/// Settings that end up on every page and in every feed are held to limits and schemes.
struct SettingsLimitTests {
    func problems(_ settings: String) throws -> [String] {
        var sink = DiagnosticSink(path: "workspace.json", source: SourceText(bytes: Array(settings.utf8)))
        _ = SettingsDecoder.decode(try JSONParser.parse(settings), sink: &sink)
        return sink.diagnostics.map(\.description)
    }

    @Test func baseURLMustBeAWebAddress() throws {
        #expect(try problems(#"{"name": "A", "base_url": "javascript:alert(1)//"}"#)
            == ["workspace.json:1:27: error: field 'base_url' is 'javascript:alert(1)//'; it must be an http:// or https:// address (it is put in every feed's links)"])
        #expect(try problems(#"{"name": "A", "base_url": "https://tasks.acme.example/"}"#).isEmpty)
        #expect(try problems(#"{"name": "A", "base_url": "HTTP://x.example"}"#).isEmpty)
        #expect(try !problems(#"{"name": "A", "base_url": "https:///etc"}"#).isEmpty)
        #expect(try !problems(#"{"name": "A", "base_url": "https://x.example/\" onload=\"x"}"#).isEmpty)
    }

    @Test func theRepositoryURLMustBeAWebAddressAndItsPathInsideIt() throws {
        #expect(try problems(#"{"name": "A", "repository": {"url": "javascript:alert(1)"}}"#)
            == ["workspace.json:1:37: error: field 'repository.url' is 'javascript:alert(1)'; it must be an http:// or https:// address"])
        #expect(try problems(#"{"name": "A", "repository": {"url": "https://github.com/acme/tasks", "branch": "main", "path": "ops"}}"#).isEmpty)
        #expect(try problems(#"{"name": "A", "repository": {"url": "https://github.com/acme/tasks", "path": "../x"}}"#).count == 1)
    }

    @Test func aHugeWorkspaceNameIsRefusedNotRepeatedOnEveryPage() throws {
        let long = String(repeating: "x", count: 1_000_000)
        #expect(try problems(#"{"name": "\#(long)"}"#) == ["workspace.json:1:10: error: field 'name' has 1000000 characters; the most is 200"])
    }
}

/// Every edit is held to the limits, each refusal naming the field, the limit and the size found.
struct EditLimitTests {
    @Test func overlongAndOverfullFieldsAreRefusedWithTheLimitNamed() {
        var h = EngineHarness()
        let title = String(repeating: "t", count: 501)
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "\#(title)"}}"#).error?.message
            == "Field 'title' has 501 characters; the most is 500")
        let tags = (0...100).map { "\"t\($0)\"" }.joined(separator: ",")
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "tags": [\#(tags)]}}"#).error?.message
            == "Field 'tags' has 101 entries; the most is 100")
        let comment = String(repeating: "c", count: (1 << 20) + 1)
        #expect(h.apply(#"{"op": "comment.create", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"content": "\#(comment)"}}"#).error?.message
            == "Field 'content' is 1048577 bytes; the most is 1048576 (1 MiB)")
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "\#(String(repeating: "t", count: 500))"}}"#).code == "ok")
    }
}

/// A rejection names the value it rejects: shortened, with control characters escaped.
struct RejectedValueTests {
    @Test func theRejectedValueIsQuotedShortenedAndEscaped() {
        var h = EngineHarness()
        let long = String(repeating: "x", count: 500)
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "priority": "\#(long)"}}"#).error?.message
            == "Field 'priority' is '\(String(repeating: "x", count: 60))…'; must be one of: low, normal, high, urgent")
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "status": "\u001b[2Jgone"}}"#).error?.message
            == "Field 'status' is '\\u{1B}[2Jgone'; must be one of: pending, in_progress, completed, cancelled")
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "tags": "one"}}"#).error?.message
            == "Field 'tags' is 'one'; must be an array of non-empty strings")
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "due": 20260320}}"#).error?.message
            .hasPrefix("Field 'due' is 20260320; must be an RFC 3339") == true)
    }
}
