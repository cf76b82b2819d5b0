import Foundation
import Testing
@testable import DocketCore

/// Every example request body of the five seed documents, as the `data` of an
/// edit, checked field by field. Seed ids (user_01HQ…, UUIDs) are replaced by
/// the fixture's people and records; everything else is as documented.
struct SeedDialectTests {
    /// Applies a create as `actor` and returns the new task.
    func create(_ data: String, actor: String = "jane", h: inout EngineHarness) throws -> DocketCore.Task {
        let result = h.apply(#"{"op": "task.create", "actor": ""# + actor + #"", "data": "# + data + "}")
        let outcome = try #require(result.outcome, "rejected: \(result.error?.description ?? "")")
        return try #require(h.task(outcome.task))
    }

    // MARK: 000 — Rex CRM

    @Test func rexCreateAndGetFields() throws {
        var h = EngineHarness()
        let task = try create(#"""
            {"title": "Send contract to Ada", "description": "Enterprise plan contract, annual billing",
             "contact_id": "cont_ada", "deal_id": "deal_acme", "owner_id": "sam",
             "due_at": "2026-03-20T17:00:00Z", "priority": "high", "status": "pending", "metadata": {"source": "rex"}}
            """#, h: &h)
        #expect(task.title == "Send contract to Ada")
        #expect(task.details == "Enterprise plan contract, annual billing\n")  // as tasks/<id>.md holds it
        #expect(task.links == [Link(type: "contact", id: "cont_ada"), Link(type: "deal", id: "deal_acme")])
        #expect(task.assignees == ["sam"])
        #expect(task.due == .at(instant("2026-03-20T17:00:00Z")))
        #expect(task.priority == .high && task.status == .pending)
        #expect(task.metadata == [JSONMember(key: "source", value: JSONNode(.string("rex")))])
        #expect(h.notifications == ["sam:task_assigned"])
    }

    @Test func rexPatchCompletesWithTheGivenTime() throws {
        var h = EngineHarness()
        h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"status": "completed", "completed_at": "2026-03-18T10:00:00Z"}}"#)
        let task = try #require(h.task(H.t2V8Z))
        #expect(task.status == .completed && task.completedAt == instant("2026-03-18T10:00:00Z") && task.completedBy == "sam")
        h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"status": "cancelled", "company_id": "comp_acme"}}"#)
        #expect(h.task(H.t2V8Z)?.status == .cancelled && h.task(H.t2V8Z)?.completedAt == nil)
        #expect(h.task(H.t2V8Z)?.links.last == Link(type: "company", id: "comp_acme"))
    }

    // MARK: 001 — Stardex

    @Test func stardexCreate() throws {
        var h = EngineHarness()
        let task = try create(#"""
            {"content_text": "Follow up with candidate about interview availability", "task_type": "text",
             "due_date": "2024-02-15T17:00:00Z", "is_completed": false,
             "person_id": "cand_123", "deal_id": "deal_acme", "client_id": "client_345", "job_id": "job_456",
             "owner_ids": ["jane", "sam"]}
            """#, actor: "n8n", h: &h)
        #expect(task.title == "Follow up with candidate about interview availability")
        #expect(task.type == "todo")  // "text" → todo
        #expect(task.due == .at(instant("2024-02-15T17:00:00Z")))
        #expect(task.status == .pending)
        #expect(Set(task.links) == [Link(type: "person", id: "cand_123"), Link(type: "deal", id: "deal_acme"),
                                   Link(type: "client", id: "client_345"), Link(type: "job", id: "job_456")])
        #expect(task.assignees == ["jane", "sam"])
        #expect(task.createdBy == "n8n")
        #expect(h.notifications == ["jane:task_assigned", "sam:task_assigned"])
    }

    @Test func stardexCompletedCallTask() throws {
        var h = EngineHarness()
        let task = try create(#"{"content_text": "Call back", "task_type": "call", "is_completed": true}"#, h: &h)
        #expect(task.type == "call" && task.status == .completed && task.completedBy == "jane" && task.completedAt != nil)
    }

    // MARK: 002 — healthcare operations

    @Test func healthcareCreateWithCreatedByAndMediumPriority() throws {
        var h = EngineHarness()
        let task = try create(#"""
            {"title": "Verify benefits", "description": "Call the payer", "assigned_user_ids": ["sam"],
             "created_by_id": "jane", "deadline": "2023-11-07T05:31:56Z", "tags": ["vob", "payer"],
             "call_id": "call_1", "fax_id": "fax_1", "assistant_id": "asst_1", "session_id": "sess_1",
             "patient_id": "pat_1", "status": "in_progress", "priority": "medium", "type": "general"}
            """#, actor: "n8n", h: &h)
        #expect(task.createdBy == "jane")
        #expect(task.priority == .normal && task.type == "todo" && task.status == .inProgress)
        #expect(task.due == .at(instant("2023-11-07T05:31:56Z")))
        #expect(task.tags == ["vob", "payer"] && task.assignees == ["sam"] && task.details == "Call the payer\n")
        #expect(Set(task.links.map(\.type)) == ["call", "fax", "assistant", "session", "patient"])
        #expect(task.subscribers == ["jane", "sam"])
    }

    @Test func healthcareIntegrationsMaySendFieldsDocketIgnores() throws {
        var h = EngineHarness()
        // An integration never needs "ignore_unknown": its extra fields are skipped and listed.
        let skipped = h.apply(#"{"op": "task.create", "actor": "n8n", "data": {"title": "x", "external_message_ids": {}}}"#)
        #expect(skipped.outcome?.action == .created && skipped.outcome?.ignored == ["external_message_ids"])
        let accepted = h.apply(#"{"op": "task.create", "actor": "n8n", "ignore_unknown": true, "data": {"title": "x", "external_message_ids": {}}}"#)
        #expect(accepted.outcome?.action == .created)
    }

    // MARK: 003 — Kasar

    @Test func kasarCreateUpdateCompleteReopen() throws {
        var h = EngineHarness()
        let task = try create(#"""
            {"title": "Call Alice about contract renewal", "due_date": "2025-03-15T09:00:00Z", "priority": "high",
             "action_type": "call", "assigned_to_id": "sam",
             "linked_entities": [{"id": "cont_ada", "type": "contacts"}, {"id": "acme", "type": "companies"}, {"id": "opp_1", "type": "opportunities"}]}
            """#, h: &h)
        #expect(task.type == "call" && task.priority == .high && task.assignees == ["sam"])
        #expect(task.links == [Link(type: "contact", id: "cont_ada"), Link(type: "company", id: "acme"), Link(type: "opportunity", id: "opp_1")])
        #expect(h.notifications == ["sam:task_assigned"])
        let update = h.apply(#"{"op": "task.update", "actor": "sam", "task": ""# + task.id + #"", "data": {"priority": "medium", "due_date": "2025-03-20T09:00:00Z", "linked_entities": [{"id": "cont_ada", "type": "contacts"}]}}"#)
        #expect(update.outcome?.action == .updated)
        #expect(h.task(task.id)?.priority == .normal && h.task(task.id)?.due == .at(instant("2025-03-20T09:00:00Z")))
        #expect(h.task(task.id)?.links == [Link(type: "contact", id: "cont_ada")])
        let complete = h.apply(#"{"op": "task.complete", "actor": "sam", "task": ""# + task.id + #"", "data": {"completed": true}}"#)
        #expect(complete.outcome?.action == .completed)
        #expect(h.task(task.id)?.completedBy == "sam")
        #expect(h.notifications == ["jane:task_completed", "sam:task_assigned"])
        let reopen = h.apply(#"{"op": "task.complete", "actor": "sam", "task": ""# + task.id + #"", "data": {"completed": false}}"#)
        #expect(reopen.outcome?.action == .reopened && h.task(task.id)?.completedAt == nil)
    }

    @Test func kasarValidationErrorNamesTheField() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "priority": "highest"}}"#)
        #expect(result.code == "VALIDATION_ERROR" && result.error?.message == "Field 'priority' is 'highest'; must be one of: low, normal, high, urgent")
    }

    // MARK: 004 — il records workspace

    @Test func ilCreateWithDueTimeAndReminderOffsetInTheWorkspaceZone() throws {
        var h = EngineHarness()
        let task = try create(#"""
            {"title": "Send proposal", "details": "Draft is attached to the record", "assignee_email": "sam@acme.example",
             "due_date": "2026-05-01", "due_time": "09:00", "reminder_offset_mins": 30}
            """#, h: &h)
        #expect(task.details == "Draft is attached to the record\n")
        #expect(task.assignees == ["sam"])
        #expect(task.due == .at(instant("2026-05-01T07:00:00Z")))  // 09:00 in Berlin (CEST)
        #expect(task.reminder == .offsetMinutes(30))
        #expect(task.reminderAt(in: h.workspace.settings.zone) == instant("2026-05-01T06:30:00Z"))
    }

    @Test func ilDateOnlyWithReminderTime() throws {
        var h = EngineHarness()
        let task = try create(#"{"title": "Renewal", "due_date": "2026-05-01", "reminder_time": "08:00", "assignee_user_id": "jane", "assignee_email": "sam@acme.example"}"#, h: &h)
        #expect(task.due == .allDay(date("2026-05-01")))
        #expect(task.reminder == .time(LocalTime(hour: 8, minute: 0)!))
        #expect(task.reminderAt(in: h.workspace.settings.zone) == instant("2026-05-01T06:00:00Z"))
        #expect(task.assignees == ["jane"])  // the id takes precedence over the email
    }

    @Test func ilResponseShapedTimesAndStatusesAreUnderstood() throws {
        var h = EngineHarness()
        let task = try create(#"{"title": "Echo", "due_date": "2026-05-01", "due_time": "09:00:00", "status": "open"}"#, h: &h)
        #expect(task.due == .at(instant("2026-05-01T07:00:00Z")) && task.status == .pending)
        h.apply(#"{"op": "task.update", "actor": "jane", "task": ""# + task.id + #"", "data": {"status": "done"}}"#)
        #expect(h.task(task.id)?.status == .completed)
    }

    @Test func ilUpdateMovesOnlyTheTime() {
        var h = EngineHarness()
        h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"due_time": "10:30"}}"#)
        #expect(h.task(H.t2V8Z)?.due == .at(instant("2026-03-20T09:30:00Z")))  // 10:30 CET on the same day
    }

    /// 2V8Z is due Fri 20 March 17:00 UTC (18:00 in Berlin) with a 30-minute reminder.
    @Test func ilUpdateWithADateAloneKeepsTheTimeOfDay() {
        var h = EngineHarness()
        let moved = h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"due_date": "2026-04-02"}}"#)
        #expect(moved.code == "ok")  // the offset reminder still has a time to count from
        #expect(h.task(H.t2V8Z)?.due == .at(instant("2026-04-02T16:00:00Z")))  // 18:00 in Berlin, now in summer time
        h.apply(#"{"op": "task.update", "actor": "sam", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"reminder_offset_mins": null, "due_date": "2026-04-03", "due_time": null}}"#)
        #expect(h.task(H.t2V8Z)?.due == .allDay(date("2026-04-03")))  // an explicit null time makes it all-day
    }

    @Test func ilMarkDoneUndoneAreIdempotent() {
        var h = EngineHarness()
        let done = #"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA"}"#
        #expect(h.apply(done).outcome?.action == .completed)
        #expect(h.apply(done).outcome?.action == .unchanged)  // seed 004: ok:false, not an error
        let undone = #"{"op": "task.complete", "actor": "sam", "task": "task_01HQ3K4A0000000000000000AA", "data": {"completed": false}}"#
        #expect(h.apply(undone).outcome?.action == .reopened)
        #expect(h.apply(undone).outcome?.action == .unchanged)
    }

    @Test func ilSubscribeForceAndCommentMentions() {
        var h = EngineHarness()
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA", "data": {"force": true}}"#).outcome?.action == .subscribed)
        #expect(h.apply(#"{"op": "task.subscribe", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA", "data": {"force": true}}"#).outcome?.action == .unchanged)
        h.apply(#"{"op": "comment.create", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA", "data": {"content": "@{n8n:n8n bot} please sync"}}"#)
        #expect(h.task(H.tAA)?.subscribers == ["jane", "n8n"])
        #expect(h.notifications == ["n8n:task_mention"])
    }

    @Test func ilReassignmentByEmailNotifiesOnce() {
        var h = EngineHarness()
        let edit = #"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K4A0000000000000000AA", "data": {"assignee_email": "ann@acme.example"}}"#
        #expect(h.apply(edit).outcome?.action == .updated)
        #expect(h.apply(edit).outcome?.action == .unchanged)
        #expect(h.notifications == ["auditor:task_assigned"])
    }
}

/// The healthcare API's promises to integrations (n8n is one in the fixture).
struct IntegrationTests {
    @Test func anIntegrationsUnknownFieldsAreSkippedAndListed() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.create", "actor": "n8n", "data": {"title": "From the bot", "external_message_ids": ["m1"], "account_id": 7}}"#)
        #expect(result.code == "ok")
        #expect(result.outcome?.ignored == ["account_id", "external_message_ids"])
        let journal = h.written("journal/").values.first { $0["data"]?["title"]?.stringValue == "From the bot" }
        #expect(journal?["outcome"]?["ignored"]?.arrayValue?.compactMap(\.stringValue) == ["account_id", "external_message_ids"])
        // A member still gets the clear error.
        #expect(h.apply(#"{"op": "task.create", "actor": "jane", "data": {"title": "x", "external_message_ids": []}}"#).code == "VALIDATION_ERROR")
    }

    @Test func nullPutsAFieldBackToNothingOrItsDefault() {
        var h = EngineHarness()
        let result = h.apply(#"{"op": "task.update", "actor": "jane", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"tags": null, "type": null, "priority": null, "subscribers": null}}"#)
        #expect(result.code == "ok", "\(result.error?.message ?? "")")
        let task = h.task(H.t2V8Z)
        #expect(task?.tags == [] && task?.type == "todo" && task?.priority == .normal && task?.subscribers == [])
    }

    @Test func anIntegrationKeepsTheRightToTasksItCreatedOnSomeonesBehalf() {
        var h = EngineHarness()
        let created = h.apply(#"{"op": "task.create", "actor": "n8n", "data": {"title": "For Sam", "created_by_id": "sam"}}"#)
        let id = created.outcome?.task ?? ""
        #expect(h.task(id)?.createdBy == "sam" && h.task(id)?.createdVia == "n8n")
        #expect(h.apply(#"{"op": "task.update", "actor": "n8n", "task": "\#(id)", "data": {"priority": "high"}}"#).code == "ok")
        #expect(h.apply(#"{"op": "task.complete", "actor": "n8n", "task": "\#(id)"}"#).code == "ok")
        #expect(h.written("tasks/")["tasks/\(id).json"]?["created_via"]?.stringValue == "n8n")
    }
}
