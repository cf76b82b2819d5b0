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
