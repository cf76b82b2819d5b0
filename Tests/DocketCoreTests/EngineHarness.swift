import Foundation
import Testing
@testable import DocketCore

/// Applies edits, written as JSON text, to the basic fixture in memory.
/// Fixture people: jane (admin), sam (member), auditor (readonly), n8n (integration).
/// Tasks: 2V8Z (created by sam, assigned jane, subscribers jane+sam, timed due),
/// AA (created by jane, assigned sam, all-day due), BB (completed), CC (created by n8n, unassigned).
struct EngineHarness {
    static let t2V8Z = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"
    static let tAA = "task_01HQ3K4A0000000000000000AA"
    static let tBB = "task_01HQ3K4B0000000000000000BB"
    static let tCC = "task_01HQ3K4C0000000000000000CC"
    static let comment = "cmt_01HQ3K5Z0000000000000000ZZ"
    static let now = instant("2026-03-18T13:00:00Z")
    static let base: Workspace = WorkspaceLoader.load(fixtures + "/basic").workspace

    var engine = EditEngine(workspace: EngineHarness.base)
    private var counter = 0

    /// Applies one edit; `at` defaults to 13:00 plus a minute per edit, `id` to a fresh one.
    @discardableResult
    mutating func apply(_ json: String, file: String? = nil) -> EditEngine.Result {
        counter += 1
        let name = file ?? "queue/\(counter).json"
        let item: EditQueue.Item
        do {
            var node = try JSONParser.parse(json)
            if case .object(var members) = node.value {
                if !members.contains(where: { $0.key == "at" }) {
                    members.append(JSONMember(key: "at", value: JSONNode(.string(EngineHarness.now.adding(seconds: Int64(counter) * 60).rfc3339))))
                }
                node = JSONNode(.object(members))
            }
            item = EditQueue.decode(node, file: name, now: EngineHarness.now)
        } catch {
            item = .invalidJSON(file: name, id: EditQueue.derivedID(file: name), raw: Array(json.utf8),
                                error: EditError(.invalidJSON, error.message))
        }
        engine.apply(item)
        return engine.results.last!.result
    }

    var workspace: Workspace { engine.workspace }
    func task(_ id: String) -> DocketCore.Task? { engine.workspace.task(id) }

    /// Decoded files the changeset writes under a prefix.
    func written(_ prefix: String) -> [String: JSONNode] {
        var files: [String: JSONNode] = [:]
        for (path, change) in engine.changes.changes where path.hasPrefix(prefix) {
            if case .write(let bytes) = change { files[path] = try? JSONParser.parse(bytes) }
        }
        return files
    }

    /// (person, kind) of every notification written so far, sorted.
    var notifications: [String] {
        written("notifications/").values.map { "\($0["person"]!.stringValue!):\($0["kind"]!.stringValue!)" }.sorted()
    }
}

extension EditEngine.Result {
    var outcome: Outcome? { if case .applied(let o) = self { o } else { nil } }
    var error: EditError? { if case .rejected(let e) = self { e } else { nil } }
    var code: String { error?.code.rawValue ?? "ok" }
}
