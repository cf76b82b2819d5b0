import Foundation
import Testing
@testable import DocketCore

typealias H = EngineHarness

// MARK: - task.create

struct TaskCreateTests {
    @Test func createsATaskFromTheEditWithDerivedIdAndNotifiesAssignees() throws {
        var h = EngineHarness()
        let result = h.apply(#"""
            {"id": "edit_01HQ3M0000000000000000CRTE", "op": "task.create", "actor": "sam", "at": "2026-03-18T12:00:00Z",
             "data": {"title": "Call Ada", "assignees": ["jane"], "due": "2026-03-21", "priority": "high", "type": "call",
                      "links": [{"type": "contact", "id": "cont_ada"}], "tags": ["pilot"], "details": "**hi**"}}
            """#)
        #expect(result.outcome == Outcome(action: .created, task: "task_01HQ3M0000000000000000CRTE", version: 1))
        let task = try #require(h.task("task_01HQ3M0000000000000000CRTE"))
        #expect(task.title == "Call Ada")
        #expect(task.createdBy == "sam" && task.createdAt == instant("2026-03-18T12:00:00Z") && task.updatedAt == task.createdAt)
        #expect(task.assignees == ["jane"] && task.subscribers == ["jane", "sam"])
        #expect(task.due == .allDay(date("2026-03-21")) && task.priority == .high && task.type == "call")
        #expect(task.links == [Link(type: "contact", id: "cont_ada")] && task.tags == ["pilot"] && task.status == .pending)
        #expect(h.engine.changes.changes["tasks/task_01HQ3M0000000000000000CRTE.md"] == .write(Array("**hi**\n".utf8)))
        #expect(h.notifications == ["jane:task_assigned"])
        let journal = try #require(h.written("journal/2026/03/")["journal/2026/03/edit_01HQ3M0000000000000000CRTE.json"])
        #expect(journal["outcome"]?["action"]?.stringValue == "created")
        #expect(journal["outcome"]?["ok"]?.boolValue == true)
        #expect(journal["data"]?["title"]?.stringValue == "Call Ada")
        #expect(h.engine.changes.changes["queue/1.json"] == .delete)
    }

    @Test func defaultsAreSensible() throws {
        var h = EngineHarness()
        let id = try #require(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "Just a title"}}"#).outcome?.task)
        let task = try #require(h.task(id))
        #expect(task.status == .pending && task.priority == .normal && task.type == "todo" && task.version == 1)
        #expect(task.assignees.isEmpty && task.subscribers == ["jane"] && task.due == nil)
        #expect(h.notifications.isEmpty)
    }

    @Test func neverNotifiesTheActor() {
        var h = EngineHarness()
        h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "Mine", "assignees": ["jane", "sam"]}}"#)
        #expect(h.notifications == ["sam:task_assigned"])
    }

    @Test(arguments: [
        (#"{"priority": "high"}"#, "VALIDATION_ERROR", "Field 'title' is required"),
        (#"{"title": "x", "priority": "critical"}"#, "VALIDATION_ERROR", "Field 'priority' is 'critical'; must be one of: low, normal, high, urgent"),
        (#"{"title": "x", "status": "archived"}"#, "VALIDATION_ERROR", "Field 'status' is 'archived'; must be one of: pending, in_progress, completed, cancelled"),
        (#"{"title": "x", "type": "fax"}"#, "VALIDATION_ERROR", "Field 'type' is 'fax'; must be one of: todo, call, email"),
        (#"{"title": "x", "assignees": ["bob"]}"#, "VALIDATION_ERROR", "Field 'assignees' names 'bob', who is not a member of the workspace"),
        (#"{"title": "x", "assignee_email": "bob@else.example"}"#, "VALIDATION_ERROR", "Field 'assignee_email' must be the email of a current member; 'bob@else.example' is not"),
        (#"{"title": "x", "due": "soon"}"#, "VALIDATION_ERROR", "Field 'due' is 'soon'; must be an RFC 3339 date-time such as 2026-03-20T17:00:00Z or a date such as 2026-03-20"),
        (#"{"title": "x", "id": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#, "VALIDATION_ERROR", "A task with id 'task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N' already exists"),
        (#"{"title": "x", "id": "../tasks/evil"}"#, "VALIDATION_ERROR", "Field 'id' is '../tasks/evil'; must be 'task_' followed by a 26-character ULID"),
        (#"{"title": "x", "contact_id": "../../etc/passwd"}"#, "VALIDATION_ERROR", "Field 'contact_id' must be a record id (letters, digits, '_', '.' or '-', starting with a letter or digit, at most 128 characters); '../../etc/passwd' is not"),
        (#"{"title": "x", "attachments": []}"#, "VALIDATION_ERROR", "Attachments cannot be set through edits; link to the file from the details instead"),
        (#"{"title": "x", "due": "2026-03-20", "reminder_offset_mins": 10}"#, "VALIDATION_ERROR", "A reminder offset (reminder_offset_mins) needs a due date with a time (due_time)"),
        (#"{"title": "x", "due": "2026-03-20T10:00:00Z", "reminder_time": "09:00"}"#, "VALIDATION_ERROR", "A reminder time (reminder_time) needs an all-day due date (due_date without due_time)"),
        (#"{"title": "x", "due_date": "2026-03-20", "due_time": "10:00", "reminder_offset_mins": 5, "reminder_time": "09:00"}"#, "VALIDATION_ERROR", "A reminder is either an offset (reminder_offset_mins) or a time of day (reminder_time), not both"),
        (#"{"title": "x", "reminder": {"offset_minutes": 5, "time": "09:00"}, "due": "2026-03-20T10:00:00Z"}"#, "VALIDATION_ERROR", "A reminder is either an offset (reminder_offset_mins) or a time of day (reminder_time), not both"),
        (#"{"title": "x", "due_time": "10:00"}"#, "VALIDATION_ERROR", "Field 'due_time' is only valid alongside 'due_date'"),
    ])
    func rejectsBadData(data: String, code: String, message: String) {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.create", "actor": "sam", "data": "# + data + "}")
        #expect(result.code == code)
        #expect(result.error?.message == message)
        #expect(h.workspace.tasks.count == 4)
    }

    @Test func unknownFieldsAreNamedUnlessIgnored() {
        var h = EngineHarness()
        let rejected = h.apply(#"{"op": "task.create", "actor": "sam", "data": {"title": "x", "colour": "red"}}"#)
        #expect(rejected.code == "VALIDATION_ERROR")
        #expect(rejected.error?.message.hasPrefix("Unknown field 'colour'") == true)
        let accepted = h.apply(#"{"op": "task.create", "actor": "sam", "ignore_unknown": true, "data": {"title": "x", "colour": "red"}}"#)
        #expect(accepted.outcome?.action == .created)
    }

    @Test func usesAValidUnusedIdFromData() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.create", "actor": "sam", "data": {"title": "x", "id": "task_01HQ3M00000000000000000ABC"}}"#)
        #expect(result.outcome?.task == "task_01HQ3M00000000000000000ABC")
    }

    @Test func actorMustBeAWritingMember() {
        var h = EngineHarness()
        let stranger = h.apply(#"{"op": "task.create", "actor": "mallory", "data": {"title": "x"}}"#)
        #expect(stranger.code == "NOT_AUTHORIZED")
        #expect(stranger.error?.message == "Actor 'mallory' is not a member of this workspace (people.json)")
        let readonly = h.apply(#"{"op": "task.create", "actor": "auditor", "data": {"title": "x"}}"#)
        #expect(readonly.code == "READ_ONLY")
        #expect(readonly.error?.message == "Actor 'auditor' is read-only and cannot make changes")
    }
}

// MARK: - task.update

struct TaskUpdateTests {
    @Test func changesOnlyTheGivenFieldsAndReplacesLinks() throws {
        var h = EngineHarness()
        let before = try #require(h.task(H.t2V8Z))
        let result = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"priority": "urgent", "links": [{"type": "deal", "id": "deal_acme"}]}}"#)
        #expect(result.outcome == Outcome(action: .updated, task: H.t2V8Z, version: 2))
        let after = try #require(h.task(H.t2V8Z))
        #expect(after.priority == .urgent && after.links == [Link(type: "deal", id: "deal_acme")])
        #expect(after.title == before.title && after.due == before.due && after.assignees == before.assignees)
        #expect(after.details == before.details && after.updatedAt == H.now.adding(seconds: 60))
        #expect(h.engine.changes.changes["tasks/\(H.t2V8Z).md"] == nil)  // details untouched, not rewritten
    }

    /// Details are kept as their file holds them, so a run's workspace is the one the next run reads.
    @Test func detailsAreKeptAsTheirFileHoldsThemAndSettingThemAgainChangesNothing() throws {
        var h = EngineHarness()
        let stored = try #require(h.task(H.t2V8Z)?.details)  // as read from tasks/<id>.md
        let update = #"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"details": "#
        let same = h.apply(update + JSONWriter.compact(.string(String(stored.dropLast()))) + "}}")
        #expect(same.outcome == Outcome(action: .unchanged, task: H.t2V8Z, version: 1))
        #expect(h.apply(update + #""New plan"}}"#).outcome == Outcome(action: .updated, task: H.t2V8Z, version: 2))
        #expect(h.task(H.t2V8Z)?.details == "New plan\n")
        #expect(h.engine.changes.changes["tasks/\(H.t2V8Z).md"] == .write(Array("New plan\n".utf8)))
        #expect(h.apply(update + #""New plan"}}"#).outcome == Outcome(action: .unchanged, task: H.t2V8Z, version: 2))
    }

    /// The limit holds for the file that is written: 1 MiB of text and its newline is one byte too many.
    @Test func theDetailsLimitCountsTheNewlineTheFileEndsWith() {
        var h = EngineHarness()
        let update = #"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"details": "#
        let over = h.apply(update + "\"" + String(repeating: "a", count: Limits.textBytes) + "\"}}")
        #expect(over.error?.message == "The details are 1048577 bytes; the most is 1048576 (1 MiB)")
        let fits = h.apply(update + "\"" + String(repeating: "a", count: Limits.textBytes - 1) + "\"}}")
        #expect(fits.outcome?.action == .updated)
        #expect(h.task(H.t2V8Z)?.details?.utf8.count == Limits.textBytes)
    }

    @Test func versionsGuardAgainstStaleEdits() {
        var h = EngineHarness()
        #expect(h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "if_version": 1, "data": {"priority": "low"}}"#).outcome?.version == 2)
        let stale = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "if_version": 1, "data": {"priority": "urgent"}}"#)
        #expect(stale.code == "VERSION_CONFLICT")
        #expect(stale.error?.message == "Task is at version 2, the edit expected version 1")
        #expect(h.task(H.t2V8Z)?.priority == .low)
    }

    @Test func onlyTheCreatorAnAssigneeOrAnAdminMayChangeATask() {
        var h = EngineHarness()
        let update = #"{"op": "task.update", "actor": "ACTOR", "task": "task_01HQ3K4C0000000000000000CC", "data": {"title": "T ACTOR"}}"#
        let sam = h.apply(update.replacingOccurrences(of: "ACTOR", with: "sam"))
        #expect(sam.code == "NOT_AUTHORIZED")
        #expect(sam.error?.message == "Not authorized: only the creator, an assignee or an admin may change this task")
        #expect(h.apply(update.replacingOccurrences(of: "ACTOR", with: "n8n")).outcome?.action == .updated)   // creator
        #expect(h.apply(update.replacingOccurrences(of: "ACTOR", with: "jane")).outcome?.action == .updated)  // admin
        #expect(h.apply(update.replacingOccurrences(of: "ACTOR", with: "auditor")).code == "READ_ONLY")
    }

    @Test func aMissingTaskIsRecordNotFound() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K9Z0000000000000000ZZ", "data": {"title": "x"}}"#)
        #expect(result.code == "RECORD_NOT_FOUND" && result.error?.message == "Task not found")
    }

    @Test func anEditThatChangesNothingIsUnchanged() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"priority": "high"}}"#)
        #expect(result.outcome == Outcome(action: .unchanged, task: H.t2V8Z, version: 1))
        #expect(h.engine.changes.changes["tasks/\(H.t2V8Z).json"] == nil)
    }

    @Test func aReassignmentNotifiesTheNewAssigneeOnce() {
        var h = EngineHarness()
        let reassign = #"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"assignee_user_id": "n8n"}}"#
        #expect(h.apply(reassign).outcome?.action == .updated)
        #expect(h.apply(reassign).outcome?.action == .unchanged)
        #expect(h.notifications == ["n8n:task_assigned"])
        #expect(h.task(H.t2V8Z)?.assignees == ["n8n"])
        #expect(h.task(H.t2V8Z)?.subscribers == ["jane", "n8n", "sam"])
    }

    @Test func reminderRulesHoldAfterTheChange() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"due": "2026-03-22"}}"#)
        #expect(result.error?.message == "A reminder offset (reminder_offset_mins) needs a due date with a time (due_time)")
        let both = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"due": "2026-03-22", "reminder_time": "08:00", "reminder_offset_mins": null}}"#)
        #expect(both.outcome?.action == .updated)
        #expect(h.task(H.t2V8Z)?.reminder == .time(LocalTime(hour: 8, minute: 0)!))
    }

    @Test func statusCompletedThroughUpdateRecordsWhoAndWhen() {
        var h = EngineHarness()
        h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"status": "completed", "completed_at": "2026-03-18T10:00:00Z"}}"#)
        #expect(h.task(H.t2V8Z)?.completedAt == instant("2026-03-18T10:00:00Z"))
        #expect(h.task(H.t2V8Z)?.completedBy == "jane")
        #expect(h.notifications == ["sam:task_completed"])
    }
}

// MARK: - task.complete and task.delete

struct TaskCompleteTests {
    @Test func completesReopensAndIsIdempotent() throws {
        var h = EngineHarness()
        let complete = #"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"completed": true}}"#
        #expect(h.apply(complete).outcome == Outcome(action: .completed, task: H.tAA, version: 2))
        let task = try #require(h.task(H.tAA))
        #expect(task.status == .completed && task.completedBy == "sam" && task.completedAt == H.now.adding(seconds: 60))
        #expect(h.notifications == ["jane:task_completed"])  // the creator; never the actor
        #expect(h.apply(complete).outcome == Outcome(action: .unchanged, task: H.tAA, version: 2))
        let reopen = h.apply(#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"completed": false}}"#)
        #expect(reopen.outcome == Outcome(action: .reopened, task: H.tAA, version: 3))
        #expect(h.task(H.tAA)?.status == .pending && h.task(H.tAA)?.completedAt == nil && h.task(H.tAA)?.completedBy == nil)
    }

    @Test func completionNotifiesCreatorAssigneesAndSubscribers() {
        var h = EngineHarness()
        h.apply(#"{"op": "task.subscribe", "actor": "n8n", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {}}"#)
        h.apply(#"{"op": "task.complete", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#)
        #expect(h.notifications == ["n8n:task_completed", "sam:task_completed"])
    }

    @Test(arguments: [
        (#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4C0000000000000000CC"}"#, "NOT_AUTHORIZED"),
        (#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K9Z0000000000000000ZZ"}"#, "RECORD_NOT_FOUND"),
        (#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "if_version": 4}"#, "VERSION_CONFLICT"),
        (#"{"op": "task.complete", "actor": "auditor", "task": "task_01HQ3K4A0000000000000000AA"}"#, "READ_ONLY"),
        (#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"completed": "yes"}}"#, "VALIDATION_ERROR"),
        (#"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"when": 1}}"#, "VALIDATION_ERROR"),
    ])
    func rejectsWithTheRightCode(edit: String, code: String) {
        var h = EngineHarness()
        #expect(h.apply(edit).code == code)
    }
}

struct TaskDeleteTests {
    @Test func removesTheTaskItsDetailsAndItsComments() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.delete", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#)
        #expect(result.outcome == Outcome(action: .deleted, task: H.t2V8Z, version: 1))
        #expect(h.task(H.t2V8Z) == nil && h.workspace.comments[H.t2V8Z] == nil)
        let changes = h.engine.changes.changes
        #expect(changes["tasks/\(H.t2V8Z).json"] == .delete && changes["tasks/\(H.t2V8Z).md"] == .delete)
        #expect(changes["comments/\(H.t2V8Z)/\(H.comment).json"] == .delete)
        #expect(changes["comments/\(H.t2V8Z)"] == .removeEmptyDirectory)
        // The deleted task is gone for later edits too.
        #expect(h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"title": "x"}}"#).code == "RECORD_NOT_FOUND")
    }

    @Test(arguments: [
        (#"{"op": "task.delete", "actor": "sam", "task": "task_01HQ3K4C0000000000000000CC"}"#, "NOT_AUTHORIZED"),
        (#"{"op": "task.delete", "actor": "sam", "task": "task_01HQ3K9Z0000000000000000ZZ"}"#, "RECORD_NOT_FOUND"),
        (#"{"op": "task.delete", "actor": "auditor", "task": "task_01HQ3K4C0000000000000000CC"}"#, "READ_ONLY"),
        (#"{"op": "task.delete", "actor": "jane", "task": "task_01HQ3K4C0000000000000000CC", "if_version": 2}"#, "VERSION_CONFLICT"),
        (#"{"op": "task.delete", "actor": "jane", "task": "task_01HQ3K4C0000000000000000CC", "data": {"hard": true}}"#, "VALIDATION_ERROR"),
    ])
    func rejectsWithTheRightCode(edit: String, code: String) {
        var h = EngineHarness()
        #expect(h.apply(edit).code == code)
        #expect(h.workspace.tasks.count == 4)
    }
}

// MARK: - Subscriptions

struct SubscriptionTests {
    @Test func subscribeAndUnsubscribeWithAndWithoutForce() {
        var h = EngineHarness()
        let already = h.apply(#"{"op": "task.subscribe", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#)
        #expect(already.code == "VALIDATION_ERROR")
        #expect(already.error?.message == "'sam' is already subscribed to this task; add \"force\": true to ignore")
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"force": true}}"#).outcome?.action == .unchanged)
        #expect(h.apply(#"{"op": "task.unsubscribe", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#).outcome == Outcome(action: .unsubscribed, task: H.t2V8Z, version: 2))
        #expect(h.task(H.t2V8Z)?.subscribers == ["jane"])
        #expect(h.apply(#"{"op": "task.unsubscribe", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"}"#).code == "VALIDATION_ERROR")
        #expect(h.apply(#"{"op": "task.unsubscribe", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"force": true}}"#).outcome?.action == .unchanged)
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "sam", "task": "task_01HQ3K4C0000000000000000CC"}"#).outcome?.action == .subscribed)
    }

    @Test func subscribingSomeoneElseNeedsTheRightToChangeTheTask() {
        var h = EngineHarness()
        let other = h.apply(#"{"op": "task.subscribe", "actor": "sam", "task": "task_01HQ3K4C0000000000000000CC", "data": {"person": "jane"}}"#)
        #expect(other.code == "NOT_AUTHORIZED")
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "jane", "task": "task_01HQ3K4C0000000000000000CC", "data": {"person": "sam"}}"#).outcome?.action == .subscribed)
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "jane", "task": "task_01HQ3K4C0000000000000000CC", "data": {"person": "ghost"}}"#).code == "VALIDATION_ERROR")
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "auditor", "task": "task_01HQ3K4C0000000000000000CC"}"#).code == "READ_ONLY")
        #expect(h.apply(#"{"op": "task.unsubscribe", "actor": "jane", "task": "task_01HQ3K9Z0000000000000000ZZ"}"#).code == "RECORD_NOT_FOUND")
    }
}

// MARK: - Comments and mentions

struct CommentTests {
    @Test func aCommentNotifiesMentionsAndSubscribersAndSubscribesTheMentioned() throws {
        var h = EngineHarness()
        let result = h.apply(#"""
            {"id": "edit_01HQ3M0000000000000000CMNT", "op": "comment.create", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N",
             "data": {"content": "Hi @{jane:Jane Smith} and @{n8n:n8n}, not @{ghost:Ghost} nor `@{auditor:Ann}`"}}
            """#)
        #expect(result.outcome == Outcome(action: .commented, task: H.t2V8Z, version: 2, comment: "cmt_01HQ3M0000000000000000CMNT"))
        #expect(h.task(H.t2V8Z)?.subscribers == ["jane", "n8n", "sam"])
        #expect(h.notifications == ["jane:task_mention", "n8n:task_mention"])
        let comment = try #require(h.workspace.comments[H.t2V8Z]?.last)
        #expect(comment.author == "sam" && comment.content.hasPrefix("Hi @{jane:Jane Smith}"))
        let note = try #require(h.written("notifications/jane/").values.first)
        #expect(note["comment"]?.stringValue == "cmt_01HQ3M0000000000000000CMNT" && note["actor"]?.stringValue == "sam")
        #expect(note["task"]?.stringValue == H.t2V8Z && note["at"]?.stringValue != nil)
    }

    @Test func subscribersWhoAreNotMentionedGetACommentedNotification() {
        var h = EngineHarness()
        h.apply(#"{"op": "comment.create", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"content": "Done."}}"#)
        #expect(h.notifications == ["sam:task_commented"])
        #expect(h.task(H.t2V8Z)?.version == 1)
    }

    @Test(arguments: [
        ("@{jane:Jane}@{n8n:n8n}", ["jane:task_mention", "n8n:task_mention"]),                // adjacent
        ("@{jane:Jane} @{jane:Jane again}", ["jane:task_mention"]),                        // repeated: once
        ("```\n@{jane:Jane}\n```\n\n    @{n8n:x}", ["jane:task_commented"]),               // code: not mentions
        ("@{jane Jane} @{jane:} @{:x} @{jane:Jane", ["jane:task_commented"]),              // malformed
        ("@{sam:Me} @{nobody:X}", ["jane:task_commented"]),                                // self and non-member
        ("*@{n8n:N. \"8\" N, Inc.}*", ["jane:task_commented", "n8n:task_mention"]),        // punctuation in names
    ])
    func mentionEdgeCases(content: String, expected: [String]) throws {
        var h = EngineHarness()
        let json = String(data: try JSONSerialization.data(withJSONObject: ["content": content]), encoding: .utf8)!
        let result = h.apply(#"{"op": "comment.create", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": "# + json + "}")
        #expect(result.outcome?.action == .commented)
        #expect(h.notifications == expected)
    }

    @Test func authorsEditWithinTheWindowOnly() {
        var h = EngineHarness()
        let id = h.apply(#"{"op": "comment.create", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"content": "first"}}"#).outcome!.comment!
        let update = #"{"op": "comment.update", "actor": "ACTOR", "task": "task_01HQ3K4A0000000000000000AA", "AT" "data": {"comment": "ID", "content": "second @{jane:J}"}}"#
            .replacingOccurrences(of: "ID", with: id)
        let byOther = h.apply(update.replacingOccurrences(of: "ACTOR", with: "jane").replacingOccurrences(of: "\"AT\"", with: ""))
        #expect(byOther.code == "NOT_AUTHORIZED" && byOther.error?.message == "Not authorized: only the author may edit a comment")
        let ok = h.apply(update.replacingOccurrences(of: "ACTOR", with: "sam").replacingOccurrences(of: "\"AT\"", with: ""))
        #expect(ok.outcome?.action == .updated && ok.outcome?.comment == id)
        #expect(h.workspace.comments[H.tAA]?.first?.content == "second @{jane:J}")
        #expect(h.notifications == ["jane:task_mention"])
        let late = h.apply(update.replacingOccurrences(of: "ACTOR", with: "sam").replacingOccurrences(of: "\"AT\"", with: #""at": "2026-03-18T13:30:00Z","#))
        #expect(late.code == "NOT_AUTHORIZED" && late.error?.message == "Not authorized: comments can be edited for 15 minutes after they are posted")
        let missing = h.apply(#"{"op": "comment.update", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"comment": "cmt_01HQ3K5Z00000000000000AAAA", "content": "x"}}"#)
        #expect(missing.code == "RECORD_NOT_FOUND" && missing.error?.message == "Comment not found")
    }

    @Test func authorsAndAdminsDeleteComments() {
        var h = EngineHarness()
        let delete = #"{"op": "comment.delete", "actor": "ACTOR", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"comment": "cmt_01HQ3K5Z0000000000000000ZZ"}}"#
        #expect(h.apply(delete.replacingOccurrences(of: "ACTOR", with: "n8n")).code == "NOT_AUTHORIZED")
        #expect(h.apply(delete.replacingOccurrences(of: "ACTOR", with: "jane")).outcome?.action == .deleted)
        #expect(h.workspace.comments[H.t2V8Z] == nil)
        #expect(h.engine.changes.changes["comments/\(H.t2V8Z)/\(H.comment).json"] == .delete)
        #expect(h.apply(delete.replacingOccurrences(of: "ACTOR", with: "sam")).code == "RECORD_NOT_FOUND")
    }

    @Test(arguments: [
        (#"{"op": "comment.create", "actor": "sam", "task": "task_01HQ3K9Z0000000000000000ZZ", "data": {"content": "x"}}"#, "RECORD_NOT_FOUND"),
        (#"{"op": "comment.create", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"content": "  "}}"#, "VALIDATION_ERROR"),
        (#"{"op": "comment.create", "actor": "auditor", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"content": "x"}}"#, "READ_ONLY"),
        (#"{"op": "comment.create", "actor": "ghost", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"content": "x"}}"#, "NOT_AUTHORIZED"),
        (#"{"op": "comment.create", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "if_version": 9, "data": {"content": "x"}}"#, "VERSION_CONFLICT"),
        (#"{"op": "comment.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"comment": "cmt_01HQ3K5Z0000000000000000ZZ", "content": "late"}}"#, "NOT_AUTHORIZED"),
        (#"{"op": "comment.delete", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"comment": "../../x"}}"#, "VALIDATION_ERROR"),
    ])
    func rejectsWithTheRightCode(edit: String, code: String) {
        var h = EngineHarness()
        #expect(h.apply(edit).code == code)
    }
}

// MARK: - The queue itself

struct QueueTests {
    @Test func aFileThatIsNotJSONIsKeptWithItsRawText() throws {
        var h = EngineHarness()
        let result = h.apply("{\"op\": \"task.create\",", file: "queue/broken.json")
        #expect(result.code == "INVALID_JSON")
        let id = EditQueue.derivedID(file: "queue/broken.json")
        let entry = try #require(h.written("rejected/")["rejected/\(id).json"])
        #expect(entry["raw"]?.stringValue == "{\"op\": \"task.create\",")
        #expect(entry["file"]?.stringValue == "queue/broken.json" && entry["id"]?.stringValue == id)
        #expect(entry["error"]?["code"]?.stringValue == "INVALID_JSON")
        #expect(h.engine.changes.changes["queue/broken.json"] == .delete)
    }

    @Test func bytesThatAreNotUTF8AreKeptAsBase64() throws {
        var engine = EditEngine(workspace: EngineHarness.base)
        engine.apply(.invalidJSON(file: "queue/bin.json", id: "edit_01HQ3M00000000000000000BIN", raw: [0xFF, 0xFE, 0x00],
                                  error: EditError(.invalidJSON, "not UTF-8")))
        guard case .write(let bytes) = engine.changes.changes["rejected/edit_01HQ3M00000000000000000BIN.json"] else {
            Issue.record("no rejected file"); return
        }
        let entry = try JSONParser.parse(bytes)
        #expect(entry["raw_base64"]?.stringValue == "//4A" && entry["raw"] == nil)
    }

    @Test func anIdThatIsNotAnIdNeverBecomesAPath() throws {
        var h = EngineHarness()
        let result = h.apply(#"{"id": "../../people", "op": "task.delete", "actor": "jane", "task": "task_01HQ3K4C0000000000000000CC"}"#, file: "queue/evil.json")
        #expect(result.code == "VALIDATION_ERROR")
        #expect(result.error?.message == "Field 'id' must be 'edit_' followed by a 26-character ULID")
        let paths = h.engine.changes.changes.keys
        #expect(paths.allSatisfy { !$0.contains("..") })
        #expect(paths.contains("rejected/\(EditQueue.derivedID(file: "queue/evil.json")).json"))
        let badTask = h.apply(#"{"op": "task.delete", "actor": "jane", "task": "../people"}"#)
        #expect(badTask.error?.message == "Field 'task' must be a task id: 'task_' followed by a 26-character ULID")
        #expect(h.workspace.tasks.count == 4)
    }

    @Test(arguments: [
        (#"{"actor": "jane", "task": "task_01HQ3K4C0000000000000000CC"}"#, "Field 'op' is required"),
        (#"{"op": "task.archive", "actor": "jane"}"#, "Field 'op' is 'task.archive'; must be one of: task.create, task.update, task.complete, task.delete, task.subscribe, task.unsubscribe, comment.create, comment.update, comment.delete"),
        (#"{"op": "task.update", "actor": "jane", "data": {}}"#, "Field 'task' is required for task.update"),
        (#"{"op": "task.create", "data": {"title": "x"}}"#, "Field 'actor' is required: the id of the person making the edit"),
        (#"{"op": "task.create", "actor": "jane", "at": "tomorrow", "data": {"title": "x"}}"#, "Field 'at' must be an RFC 3339 date-time such as 2026-03-18T10:00:00Z"),
        (#"{"op": "task.create", "actor": "jane", "data": [1]}"#, "Field 'data' must be an object"),
        (#"{"op": "task.create", "actor": "jane", "when": 1, "data": {"title": "x"}}"#, "Unknown field 'when'; an edit has: actor, at, data, id, if_version, ignore_unknown, op, task"),
        (#"[1, 2]"#, "An edit must be a JSON object, found an array"),
    ])
    func envelopeProblemsAreValidationErrors(edit: String, message: String) {
        var h = EngineHarness()
        let result = h.apply(edit)
        #expect(result.code == "VALIDATION_ERROR")
        #expect(result.error?.message == message)
    }

    @Test func editsApplyInOrderOfAtThenIdNeverFileName() {
        let early = Edit(id: "edit_01HQ3M0000000000000000000B", op: .taskCreate, actor: "jane", at: instant("2026-03-18T09:00:00Z"), file: "queue/z.json")
        let tie = Edit(id: "edit_01HQ3M0000000000000000000A", op: .taskCreate, actor: "jane", at: instant("2026-03-18T09:00:00Z"), file: "queue/y.json")
        let late = Edit(id: "edit_01HQ3M00000000000000000000", op: .taskCreate, actor: "jane", at: instant("2026-03-18T10:00:00Z"), file: "queue/a.json")
        let sorted = EditQueue.sorted([.edit(late), .edit(early), .edit(tie)])
        #expect(sorted.map(\.file) == ["queue/y.json", "queue/z.json", "queue/a.json"])
    }

    @Test func anEditIsNeverAppliedTwice() {
        var engine = EditEngine(workspace: EngineHarness.base, journalIDs: ["edit_01HQ3M0000000000000000DONE"])
        let edit = Edit(id: "edit_01HQ3M0000000000000000DONE", op: .taskCreate, actor: "jane", at: EngineHarness.now,
                        data: [JSONMember(key: "title", value: JSONNode(.string("again")))], file: "queue/again.json")
        engine.apply(.edit(edit))
        #expect(engine.results.last?.result.code == "VALIDATION_ERROR")
        #expect(engine.workspace.tasks.count == 4)
    }
}
