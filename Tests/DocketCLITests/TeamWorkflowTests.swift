import DocketCore
import Foundation
import Testing

/// docket as a team adopts it: installed, in a repository of its own far
/// from docket's source tree, run from a subfolder through a symlink.
@Suite(.serialized) struct TeamWorkflowTests {
    /// `make install` into a temporary prefix (with the binary this test run
    /// built, so no second release build), called through a symlink.
    func install(into dir: String) throws -> String {
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "-s", "-C", packageRoot, "-o", "release", "install", "PREFIX=\(dir)/prefix", "RELEASE_BIN=\(docketBinary)"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let installed = dir + "/prefix/bin/docket"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/bin/docket", withDestinationPath: installed)
        return dir + "/bin/docket"
    }

    /// The installed docket in `cwd`, with no global git identity (each test repository sets its own).
    func run(_ binary: String, _ arguments: [String], in cwd: String) throws -> RunResult {
        try DocketCLITests.run(binary, arguments, environment: ["GIT_CONFIG_GLOBAL": cwd + "/../.gitconfig-none"], cwd: cwd)
    }

    @Test func fromInstallToAPublishedMentionInARepositoryOfItsOwn() throws {
        try withTemporaryDirectory { dir in
            let docket = try install(into: dir)
            let repo = dir + "/acme"
            try FileManager.default.createDirectory(atPath: repo + "/ops/notes", withIntermediateDirectories: true)
            #expect(try git(["init", "-q"], in: repo).status == 0)
            #expect(try git(["config", "user.email", "jane@acme.example"], in: repo).status == 0)
            #expect(try git(["config", "user.name", "Jane Smith"], in: repo).status == 0)

            let initialized = try run(docket, ["init", "ops", "--name", "Acme Sales", "--timezone", "Europe/Berlin"], in: repo)
            #expect(initialized.status == 0, "\(initialized.stderr)")
            #expect(FileManager.default.fileExists(atPath: repo + "/.github/workflows/docket.yml"))
            let workflow = try read(repo + "/.github/workflows/docket.yml")
            #expect(workflow.contains("WORKSPACE: ops") && workflow.contains("fetch-depth: 0") && workflow.contains("[skip ci]"))
            #expect(workflow.contains("git pull --rebase") && workflow.contains("docket validate") && workflow.contains("DOCKET_REVISION: v"))
            #expect(try read(repo + "/ops/people.json").contains(#""id": "jane""#))
            try #"[{"id": "jane", "name": "Jane Smith", "email": "jane@acme.example", "role": "admin"}, {"id": "sam", "name": "Sam Lee", "email": "sam@acme.example", "role": "member"}]"#
                .write(toFile: repo + "/ops/people.json", atomically: true, encoding: .utf8)
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "docket init"], in: repo).status == 0)

            // From a subfolder: the workspace is found above, the theme inside the binary.
            let sub = repo + "/ops/notes"
            let now = "2026-03-18T13:00:00Z"  // a Wednesday
            let added = try run(docket, ["add", "Call Ada", "--due", "friday 15:00", "--assign", "sam", "--now", now], in: sub)
            #expect(added.status == 0, "\(added.stderr)")
            let short = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(short.count == 6)
            #expect(added.stderr.contains("Due Fri 20 Mar 2026, 15:00 (Europe/Berlin, 2026-03-20T14:00:00Z)"))
            let listed = try run(docket, ["list", "--now", now], in: sub)
            #expect(listed.stdout.contains(short) && listed.stdout.contains("pending (queued)") && listed.stdout.contains("Call Ada"))
            #expect(try run(docket, ["list", "--committed", "--now", now], in: sub).stderr.contains("No task matches"))

            let before = try git(["status", "--porcelain"], in: repo).output
            let preview = try run(docket, ["preview", "--now", now, "--out", dir + "/preview"], in: sub)
            #expect(preview.status == 0, "\(preview.stderr)")
            #expect(try git(["status", "--porcelain"], in: repo).output == before)  // no workspace file changed
            let index = try read(dir + "/preview/tasks/index.html")
            #expect(index.contains("Call Ada") && index.contains(">\(short)</code>"))

            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "queue: call Ada"], in: repo).status == 0)
            // As the CI job does: from the repository root, naming the workspace folder.
            let built = try run(docket, ["build", "--workspace", "ops", "--now", now, "--out", dir + "/site"], in: repo)
            #expect(built.status == 0 && built.stderr.contains("Applied 1 edit(s), rejected 0."), "\(built.stderr)")

            // Later edits name the task by its short id, in lower case.
            let later = "2026-03-18T14:00:00Z"
            let comment = try run(docket, ["comment", short.lowercased(), "@sam can you call? cc @nobody and `@sam`", "--now", later], in: sub)
            #expect(comment.status == 0, "\(comment.stderr)")
            #expect(comment.stderr.contains("warning: @nobody notifies nobody: 'nobody' is not in people.json"))
            #expect(comment.stderr.contains("warning: @sam notifies nobody: it is inside code"))
            #expect(try run(docket, ["done", short.lowercased(), "--actor", "sam", "--now", later], in: sub).status == 0)
            let rebuilt = try run(docket, ["build", "--workspace", "ops", "--now", later, "--out", dir + "/site"], in: repo)
            #expect(rebuilt.stderr.contains("Applied 2 edit(s), rejected 0."), "\(rebuilt.stderr)")
            let notes = try FileManager.default.contentsOfDirectory(atPath: repo + "/ops/notifications/sam")
            let kinds = try notes.map { try read(repo + "/ops/notifications/sam/" + $0) }
            #expect(kinds.contains { $0.contains(#""kind": "task_mention""#) })
            let taskID = try #require(try FileManager.default.contentsOfDirectory(atPath: repo + "/ops/tasks").first { $0.hasSuffix(".json") })
            let page = try read(dir + "/site/tasks/" + taskID.replacingOccurrences(of: ".json", with: ".html"))
            #expect(page.contains(#"<a href="../people/sam.html" title="@sam">@sam</a>"#))
            #expect(page.contains("<code>@sam</code>"))  // in code: no link
            #expect(page.contains("docket reopen \(short)"))  // completed: the page offers the way back
        }
    }

    @Test func twoBranchesThatEachQueueEditsMergeWithoutConflictAndBothApply() throws {
        try withTemporaryDirectory { dir in
            let docket = try install(into: dir)
            let repo = dir + "/team"
            try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
            #expect(try git(["init", "-q"], in: repo).status == 0)
            #expect(try git(["config", "user.email", "jane@acme.example"], in: repo).status == 0)
            #expect(try run(docket, ["init", "--timezone", "UTC", "--ci", "gitlab"], in: repo).status == 0)
            #expect(FileManager.default.fileExists(atPath: repo + "/.gitlab-ci.yml"))
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "init"], in: repo).status == 0)
            let now = "2026-03-18T13:00:00Z"
            let first = try run(docket, ["add", "Shared task", "--now", now], in: repo).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "queue"], in: repo).status == 0)
            #expect(try run(docket, ["build", "--now", now, "--out", dir + "/site"], in: repo).status == 0)
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "applied"], in: repo).status == 0)

            #expect(try git(["checkout", "-qb", "feature"], in: repo).status == 0)
            #expect(try run(docket, ["update", first, "--priority", "urgent", "--now", "2026-03-18T13:10:00Z"], in: repo).status == 0)
            #expect(try run(docket, ["add", "From the branch", "--due", "+3d", "--now", "2026-03-18T13:11:00Z"], in: repo).status == 0)
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "feature edits"], in: repo).status == 0)
            #expect(try git(["checkout", "-q", "main"], in: repo).status == 0)
            #expect(try run(docket, ["comment", first, "From main", "--now", "2026-03-18T13:12:00Z"], in: repo).status == 0)
            #expect(try git(["add", "-A"], in: repo).status == 0)
            #expect(try git(["commit", "-qm", "main edits"], in: repo).status == 0)
            #expect(try git(["merge", "-q", "--no-edit", "feature"], in: repo).status == 0)  // queue files never conflict

            let built = try run(docket, ["build", "--now", "2026-03-18T14:00:00Z", "--out", dir + "/site"], in: repo)
            #expect(built.stderr.contains("Applied 3 edit(s), rejected 0."), "\(built.stderr)")
            let list = try run(docket, ["list", "--json", "--now", "2026-03-18T14:00:00Z"], in: repo)
            let tasks = try JSONParser.parse(list.stdout)["data"]?.arrayValue ?? []
            #expect(tasks.count == 2)
            #expect(tasks.contains { $0["priority"]?.stringValue == "urgent" })
            #expect(tasks.contains { $0["due"]?.stringValue == "2026-03-21" })
        }
    }

    @Test func badInputIsAClearErrorAndLosesNothing() throws {
        try withTemporaryDirectory { dir in
            let docket = try install(into: dir)
            let repo = dir + "/w"
            try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
            let zone = try run(docket, ["init", "--timezone", "Europe/Berln"], in: repo)
            #expect(zone.status == 1 && zone.stderr.contains("error: --timezone 'Europe/Berln' is not a time zone; did you mean Europe/Berlin"))
            #expect(try run(docket, ["init", "--timezone", "berlin"], in: repo).stderr.contains("did you mean Europe/Berlin?"))
            #expect(try run(docket, ["init", "--timezone", String(repeating: "x", count: 5000)], in: repo).stderr
                .contains("use an IANA name such as Europe/Berlin"))
            #expect(!FileManager.default.fileExists(atPath: repo + "/workspace.json"))
            try FileManager.default.createDirectory(atPath: repo + "/.github/workflows", withIntermediateDirectories: true)
            try "mine".write(toFile: repo + "/.github/workflows/docket.yml", atomically: true, encoding: .utf8)
            let workflow = try run(docket, ["init", "--timezone", "UTC"], in: repo)
            #expect(workflow.status == 1 && workflow.stderr.contains("docket.yml: error: already exists; docket init never overwrites a file"))
            #expect(try read(repo + "/.github/workflows/docket.yml") == "mine" && !FileManager.default.fileExists(atPath: repo + "/workspace.json"))
            #expect(try run(docket, ["init", "--timezone", "UTC", "--ci", "none"], in: repo).status == 0)
            let again = try run(docket, ["init", "--ci", "none"], in: repo)
            #expect(again.status == 1 && again.stderr.contains("workspace.json: error: already exists"))
            let due = try run(docket, ["add", "x", "--due", "next blue moon", "--actor", "admin"], in: repo)
            #expect(due.status == 1 && due.stderr.contains("error: --due 'next blue moon' is not a due I can read; use today, tomorrow"))
            let unknown = try run(docket, ["done", "ZZZZZZ", "--actor", "admin"], in: repo)
            #expect(unknown.status == 1 && unknown.stderr.contains("error: no task 'ZZZZZZ'"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: repo + "/queue") == [".gitkeep"])  // nothing queued
            let escaped = try run(docket, ["done", "\u{1B}[31mred\u{1B}[0m", "--actor", "admin"], in: repo)
            #expect(!escaped.stderr.contains("\u{1B}") && escaped.stderr.contains("\\u{1B}[31mred"))
        }
    }
}
