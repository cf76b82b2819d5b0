import DocketCore
import Foundation
import Testing

/// `verify_actors`: git, not the edit file, says who made an edit. Each test
/// is a real repository; commits are made as the people of the basic fixture.
@Suite(.serialized) struct VerifyActorsTests {
    let task = "task_01HQ3K4A0000000000000000AA"  // created by jane, assigned to sam

    /// The basic workspace with verify_actors on and a bot address for n8n, committed by jane.
    func repository(in dir: String) throws -> String {
        let ws = try copyFixture("basic", to: dir)
        let settings = try read(ws + "/workspace.json").replacingOccurrences(of: "{", with: "{\"verify_actors\": true, ")
        try settings.write(toFile: ws + "/workspace.json", atomically: true, encoding: .utf8)
        let people = try read(ws + "/people.json").replacingOccurrences(of: #""kind": "integration","#, with: #""kind": "integration", "git_emails": ["bot@n8n.example"],"#)
        try people.write(toFile: ws + "/people.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: ws + "/queue", withIntermediateDirectories: true)
        #expect(try git(["init", "-q"], in: ws).status == 0)
        #expect(try git(["add", "-A"], in: ws).status == 0)
        #expect(try git(["commit", "-qm", "start"], in: ws).status == 0)
        return ws
    }

    func queue(_ name: String, actor: String, in ws: String, committedBy email: String?, priority: String = "high") throws {
        try #"{"op": "task.update", "actor": "\#(actor)", "task": "\#(task)", "data": {"priority": "\#(priority)"}}"#
            .write(toFile: ws + "/queue/\(name).json", atomically: true, encoding: .utf8)
        guard let email else { return }
        #expect(try git(["add", "queue/\(name).json"], in: ws).status == 0)
        #expect(try git(["commit", "-qm", name], in: ws, email: email, name: email).status == 0)
    }

    func apply(_ ws: String) throws -> RunResult { try docket(["apply", "--workspace", ws, "--now", fixtureNow]) }

    @Test func anEditAppliesOnlyWhenItsActorCommittedIt() throws {
        try withTemporaryDirectory { dir in
            let ws = try repository(in: dir)
            try queue("sam-as-sam", actor: "sam", in: ws, committedBy: "sam@acme.example")
            try queue("sam-as-jane", actor: "jane", in: ws, committedBy: "SAM@acme.example", priority: "urgent")
            try #"{"op": "task.create", "actor": "n8n", "data": {"title": "From the bot"}}"#.write(toFile: ws + "/queue/bot.json", atomically: true, encoding: .utf8)
            #expect(try git(["add", "queue/bot.json"], in: ws).status == 0)
            #expect(try git(["commit", "-qm", "bot"], in: ws, email: "bot@n8n.example", name: "n8n").status == 0)  // one of its git_emails
            try queue("uncommitted", actor: "jane", in: ws, committedBy: nil)
            let result = try apply(ws)
            #expect(result.stderr.contains("Applied 2 edit(s), rejected 2."), "\(result.stderr)")
            #expect(result.stderr.contains("queue/sam-as-jane.json: rejected: NOT_AUTHORIZED: The edit says its actor is 'jane', but queue/sam-as-jane.json was committed by SAM@acme.example ('sam')"))
            #expect(result.stderr.contains("queue/uncommitted.json: rejected: NOT_AUTHORIZED: queue/uncommitted.json is not committed"))
            #expect(try read(ws + "/tasks/\(task).json").contains(#""priority": "high""#))  // sam's, never the urgent claimed as jane
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/tasks").filter { $0.hasSuffix(".json") }.count == 5)  // the bot's
        }
    }

    @Test func mergedBranchesKeepTheirAuthorsAndASquashIsItsCommitter() throws {
        try withTemporaryDirectory { dir in
            let ws = try repository(in: dir)
            #expect(try git(["checkout", "-qb", "sam-branch"], in: ws).status == 0)
            try queue("from-branch", actor: "sam", in: ws, committedBy: "sam@acme.example")
            #expect(try git(["checkout", "-q", "main"], in: ws).status == 0)
            #expect(try git(["merge", "-q", "--no-ff", "--no-edit", "sam-branch"], in: ws).status == 0)  // a merge commit by jane
            #expect(try git(["checkout", "-qb", "squashed"], in: ws).status == 0)
            try queue("squashed", actor: "sam", in: ws, committedBy: "sam@acme.example", priority: "urgent")
            #expect(try git(["checkout", "-q", "main"], in: ws).status == 0)
            #expect(try git(["merge", "-q", "--squash", "squashed"], in: ws).status == 0)
            #expect(try git(["commit", "-qm", "squash"], in: ws).status == 0)  // jane commits sam's file
            let result = try apply(ws)
            #expect(result.stderr.contains("Applied 1 edit(s), rejected 1."), "\(result.stderr)")
            #expect(result.stderr.contains("queue/squashed.json: rejected: NOT_AUTHORIZED: The edit says its actor is 'sam', but queue/squashed.json was committed by jane@acme.example ('jane')"))
        }
    }

    @Test func aShallowCloneOrNoRepositoryIsAClearErrorAndNothingMoves() throws {
        try withTemporaryDirectory { dir in
            let ws = try repository(in: dir)
            try queue("one", actor: "sam", in: ws, committedBy: "sam@acme.example")
            try queue("two", actor: "sam", in: ws, committedBy: "sam@acme.example", priority: "low")
            #expect(try git(["clone", "-q", "--depth", "1", "file://" + ws, dir + "/shallow"], in: dir).status == 0)
            let shallow = try apply(dir + "/shallow")
            #expect(shallow.status == 1)
            #expect(shallow.stderr.contains("is a shallow clone, so git cannot say who added queue/one.json, queue/two.json; verify_actors needs the whole history: run 'git fetch --unshallow' (in CI: fetch-depth: 0)"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/shallow/queue").sorted() == ["one.json", "two.json"])
            try FileManager.default.removeItem(atPath: ws + "/.git")
            let outside = try apply(ws)
            #expect(outside.status == 1 && outside.stderr.contains("is not in a git repository, so git cannot say who queued each edit; nothing was applied"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").sorted() == ["one.json", "two.json"])
        }
    }
}
