import Foundation
import Testing

/// A pull request may add links, pipes and odd entries to a workspace;
/// docket names each and never reads, writes or deletes through them.
struct HostileFileSystemTests {
    let task = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"

    func secret(in dir: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir + "/outside", withIntermediateDirectories: true)
        try "TOP SECRET runner token".write(toFile: dir + "/outside/secret.txt", atomically: true, encoding: .utf8)
        return dir + "/outside/secret.txt"
    }

    @Test func aDetailsFileLinkedOutsideIsAnErrorAndNeverPublished() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try? FileManager.default.removeItem(atPath: ws + "/tasks/\(task).md")
            try FileManager.default.createSymbolicLink(atPath: ws + "/tasks/\(task).md", withDestinationPath: try secret(in: dir))
            let validate = try docket(["validate", "--workspace", ws])
            #expect(validate.status == 1 && validate.stderr.contains("tasks/\(task).md: error: a symbolic link; docket never follows links"))
            let build = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(build.status == 1 && build.stderr.contains("[load]"))
            let published = (try? tree(dir + "/out")) ?? [:]
            #expect(!published.values.contains { String(decoding: $0, as: UTF8.self).contains("TOP SECRET") })
        }
    }

    @Test func aCommentsFolderLinkedOutsideIsNeitherWrittenNorEmptied() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            _ = try secret(in: dir)
            try FileManager.default.removeItem(atPath: ws + "/comments/\(task)")
            try FileManager.default.createSymbolicLink(atPath: ws + "/comments/\(task)", withDestinationPath: dir + "/outside")
            try #"{"op": "task.delete", "actor": "jane", "task": "\#(task)"}"#.write(toFile: ws + "/queue-delete.json", atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(atPath: ws + "/queue", withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: ws + "/queue-delete.json", toPath: ws + "/queue/delete.json")
            let apply = try docket(["apply", "--workspace", ws, "--now", fixtureNow])
            #expect(apply.status == 1 && apply.stderr.contains("comments/\(task): error: a symbolic link"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/outside") == ["secret.txt"])
            #expect(FileManager.default.fileExists(atPath: ws + "/queue/delete.json"))  // nothing applied
        }
    }

    @Test func aPipeInTheQueueOrAsDetailsNeverHangsTheBuild() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.createDirectory(atPath: ws + "/queue", withIntermediateDirectories: true)
            #expect(mkfifo(ws + "/queue/pipe.json", 0o644) == 0)
            try? FileManager.default.removeItem(atPath: ws + "/tasks/\(task).md")
            #expect(mkfifo(ws + "/tasks/\(task).md", 0o644) == 0)
            let build = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(build.status == 1)
            #expect(build.stderr.contains("queue/pipe.json: error: a FIFO (named pipe); docket reads only regular files and folders"))
            #expect(build.stderr.contains("tasks/\(task).md: error: a FIFO (named pipe)"))
        }
    }

    @Test func onlyRegularJSONFilesInTheQueueAreEditsAndAWritersTemporaryFileIsNotOne() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.createDirectory(atPath: ws + "/queue/folder.json", withIntermediateDirectories: true)
            let edit = #"{"op": "task.complete", "actor": "jane", "task": "\#(task)", "data": {"completed": true}}"#
            try edit.write(toFile: ws + "/queue/done.json.tmp-4242", atomically: true, encoding: .utf8)
            let apply = try docket(["apply", "--workspace", ws, "--now", fixtureNow])
            #expect(apply.status == 0, "\(apply.stderr)")
            #expect(apply.stderr.contains("queue/done.json.tmp-4242: warning: not an edit: it does not end in .json; it stays in queue/ and is not applied"))
            #expect(apply.stderr.contains("queue/folder.json: warning: not an edit: it is a folder, not a file"))
            #expect(try !read(ws + "/tasks/\(task).json").contains("completed_at"))
            #expect(FileManager.default.fileExists(atPath: ws + "/queue/done.json.tmp-4242"))
        }
    }

    @Test func aLinkInsideTheSiteFolderIsRefusedBeforeAnythingIsWritten() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            let secretPath = try secret(in: dir)
            #expect(try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 0)
            try FileManager.default.removeItem(atPath: dir + "/out/board.html")
            try FileManager.default.createSymbolicLink(atPath: dir + "/out/board.html", withDestinationPath: secretPath)
            let build = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(build.status == 1 && build.stderr.contains("[check] \(dir)/out/board.html: error: is a symbolic link inside the site folder"))
            #expect(try read(secretPath) == "TOP SECRET runner token")
            #expect(FileManager.default.fileExists(atPath: ws + "/queue"))  // the queue was not applied
        }
    }
}

/// What a half-finished or misshapen workspace looks like to every command.
struct WorkspaceShapeTests {
    @Test func aFileWhereTasksBelongsIsOneErrorNamingTasks() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.removeItem(atPath: ws + "/tasks")
            try "oops".write(toFile: ws + "/tasks", atomically: true, encoding: .utf8)
            let result = try docket(["validate", "--workspace", ws])
            #expect(result.status == 1)
            #expect(result.stderr.contains("tasks: error: a file where docket expects the folder 'tasks/'; move it away"))
        }
    }

    @Test func aPendingInterruptedApplyIsReportedByValidateAndTheReadCommandsAndFinishedByApply() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.createDirectory(atPath: ws + "/.docket", withIntermediateDirectories: true)
            try #"{"changes": []}"#.write(toFile: ws + "/.docket/transaction.json", atomically: true, encoding: .utf8)
            let validate = try docket(["validate", "--workspace", ws])
            #expect(validate.status == 1 && validate.stderr.contains(".docket/transaction.json: error: an apply was interrupted"))
            let list = try docket(["list", "--workspace", ws])
            #expect(list.status == 1 && list.stderr.contains("run 'docket apply' (or build) to finish it"))
            #expect(try docket(["apply", "--workspace", ws]).status == 0)
            #expect(try docket(["validate", "--workspace", ws]).status == 0)
        }
    }
}

extension HostileFileSystemTests {
    @Test func linkedQueueFilesRecordsAndJournalAreEachNamedAndNothingIsCopiedOrWritten() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let secretPath = try secret(in: dir)
            try FileManager.default.createDirectory(atPath: ws + "/queue", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: ws + "/queue/steal.json", withDestinationPath: secretPath)
            try FileManager.default.createSymbolicLink(atPath: ws + "/records/secret", withDestinationPath: dir + "/outside")
            try FileManager.default.createSymbolicLink(atPath: ws + "/journal", withDestinationPath: dir + "/outside")
            let validate = try docket(["validate", "--workspace", ws])
            #expect(validate.status == 1)
            for path in ["queue/steal.json", "records/secret", "journal"] {
                #expect(validate.stderr.contains("\(path): error: a symbolic link; docket never follows links"), "\(path)")
            }
            #expect(try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 1)
            #expect(!FileManager.default.fileExists(atPath: ws + "/rejected"))  // the linked file was not copied there
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/outside") == ["secret.txt"])
        }
    }

    /// A linked folder where docket reads (tasks/, a record type) is named,
    /// and nothing behind it is listed or read: a broken file there would be
    /// reported if it were.
    @Test func nothingBehindALinkedTasksOrRecordTypeFolderIsRead() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.moveItem(atPath: ws + "/tasks", toPath: dir + "/outside-tasks")
            try "{ broken".write(toFile: dir + "/outside-tasks/task_01HQ3K9Z0000000000000000ZZ.json", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: ws + "/tasks", withDestinationPath: dir + "/outside-tasks")
            try FileManager.default.createDirectory(atPath: dir + "/outside-invoices", withIntermediateDirectories: true)
            try "{ broken".write(toFile: dir + "/outside-invoices/inv_x.json", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: ws + "/records/invoice", withDestinationPath: dir + "/outside-invoices")
            let validate = try docket(["validate", "--workspace", ws])
            #expect(validate.status == 1)
            for path in ["tasks", "records/invoice"] {
                #expect(validate.stderr.contains("\(path): error: a symbolic link; docket never follows links"), "\(path)")
            }
            #expect(!validate.stderr.contains("task_01HQ3K9Z") && !validate.stderr.contains("inv_x"))
            #expect(validate.stderr.contains("in 0 valid task(s)"))
        }
    }
}

extension HostileFileSystemTests {
    /// Links and pipes deeper down where docket lists (in a comment folder, in
    /// a folder inside tasks/, in a folder under comments/ that is not named
    /// after a task) are named as well as those at the top.
    @Test func oddEntriesDeepInsideTasksAndCommentsAreEachNamed() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let secretPath = try secret(in: dir)
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: ws + "/comments/\(task)/cmt_01HQ3K9Z0000000000000000ZZ.json", withDestinationPath: secretPath)
            try manager.createDirectory(atPath: ws + "/tasks/archive/old", withIntermediateDirectories: true)
            #expect(mkfifo(ws + "/tasks/archive/old/pipe.json", 0o644) == 0)
            try manager.createDirectory(atPath: ws + "/comments/notes", withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: ws + "/comments/notes/link.json", withDestinationPath: secretPath)
            #expect(mkfifo(ws + "/comments/pipe", 0o644) == 0)
            let validate = try docket(["validate", "--workspace", ws])
            #expect(validate.status == 1)
            for (path, kind) in [("comments/\(task)/cmt_01HQ3K9Z0000000000000000ZZ.json", "a symbolic link"),
                                 ("tasks/archive/old/pipe.json", "a FIFO (named pipe)"),
                                 ("comments/notes/link.json", "a symbolic link"), ("comments/pipe", "a FIFO (named pipe)")] {
                #expect(validate.stderr.contains("\(path): error: \(kind); docket"), "\(path)")
            }
            #expect(!validate.stderr.contains("TOP SECRET"))
        }
    }
}
