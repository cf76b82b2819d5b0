import Testing
@testable import DocketCore

/// Every row of `Task.plainFields` goes through every path a field takes —
/// the canonical JSON, the decoder, the input cache, the limits and
/// `task.update` — so a field added to the table is covered without a test of its own.
struct TaskFieldTests {
    /// A value for each kind, valid against the basic fixture (sam is a member).
    func sample(_ field: TaskField) -> TaskFieldValue {
        switch field.kind {
        case .text: .text(field.namesPeople ? "sam" : "a value")
        case .texts: .texts(field.namesPeople ? ["sam", "jane"] : ["first", "second"])
        case .instant: .instant(instant("2026-03-18T12:34:56Z"))
        case .number(let range): .number(range.upperBound)
        }
    }

    func completedTask() throws -> DocketCore.Task {
        var task = try #require(EngineHarness.base.task(EngineHarness.tBB))  // completed: completed_* may be set
        for field in Task.plainFields { field.set(&task, sample(field)) }
        return task
    }

    @Test func everyPlainFieldRoundTripsThroughTheFileAndTheCache() throws {
        let task = try completedTask()
        let text = JSONWriter.canonical(task.json)
        for field in Task.plainFields {
            #expect(JSONNode(task.json)[field.key] != nil, "\(field.key) is written")
        }
        let workspace = EngineHarness.base
        let references = References(settings: workspace.settings, people: workspace.peopleByID,
                                    recordKeys: Set(workspace.sortedRecords.map(\.link.key)))
        var sink = DiagnosticSink(path: "tasks/x.json", source: SourceText(bytes: Array(text.utf8)))
        let decoded = TaskDecoder.decode(try JSONParser.parse(text), expectedID: task.id, references: references, sink: &sink)
        #expect(sink.diagnostics.isEmpty)
        #expect(decoded.map { $0.json } == task.json)

        var bytes: [UInt8] = []
        task.encode(into: &bytes)
        var reader = BinaryReader(bytes[...])
        #expect(try Task(from: &reader) == task)
    }

    @Test func aPlainFieldNamingSomeoneUnknownOrOverItsLimitIsAnError() throws {
        for field in Task.plainFields {
            var task = try completedTask()
            switch field.kind {
            case .texts(let most):
                field.set(&task, .texts([String(repeating: "x", count: most + 1)]))
                #expect(Limits.problems(task).contains { $0.field == field.key }, "\(field.key) entry over \(most)")
                field.set(&task, .texts((0...Limits.listItems).map { "tag\($0)" }))
                #expect(Limits.problems(task).contains { $0.field == field.key }, "\(field.key) with too many entries")
            case .text:
                field.set(&task, .text(String(repeating: "x", count: Limits.titleCharacters + 1)))
                #expect(Limits.problems(task).contains { $0.field == field.key }, "\(field.key) over its length")
            default:
                continue
            }
        }
        for field in Task.plainFields where field.namesPeople {
            var task = try completedTask()
            field.set(&task, { if case .texts = field.kind { .texts(["nobody"]) } else { .text("nobody") } }())
            let text = JSONWriter.canonical(task.json)
            var sink = DiagnosticSink(path: "tasks/x.json", source: SourceText(bytes: Array(text.utf8)))
            let references = References(settings: EngineHarness.base.settings, people: EngineHarness.base.peopleByID)
            _ = TaskDecoder.decode(try JSONParser.parse(text), expectedID: task.id, references: references, sink: &sink)
            #expect(sink.diagnostics.map(\.message) == ["field '\(field.key)' names 'nobody', who is not in people.json"])
        }
    }

    /// An editable field is set by `task.update` and unset by null (the
    /// others the edit engine sets itself, tested with the status and creation).
    @Test func taskUpdateSetsAndClearsEveryEditablePlainField() throws {
        for field in Task.plainFields where field.editable {
            var h = EngineHarness()
            let value = sample(field)
            let json = JSONWriter.compact(TaskField.json(value))
            let result = h.apply(#"{"op": "task.update", "actor": "sam", "task": "\#(EngineHarness.t2V8Z)", "data": {"\#(field.key)": \#(json)}}"#)
            #expect(result.error == nil)
            #expect(try field.get(#require(h.task(EngineHarness.t2V8Z))) == value)
            h.apply(#"{"op": "task.update", "actor": "sam", "task": "\#(EngineHarness.t2V8Z)", "data": {"\#(field.key)": null}}"#)
            #expect(try field.get(#require(h.task(EngineHarness.t2V8Z))) == nil)
        }
    }
}
