import Foundation
import Testing
@testable import DocketCore
@testable import DocketTemplates

let fixtureRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Every parser that reads input from a pull request, fed mutated input:
/// none may crash, trap or hang (a hang shows as a run that never ends; a
/// trap ends the test process). Inputs that once broke a target are kept in
/// Tests/Fixtures/fuzz/<target>/ and replayed first, every run.
struct FuzzTests {
    static let workspace = WorkspaceLoader.load(fixtureRoot + "/basic").workspace

    /// The seed files of a target: its kept crashers, then the given seeds.
    func corpus(_ target: String, seeds: [String]) -> [[UInt8]] {
        let folder = fixtureRoot + "/fuzz/" + target
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().compactMap {
            FileManager.default.contents(atPath: folder + "/" + $0).map(Array.init)
        }
        return kept + seeds.map { Array($0.utf8) }
    }

    /// Runs `body` on the corpus, then on `fuzzIterations` variants; returns how many ran.
    @discardableResult
    func fuzz(_ target: String, seeds: [String], _ body: ([UInt8]) -> Void) -> Int {
        let inputs = corpus(target, seeds: seeds)
        var mutator = Mutator(seed: fuzzSeed ^ UInt64(target.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for input in inputs { body(input) }
        for _ in 0..<fuzzIterations { body(mutator.mutate(inputs[mutator.below(inputs.count)], corpus: inputs)) }
        return inputs.count + fuzzIterations
    }

    static let taskSeeds = (try? FileManager.default.contentsOfDirectory(atPath: fixtureRoot + "/basic/tasks"))?.filter { $0.hasSuffix(".json") }
        .compactMap { try? String(contentsOfFile: fixtureRoot + "/basic/tasks/" + $0, encoding: .utf8) } ?? []

    @Test func theJSONParserNeverCrashes() {
        let ran = fuzz("json", seeds: Self.taskSeeds + [#"{"a": [1, 2.5e3, -0, true, null, "\u00e9\n"]}"#]) { bytes in
            if let node = try? JSONParser.parse(bytes) { _ = JSONWriter.canonical(node.value) }
        }
        #expect(ran > fuzzIterations)
    }

    @Test func workspaceDecodingNeverCrashes() {
        let references = References(settings: Self.workspace.settings, people: Self.workspace.peopleByID,
                                    recordKeys: Set(Self.workspace.records.keys), taskIDs: TaskIDs(Self.workspace.tasks.map(\.id)))
        let seeds = Self.taskSeeds + [#"{"name": "A", "timezone": "Europe/Berlin", "base_url": "https://x.example/", "types": ["todo"]}"#,
                                      #"[{"id": "jane", "name": "Jane", "email": "j@x.example", "role": "admin"}]"#]
        fuzz("workspace", seeds: seeds) { bytes in
            guard let node = try? JSONParser.parse(bytes) else { return }
            var sink = DiagnosticSink(path: "x.json", source: SourceText(bytes: bytes))
            _ = TaskDecoder.decode(node, expectedID: "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", references: references, sink: &sink)
            _ = SettingsDecoder.decode(node, sink: &sink)
            _ = PeopleDecoder.decode(node, sink: &sink)
            _ = sink.diagnostics.map(\.description)
        }
    }

    /// Edits in docket's own fields and in each product's dialect, applied to a real workspace.
    @Test func editDecodingAndApplyingNeverCrash() {
        let task = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"
        let seeds = [
            #"{"op": "task.create", "actor": "jane", "data": {"title": "Call", "due": "2026-03-20T17:00:00Z", "assignees": ["sam"], "reminder": {"offset_minutes": 30}, "tags": ["a"], "links": [{"type": "contact", "id": "cont_ada"}]}}"#,
            #"{"op": "task.create", "actor": "n8n", "data": {"content_text": "x", "task_type": "call", "owner_ids": ["jane"], "is_completed": false, "deal_id": "deal_acme"}}"#,
            #"{"op": "task.create", "actor": "jane", "data": {"title": "x", "due_date": "2026-05-01", "due_time": "09:00", "reminder_offset_mins": 30, "assignee_email": "sam@acme.example", "priority": "medium"}}"#,
            #"{"op": "task.update", "actor": "jane", "task": "\#(task)", "if_version": 1, "data": {"linked_entities": [{"entity_type": "contacts", "entity_id": "cont_ada"}], "action_type": "email", "status": "done"}}"#,
            #"{"op": "task.complete", "actor": "jane", "task": "\#(task)", "data": {"completed": true}}"#,
            #"{"op": "comment.create", "actor": "sam", "task": "\#(task)", "data": {"content": "@{jane:Jane} and @sam `@{x:y}`"}}"#,
            #"{"op": "task.subscribe", "actor": "sam", "task": "\#(task)", "data": {"person": "jane", "force": true}}"#,
        ]
        let base = Self.workspace
        fuzz("edits", seeds: seeds) { bytes in
            var engine = EditEngine(workspace: base)
            guard let node = try? JSONParser.parse(bytes) else {
                engine.apply(.invalidJSON(file: "queue/x.json", id: "edit_x", raw: bytes, error: EditError(.invalidJSON, "bad")))
                return
            }
            engine.apply(EditQueue.decode(node, file: "queue/x.json", now: Instant(rfc3339: "2026-03-18T13:00:00Z")!))
            _ = engine.changes.ordered
        }
    }

    @Test func mentionsAndMarkdownNeverCrash() {
        let seeds = ["Hi @{jane:Jane Smith}, cc @sam and ann@acme.example", "`@{x:y}`\n\n    @{code:block}\n\n*@{ann:Ann}*",
                     "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] todo\n- [x] done\n\n~~gone~~ www.example.com <script>x</script>"]
        fuzz("markdown", seeds: seeds) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Mention.split(text, isMember: { $0 == "jane" || $0 == "sam" })
            _ = Markdown.mentions(in: text, isMember: { _ in true })
            _ = Markdown.html(text, isMember: { $0 == "jane" }) { "people/\($0.personID).html" }
            _ = Markdown.unheardMentions(in: text, isMember: { $0 == "sam" })
        }
    }

    @Test func theTemplateParserAndRendererNeverCrash() {
        let seeds = ["{{#list}}<li>{{title}} {{{html}}}</li>{{/list}}{{^list}}none{{/list}}", "{{<p}}{{$b}}over{{/b}}{{/p}}",
                     "{{=<% %>=}}<%a%>{{! c }}\n  {{>p}}\n", "{{a.b.c}}{{#a}}{{.}}{{/a}}"]
        let data: TemplateValue = ["list": [["title": "<x>", "html": "<b>"]], "a": ["b": ["c": 1]]]
        fuzz("templates", seeds: seeds) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let partial = "{{$b}}default{{/b}} {{title}}"
            guard let library = try? TemplateLibrary([("main", "main.mustache", text), ("p", "p.mustache", partial)]) else { return }
            _ = try? library.render("main", data)
        }
    }
}
