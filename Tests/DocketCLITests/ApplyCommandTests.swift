import DocketCore
import Foundation
import Testing

/// Writes `count` queued edits of every kind into a workspace copied from the basic fixture.
func queueManyEdits(_ ws: String, count: Int) throws {
    try FileManager.default.createDirectory(atPath: ws + "/queue", withIntermediateDirectories: true)
    let start: Int64 = 1_773_820_800_000  // 2026-03-18T08:00:00Z
    var created: [String] = []
    for n in 0..<count {
        let ms = start + Int64(n) * 1000
        let ulid = ULID.make(milliseconds: UInt64(ms), entropy: (UInt64(n), UInt64(n) &* 2654435761))
        let at = Instant(milliseconds: ms).rfc3339
        let edit: String
        switch n % 5 {
        case 0, 1:
            created.append("task_" + ulid)
            edit = #"{"id": "edit_\#(ulid)", "op": "task.create", "actor": "sam", "at": "\#(at)", "data": {"title": "Task \#(n)", "assignees": ["jane"], "due": "2026-03-2\#(n % 9)", "details": "Details of **\#(n)**"}}"#
        case 2:
            edit = #"{"id": "edit_\#(ulid)", "op": "comment.create", "actor": "jane", "at": "\#(at)", "task": "\#(created[n / 3])", "data": {"content": "Note \#(n) for @{sam:Sam}"}}"#
        case 3:
            edit = #"{"id": "edit_\#(ulid)", "op": "task.update", "actor": "jane", "at": "\#(at)", "task": "\#(created[n / 4])", "data": {"priority": "urgent", "tags": ["t\#(n % 7)"]}}"#
        default:
            edit = n % 10 == 4
                ? #"{"id": "edit_\#(ulid)", "op": "task.complete", "actor": "jane", "at": "\#(at)", "task": "\#(created[n / 5])"}"#
                : #"{"op": "task.delete", "actor": "auditor", "task": "\#(created[n / 5])"}"#  // rejected: READ_ONLY
        }
        try edit.write(toFile: ws + "/queue/q\(String(format: "%05d", count - n)).json", atomically: false, encoding: .utf8)
    }
    try "{ not json".write(toFile: ws + "/queue/zz-broken.json", atomically: false, encoding: .utf8)
}

/// The workspace files, without docket's private `.docket/` folder.
func workspaceTree(_ root: String) throws -> [String: Data] {
    try tree(root).filter { !$0.key.hasPrefix(".docket/") }
}

struct ApplyCommandTests {
    @Test func applyEmptiesTheQueueAndLosesNothing() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try queueManyEdits(ws, count: 50)
            let result = try docket(["apply", "--workspace", ws, "--now", fixtureNow])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("Applied 45 edit(s), rejected 6."))
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").isEmpty)
            let files = try workspaceTree(ws)
            #expect(files.keys.filter { $0.hasPrefix("journal/2026/03/") }.count == 45)
            #expect(files.keys.filter { $0.hasPrefix("rejected/") }.count == 6)
            #expect(files.keys.filter { $0.hasPrefix("notifications/") }.count > 0)
            #expect(try docket(["validate", "--workspace", ws]).status == 0)
            let broken = try #require(files.first { $0.key.hasPrefix("rejected/") && String(decoding: $0.value, as: UTF8.self).contains("INVALID_JSON") })
            #expect(String(decoding: broken.value, as: UTF8.self).contains(#""raw": "{ not json""#))
        }
    }

    @Test func theSameQueueOnCopiesGivesByteIdenticalWorkspaces() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try queueManyEdits(ws, count: 40)
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/copy")
            try docket(["build", "--workspace", ws, "--out", dir + "/out1", "--now", fixtureNow])
            try docket(["build", "--workspace", dir + "/copy", "--out", dir + "/out2", "--now", fixtureNow])
            #expect(try workspaceTree(ws) == workspaceTree(dir + "/copy"))
            #expect(try tree(dir + "/out1") == tree(dir + "/out2"))
        }
    }

    /// SIGKILL `docket apply` at random instants of a run over thousands of
    /// edits; after a second run the workspace must equal an uninterrupted run's.
    /// Runs on tmpfs when there is one: a kill -9 is a process death, which
    /// tmpfs and a disk treat alike, and creating ~100,000 files is much cheaper there.
    @Test func killedAtAnyInstantTheNextRunEndsExactlyLikeACleanOne() throws {
        try withTemporaryDirectory(under: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : nil) { dir in
            let template = try copyFixture("basic", to: dir)
            try queueManyEdits(template, count: 2000)
            let clean = dir + "/clean"
            try FileManager.default.copyItem(atPath: template, toPath: clean)
            let started = Date()
            #expect(try docket(["apply", "--workspace", clean, "--now", fixtureNow, "--quiet"]).status == 0)
            let cleanSeconds = Date().timeIntervalSince(started)
            let expected = try workspaceTree(clean)
            #expect(expected.keys.contains { $0.hasPrefix("journal/") })

            var generator = SystemRandomNumberGenerator()
            var delays: [Int] = []
            var interrupted = 0
            // How long a run takes, at most: the clean run's time, measured while other tests
            // competed for the cores, shrinks to the delay of any run that ended before its kill,
            // so the kills keep landing inside a run when the machine gets less busy.
            var runSeconds = cleanSeconds
            for round in 0..<14 {
                let ws = dir + "/run\(round)"
                try FileManager.default.copyItem(atPath: template, toPath: ws)
                let delay = Int.random(in: 0...Int(runSeconds * 1_000_000 * 1.1), using: &generator)
                delays.append(delay / 1000)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: docketBinary)
                process.arguments = ["apply", "--workspace", ws, "--now", fixtureNow, "--quiet"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(useconds_t(delay))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal {
                    interrupted += 1
                } else {
                    runSeconds = min(runSeconds, Double(delay) / 1_000_000)
                }
                let rerun = try docket(["apply", "--workspace", ws, "--now", fixtureNow, "--quiet"])
                #expect(rerun.status == 0, "round \(round): \(rerun.stderr)")
                let actual = try workspaceTree(ws)
                #expect(actual == expected, "round \(round), killed after \(delay / 1000) ms: \(Set(actual.keys).symmetricDifference(expected.keys).prefix(5))")
                try FileManager.default.removeItem(atPath: ws)
            }
            print("kill test: clean run \(Int(cleanSeconds * 1000)) ms, a run at most \(Int(runSeconds * 1000)) ms; killed at \(delays) ms; \(interrupted) of 14 runs were interrupted")
            #expect(interrupted >= 5)
        }
    }

    @Test func aSecondProcessWaitsThenFailsClearlyAndAKilledHolderNeverBlocks() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            do {
                let held = try WorkspaceLock(workspace: ws, timeout: 1) { _ in }
                let blocked = try docket(["apply", "--workspace", ws, "--lock-timeout", "0.3"])
                #expect(blocked.status == 1)
                #expect(blocked.stderr.contains("waiting for another docket (pid \(getpid())) to finish with \(ws)"))
                #expect(blocked.stderr.contains("error: another docket (pid \(getpid())) is working on \(ws)"))
                withExtendedLifetime(held) {}
            }
            #expect(try docket(["apply", "--workspace", ws, "--lock-timeout", "0.3"]).status == 0)
        }
    }

    @Test func twoBranchesQueueingEditsForOneTaskMergeWithoutConflictAndBothApply() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            func git(_ args: String...) throws -> Int32 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
                process.arguments = ["-C", ws, "-c", "user.email=t@example.com", "-c", "user.name=T"] + args
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                return process.terminationStatus
            }
            #expect(try git("init", "-q", "-b", "main") == 0)
            #expect(try git("add", "-A") == 0)
            #expect(try git("commit", "-qm", "start") == 0)
            #expect(try git("checkout", "-qb", "sam") == 0)
            #expect(try docket(["update", EngineIDs.task, "--priority", "urgent", "--workspace", ws, "--actor", "sam", "--now", "2026-03-18T10:00:00Z", "-q"]).status == 0)
            #expect(try git("add", "-A") == 0)
            #expect(try git("commit", "-qm", "sam: urgent") == 0)
            #expect(try git("checkout", "-q", "main") == 0)
            #expect(try docket(["comment", EngineIDs.task, "Called them, @{sam:Sam} follows up", "--workspace", ws, "--actor", "jane", "--now", "2026-03-18T10:05:00Z", "-q"]).status == 0)
            #expect(try git("add", "-A") == 0)
            #expect(try git("commit", "-qm", "jane: comment") == 0)
            #expect(try git("merge", "-q", "--no-edit", "sam") == 0)  // no conflict
            let result = try docket(["apply", "--workspace", ws, "--now", fixtureNow])
            #expect(result.stderr.contains("Applied 2 edit(s), rejected 0."), "\(result.stderr)")
            let task = try read(ws + "/tasks/\(EngineIDs.task).json")
            #expect(task.contains(#""priority": "urgent""#))
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/comments/\(EngineIDs.task)").count == 2)
        }
    }
}

enum EngineIDs {
    static let task = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"
}

/// The helpers that write edits so nobody hand-writes JSON.
struct EditCommandTests {
    @Test func addWritesACanonicalEditThatApplies() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let result = try docket(["add", "Call Ada about the pilot", "--workspace", ws, "--actor", "sam", "--now", fixtureNow,
                                     "--due", "2026-03-20", "--due-time", "10:00", "--assign", "jane", "--link", "contact:cont_ada",
                                     "--priority", "high", "--type", "call", "--tag", "pilot", "--reminder", "15"])
            #expect(result.status == 0, "\(result.stderr)")
            let short = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(short.count == 6 && result.stderr.contains("Due Fri 20 Mar 2026, 10:00 (Europe/Berlin, 2026-03-20T09:00:00Z)"))
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").first)
            #expect(name.hasPrefix("20260318-1300-task.create-call-ada-about-the-pilot-"))
            #expect(result.stderr.contains("Queued task.create for \(short) in \(ws)/queue/\(name)"))
            let text = try read(ws + "/queue/" + name)
            #expect(text.hasPrefix("{\n  \"actor\": \"sam\",\n  \"at\": \"2026-03-18T13:00:00Z\",\n  \"data\": {\n"))
            #expect(try docket(["apply", "--workspace", ws, "--now", fixtureNow]).stderr.contains("Applied 1 edit(s), rejected 0."))
            let id = "task_" + String(try #require(text.split(separator: "\"").first { $0.hasPrefix("edit_") }).dropFirst(5))
            let task = try read(ws + "/tasks/\(id).json")
            #expect(task.contains(#""due": "2026-03-20T09:00:00Z""#) && task.contains(#""offset_minutes": 15"#))
            #expect(task.contains(#""type": "contact""#) && task.contains(#""priority": "high""#))
        }
    }

    @Test func anEditThatWouldBeRejectedIsNotWrittenWithoutForce() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let refused = try docket(["done", "task_01HQ3K4C0000000000000000CC", "--workspace", ws, "--actor", "sam"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("would be rejected: NOT_AUTHORIZED: Not authorized: only the creator, an assignee or an admin may change this task"))
            #expect(!FileManager.default.fileExists(atPath: ws + "/queue"))
            let forced = try docket(["done", "task_01HQ3K4C0000000000000000CC", "--workspace", ws, "--actor", "sam", "--force"])
            #expect(forced.status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").count == 1)
        }
    }

    @Test func laterEditsAreCheckedAfterTheOnesAlreadyQueued() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            #expect(try docket(["done", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "sam"]).status == 0)
            #expect(try docket(["reopen", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "sam"]).status == 0)
            #expect(try docket(["subscribe", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "jane"]).status == 0)
            #expect(try docket(["subscribe", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "jane"]).status == 1)
            #expect(try docket(["subscribe", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "jane", "--if-needed"]).status == 0)
            #expect(try docket(["unsubscribe", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "jane"]).status == 0)
            #expect(try docket(["delete", "task_01HQ3K4A0000000000000000AA", "--workspace", ws, "--actor", "jane"]).status == 0)
            #expect(try docket(["comment", "task_01HQ3K4A0000000000000000AA", "too late", "--workspace", ws, "--actor", "jane"]).status == 1)
            let applied = try docket(["apply", "--workspace", ws])
            #expect(applied.stderr.contains("Applied 6 edit(s), rejected 0."), "\(applied.stderr)")
            #expect(!FileManager.default.fileExists(atPath: ws + "/tasks/task_01HQ3K4A0000000000000000AA.json"))
        }
    }

    @Test func theActorComesFromGitConfigOrAClearError() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let env = ["GIT_CONFIG_GLOBAL": dir + "/gitconfig", "GIT_CONFIG_NOSYSTEM": "1"]
            try "[user]\n\temail = SAM@acme.example\n".write(toFile: dir + "/gitconfig", atomically: true, encoding: .utf8)
            let ok = try docket(["comment", EngineIDs.task, "hello", "--workspace", ws, "--json"], environment: env)
            #expect(ok.status == 0, "\(ok.stderr)")
            let file = try #require(try JSONParser.parse(ok.stdout)["file"]?.stringValue)
            #expect(try read(file).contains(#""actor": "sam""#))
            try "[user]\n\temail = who@else.example\n".write(toFile: dir + "/gitconfig", atomically: true, encoding: .utf8)
            let unknown = try docket(["comment", EngineIDs.task, "hello", "--workspace", ws], environment: env)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("git's user.email is 'who@else.example', which is nobody's in people.json; pass --actor PERSON"))
            try "".write(toFile: dir + "/gitconfig", atomically: true, encoding: .utf8)
            let none = try docket(["comment", EngineIDs.task, "hello", "--workspace", ws], environment: env)
            #expect(none.stderr.contains("cannot tell who you are: pass --actor PERSON, or set your email with 'git config user.email"))
        }
    }
}

/// `docket import` with the list shapes of the seeds.
struct ImportCommandTests {
    @Test(arguments: [
        ("rex.json", #"{"data": [{"id": "task_01HQ", "title": "Send contract to Ada", "contact_id": "cont_ada", "owner_id": "user_01HQ", "due_at": "2026-03-20T17:00:00Z", "priority": "high", "status": "pending", "created_at": "2026-03-16T12:00:00Z", "updated_at": "2026-03-16T12:00:00Z"}], "has_more": false}"#, 1),
        ("kasar.json", #"{"data": [{"id": "7a1b", "title": "Follow up with Alice", "due_date": "2025-03-15T09:00:00Z", "priority": "high", "action_type": "call", "is_completed": false, "assigned_to_id": "sam", "created_at": "2025-03-10T14:22:00Z", "updated_at": "2025-03-10T14:22:00Z"}, {"id": "7a1c", "title": "Second", "priority": "medium", "action_type": "email", "is_completed": true}], "total": 12, "nextCursor": "eyJ"}"#, 2),
        ("bare.json", #"[{"id": 19, "title": "Send proposal", "details": "Draft", "assignee_user_id": 9, "due_date": "2026-05-01", "due_time": "09:00:00", "reminder_offset_mins": 30, "reminder_time": null, "status": "open", "completed_at": null, "created_at": "2026-04-15 14:32:01", "record_id": 42}, {"id": "aaa1", "content_text": "Follow up with candidate", "task_type": "text", "is_completed": false, "owners": [{"id": "jane", "first_name": "Jane"}]}]"#, 2),
    ])
    func importsEveryTaskAndKeepsItsId(name: String, json: String, count: Int) throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try json.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            let result = try docket(["import", dir + "/" + name, "--as", "n8n", "--workspace", ws, "--now", fixtureNow])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n").count == count)
            let applied = try docket(["apply", "--workspace", ws, "--now", fixtureNow])
            #expect(applied.stderr.contains("Applied \(count) edit(s), rejected 0."), "\(applied.stderr)")
            let tasks = try FileManager.default.contentsOfDirectory(atPath: ws + "/tasks").filter { $0.hasSuffix(".json") }
            #expect(tasks.count == 4 + count)
            let imported = try tasks.map { try read(ws + "/tasks/" + $0) }.filter { $0.contains("import_id") }
            #expect(imported.count == count)
            #expect(imported.allSatisfy { $0.contains(#""import_source": "\#(name)""#) && $0.contains(#""created_by": "n8n""#) })
        }
    }

    @Test func unknownOwnersAreKeptInMetadataAndBadFilesAreClearErrors() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try #"[{"title": "x", "owner_id": "user_01HQ"}]"#.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
            #expect(try docket(["import", dir + "/a.json", "--as", "jane", "--workspace", ws]).status == 0)
            try docket(["apply", "--workspace", ws])
            let task = try FileManager.default.contentsOfDirectory(atPath: ws + "/tasks").map { try read(ws + "/tasks/" + $0) }.first { $0.contains("import_people") }
            #expect(task?.contains("user_01HQ") == true)
            try "{\"data\": [".write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
            let bad = try docket(["import", dir + "/b.json", "--as", "jane", "--workspace", ws])
            #expect(bad.status == 1 && bad.stderr.contains("b.json:1:11: error: invalid JSON: unexpected end of file, expected a value"))
        }
    }
}
