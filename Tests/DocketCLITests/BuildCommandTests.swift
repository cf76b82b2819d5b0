import Foundation
import Testing

/// `docket build` / `render`, run as a user runs them, on fixture workspaces.
struct BuildCommandTests {
    @Test func writesEveryFileOfTheSite() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let result = try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(result.status == 0, "\(result.stderr)")
            let files = try tree(dir + "/out")
            for path in ["index.html", "assets/style.css", "api/stats.json", "people/jane.html",
                         "api/people/jane/stats.json", "api/people/jane/badge.json", "api/people/jane/shields.json",
                         "tasks/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.html", "tasks/task_01HQ3K4C0000000000000000CC.html"] {
                #expect(files[path] != nil, "missing \(path)")
            }
            // Now = Wed 18 Mar 14:00 Berlin. AA: all-day today (in progress); BB: completed today;
            // CC: no due. 2V8Z: due Fri 20th. So 1 of 4 completed → 25 %.
            #expect(try read(dir + "/out/api/stats.json") == """
                {
                  "completedToday": 1,
                  "completionRate": 25,
                  "overdue": 0,
                  "remainingToday": 1,
                  "thisWeek": 3,
                  "total": 4
                }

                """)
            #expect(try read(dir + "/out/api/people/sam/badge.json") == "{\n  \"count\": 1\n}\n")
            #expect(try read(dir + "/out/api/people/jane/badge.json") == "{\n  \"count\": 0\n}\n")
            let shields = try read(dir + "/out/api/people/sam/shields.json")
            #expect(shields.contains("\"schemaVersion\": 1") && shields.contains("\"message\": \"1\"") && shields.contains("\"color\": \"orange\""))
            let page = try read(dir + "/out/tasks/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.html")
            #expect(page.contains("<strong>annual billing</strong>"))
            #expect(page.contains("Ada Lovelace"))  // linked record by name
            #expect(page.contains("Fri 20 Mar 2026, 18:00"))  // due, in Berlin time
            #expect(page.contains("Fri 20 Mar 2026, 17:30"))  // reminder_at = due − 30 min
            #expect(page.contains(#"<a href="../people/jane.html" title="@jane">@Jane Smith</a>"#))
            #expect(page.contains("@{ghost:Nobody}"))
            #expect(result.stderr.contains("Rendered 4 tasks"))
        }
    }

    @Test func sameWorkspaceAndNowGiveByteIdenticalOutput() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try docket(["render", "--workspace", ws, "--out", dir + "/a", "--now", fixtureNow])
            try docket(["render", "--workspace", ws, "--out", dir + "/b"], environment: ["SOURCE_DATE_EPOCH": "1773838800"])
            let a = try tree(dir + "/a")
            #expect(a.count > 10)
            #expect(a == (try tree(dir + "/b")))
        }
    }

    @Test func aSecondBuildRewritesNothingAndStalePagesAreRemoved() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let args = ["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]
            try docket(args)
            let again = try docket(args)
            #expect(again.stderr.contains("(0 files written"), "\(again.stderr)")
            try FileManager.default.removeItem(atPath: ws + "/tasks/task_01HQ3K4C0000000000000000CC.json")
            let third = try docket(args)
            #expect(third.stderr.contains("2 removed"), "\(third.stderr)")  // its page and its JSON
            #expect(!FileManager.default.fileExists(atPath: dir + "/out/tasks/task_01HQ3K4C0000000000000000CC.html"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/out/api/tasks/task_01HQ3K4C0000000000000000CC.json"))
        }
    }

    /// A file the build does not make goes, with the folders it leaves empty;
    /// the user's README.md at the top stays, and with nothing stale nothing is removed.
    @Test func theSweepRemovesStrayFilesAndTheFoldersTheyLeaveEmpty() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let args = ["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]
            try docket(args)
            try "# Our dashboard".write(toFile: dir + "/out/README.md", atomically: true, encoding: .utf8)
            #expect(try docket(args).stderr.contains(" 0 removed"))
            try FileManager.default.createDirectory(atPath: dir + "/out/api/old/stale", withIntermediateDirectories: true)
            try "{}".write(toFile: dir + "/out/api/old/stale/x.json", atomically: true, encoding: .utf8)
            let swept = try docket(args)
            #expect(swept.stderr.contains(" 1 removed"), "\(swept.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/out/api/old"), "the folders it leaves empty go too")
            #expect(FileManager.default.fileExists(atPath: dir + "/out/api/stats.json"))
            #expect(try read(dir + "/out/README.md") == "# Our dashboard")
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/fresh-ws")
            #expect(try docket(["render", "--workspace", dir + "/fresh-ws", "--out", dir + "/fresh", "--now", fixtureNow]).status == 0)
            #expect(try siteTree(dir + "/out").filter { $0.key != "README.md" }
                        == siteTree(dir + "/fresh"))
        }
    }

    /// Fingerprints vouch only for files still in the folder: a page and a
    /// JSON file deleted from the site are made again, the same bytes, and nothing else is.
    @Test func filesDeletedFromTheSiteAreMadeAgain() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let args = ["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]
            try docket(args)
            // The second build stamps the folders, so the third finds the deletions by their stamps.
            try docket(args)
            let before = try siteTree(dir + "/out")
            for path in ["tasks/task_01HQ3K4C0000000000000000CC.html", "api/tasks/task_01HQ3K4C0000000000000000CC.json"] {
                try FileManager.default.removeItem(atPath: dir + "/out/" + path)
            }
            let again = try docket(args)
            #expect(again.stderr.contains("(2 files written"), "\(again.stderr)")
            #expect(try siteTree(dir + "/out") == before)
        }
    }

    @Test func refusesToWriteIntoAFolderItDidNotCreate() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
            try "keep me".write(toFile: dir + "/mine/thesis.txt", atomically: true, encoding: .utf8)
            let result = try docket(["render", "--workspace", ws, "--out", dir + "/mine", "--now", fixtureNow])
            #expect(result.status == 1)
            #expect(result.stderr.contains("refusing to write the site into a folder that holds files docket did not write (thesis.txt)"))
            #expect(try read(dir + "/mine/thesis.txt") == "keep me")
        }
    }

    @Test func aWorkspaceWithErrorsIsNotRendered() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try #"{"id": 3}"#.write(toFile: ws + "/tasks/task_01HQ3K4C0000000000000000CC.json", atomically: true, encoding: .utf8)
            let result = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(result.status == 1)
            #expect(result.stderr.contains("tasks/task_01HQ3K4C0000000000000000CC.json:1:8: error: field 'id' must be a string, found a number"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/out/index.html"))
        }
    }

    @Test func aTemplateOverrideReplacesOneFileOfTheTheme() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.createDirectory(atPath: dir + "/theme/partials", withIntermediateDirectories: true)
            try "<li class=\"mine\">{{title}}</li>\n".write(toFile: dir + "/theme/partials/task-row.mustache", atomically: true, encoding: .utf8)
            let result = try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow, "--templates", dir + "/theme"])
            #expect(result.status == 0, "\(result.stderr)")
            let index = try read(dir + "/out/index.html")
            #expect(index.contains("<li class=\"mine\">Call Ada about the renewal</li>"))
            #expect(index.contains("assets/style.css"))  // the rest of the theme is still the shipped one
        }
    }

    @Test func aBadNowIsAClearError() throws {
        let result = try docket(["render", "--workspace", fixtures + "/basic", "--out", "/tmp/unused", "--now", "next tuesday"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: --now 'next tuesday' is not a time; expected RFC 3339"))
    }
}

/// `docket validate` and `docket fmt`.
struct CheckCommandTests {
    @Test func validateExitsZeroOnAValidWorkspaceAndOneOnErrors() throws {
        let ok = try docket(["validate", "--workspace", fixtures + "/basic"])
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("0 error(s), 0 warning(s) in 4 valid task(s)"))
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try "[".write(toFile: ws + "/people.json", atomically: true, encoding: .utf8)
            let bad = try docket(["validate", "--workspace", ws])
            #expect(bad.status == 1)
            // One error, not one per task that names a person.
            #expect(bad.stderr.hasPrefix("people.json:1:2: error: invalid JSON: unexpected end of file, expected a value\n"))
            #expect(bad.stderr.contains("1 error(s)"))
        }
    }

    @Test func warningsDoNotFailValidation() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try FileManager.default.removeItem(atPath: ws + "/records/deal/deal_acme.json")
            let result = try docket(["validate", "--workspace", ws])
            #expect(result.status == 0)
            #expect(result.stderr.contains("tasks/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.json:7:52: warning: link to deal 'deal_acme', which is not in records/deal/"))
        }
    }

    @Test func fmtCheckListsThenFmtFixes() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let check = try docket(["fmt", "--check", "--workspace", ws])
            #expect(check.status == 1)
            #expect(check.stdout.split(separator: "\n").contains("people.json"))
            #expect(try docket(["fmt", "--workspace", ws]).status == 0)
            let again = try docket(["fmt", "--check", "--workspace", ws])
            #expect(again.status == 0 && again.stdout.isEmpty)
        }
    }

    @Test func theSampleWorkspaceIsValidAndCanonical() throws {
        let result = try docket(["validate", "--workspace", packageRoot + "/data"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains(": warning:"))
        #expect(try docket(["fmt", "--check", "--workspace", packageRoot + "/data"]).status == 0)
    }
}

/// Incremental builds: pages whose inputs did not change are neither rendered
/// nor written, and the result is exactly what a build from scratch gives.
struct IncrementalBuildTests {
    @Test func aRebuildAfterOneEditRewritesFewFilesAndEqualsAColdBuild() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            #expect(try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 0)
            let comment = #"{"id": "edit_01HQ3M20000000000000000001", "op": "comment.create", "actor": "jane", "at": "2026-03-18T12:30:00Z", "task": "task_01HQ3K4C0000000000000000CC", "data": {"content": "Any news?"}}"#
            try comment.write(toFile: ws + "/queue/later.json", atomically: true, encoding: .utf8)
            let rebuild = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            // The commented task's page and JSON, the lists that show its comment count… but not the other tasks' pages.
            let written = Int(rebuild.stderr.firstMatch(of: /\((\d+) files written/)?.1 ?? "") ?? -1
            #expect(written > 0 && written < 15, "\(rebuild.stderr)")
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/fresh-ws")
            #expect(try docket(["render", "--workspace", dir + "/fresh-ws", "--out", dir + "/fresh", "--now", fixtureNow, "--no-cache"]).status == 0)
            let incremental = try siteTree(dir + "/out")
            let cold = try siteTree(dir + "/fresh")
            #expect(incremental == cold)
            #expect(try read(dir + "/out/tasks/task_01HQ3K4C0000000000000000CC.html").contains("Any news?"))
            #expect(rebuild.stderr.contains("; 0 task rows rendered)"), "a comment changes no row: \(rebuild.stderr)")
        }
    }

    /// A changed title changes the API's list files that hold the task (the
    /// page of all tasks, its record's tasks.json), and only those are made again.
    @Test func aRetitledTaskReachesItsListFilesAndNothingElseDiffers() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            #expect(try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 0)
            let edit = #"{"id": "edit_01HQ3M20000000000000000002", "op": "task.update", "actor": "jane", "at": "2026-03-18T12:30:00Z", "task": "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "data": {"title": "Call Acme back, retitled"}}"#
            try edit.write(toFile: ws + "/queue/later.json", atomically: true, encoding: .utf8)
            let rebuild = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            #expect(try read(dir + "/out/api/tasks/page-1.json").contains("Call Acme back, retitled"))
            let recordLists = try tree(dir + "/out").keys.filter { $0.hasPrefix("api/records/") && $0.hasSuffix("/tasks.json") }
            #expect(try recordLists.contains { try read(dir + "/out/" + $0).contains("Call Acme back, retitled") })
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/fresh-ws")
            #expect(try docket(["render", "--workspace", dir + "/fresh-ws", "--out", dir + "/fresh", "--now", fixtureNow, "--no-cache"]).status == 0)
            #expect(try siteTree(dir + "/out") == siteTree(dir + "/fresh"))
        }
    }

    /// With the clock as now every build has another instant: pages and rows are
    /// reused while what they say of the instant reads the same, and a rebuild at
    /// any later instant equals a build from scratch at that instant.
    @Test func rebuildsAtLaterInstantsEqualColdBuilds() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            #expect(try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 0)
            // Per-task and per-record outputs, with their modification dates.
            func perTaskFiles() throws -> [String: Date] {
                var dates: [String: Date] = [:]
                for (path, _) in try tree(dir + "/out") where path.hasPrefix("tasks/task_") || path.hasPrefix("api/tasks/task_")
                    || (path.hasPrefix("records/") && path != "records/index.html") || path.hasSuffix(".ics") {
                    dates[path] = try FileManager.default.attributesOfItem(atPath: dir + "/out/" + path)[.modificationDate] as? Date
                }
                return dates
            }
            let before = try perTaskFiles()
            var step = 0
            for later in ["2026-03-18T13:00:20Z", "2026-03-18T15:10:00Z", "2026-03-19T09:00:00Z", "2026-03-23T13:00:00Z"] {
                step += 1
                let rebuild = try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", later])
                #expect(rebuild.status == 0, "\(rebuild.stderr)")
                let cold = dir + "/cold-\(step)"
                #expect(try docket(["render", "--workspace", ws, "--out", cold, "--now", later, "--no-cache"]).status == 0)
                #expect(try siteTree(dir + "/out") == siteTree(cold),
                        "rebuild at \(later) differs from a cold build")
                if step == 1 {
                    // 20 seconds on, only the pages and feeds that show the instant change:
                    // no task or record page, no task's JSON, no calendar feed.
                    #expect(try perTaskFiles() == before)
                    #expect(rebuild.stderr.contains("; 0 task rows rendered)"), "\(rebuild.stderr)")
                }
            }
        }
    }

    /// A render saves the input cache while it renders; the file is whole by
    /// the time docket exits, so the next run reads every input from it.
    @Test func theInputCacheARenderSavesIsCompleteWhenItEnds() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            Thread.sleep(forTimeInterval: 2.1)  // the copies' times are now past the settle time
            let render = try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow, "--verbose"])
            #expect(render.status == 0 && render.stderr.contains("inputs: 0 of "), "\(render.stderr)")
            let check = try docket(["validate", "--workspace", ws, "--verbose"])
            let counts = try #require(check.stderr.firstMatch(of: /inputs: (\d+) of (\d+) files/), "\(check.stderr)")
            #expect(counts.1 == counts.2 && Int(counts.1) ?? 0 >= 5, "every file came from the cache: \(check.stderr)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws + "/.docket/cache").filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
        }
    }

    /// Decoded files come from `.docket/cache/inputs` once they are older than
    /// the settle time; what validate and build then say and write is what
    /// they say and write reading every file.
    @Test func runsThroughTheInputCacheEqualRunsWithout() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            Thread.sleep(forTimeInterval: 2.1)  // the copies' times are now past the settle time
            let first = try docket(["validate", "--workspace", ws, "--verbose"])
            #expect(first.stderr.contains("inputs: 0 of "), "\(first.stderr)")
            #expect(FileManager.default.fileExists(atPath: ws + "/.docket/.gitignore"), "git must never see the cache")
            let comment = #"{"id": "edit_01HQ3M20000000000000000001", "op": "comment.create", "actor": "jane", "at": "2026-03-18T12:30:00Z", "task": "task_01HQ3K4C0000000000000000CC", "data": {"content": "Any news?"}}"#
            try comment.write(toFile: ws + "/queue/later.json", atomically: true, encoding: .utf8)
            let build = try docket(["build", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow, "--verbose"])
            #expect(build.status == 0, "\(build.stderr)")
            let counts = try #require(build.stderr.firstMatch(of: /inputs: (\d+) of (\d+) files/), "\(build.stderr)")
            #expect(counts.1 == counts.2 && Int(counts.1) ?? 0 >= 5, "every file came from the cache: \(build.stderr)")
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/fresh-ws")
            try FileManager.default.removeItem(atPath: dir + "/fresh-ws/.docket")
            #expect(try docket(["render", "--workspace", dir + "/fresh-ws", "--out", dir + "/fresh", "--now", fixtureNow]).status == 0)
            #expect(try siteTree(dir + "/out") == siteTree(dir + "/fresh"))
            // The files the edit wrote are read again; the answer is the same as without the cache.
            let again = try docket(["validate", "--workspace", ws])
            let uncached = try docket(["validate", "--workspace", ws, "--no-cache"])
            func withoutTime(_ text: String) -> String {
                text.replacingOccurrences(of: #"\(\d+\.\d+ s\)"#, with: "", options: .regularExpression)
            }
            #expect(again.status == 0 && uncached.status == 0)
            #expect(withoutTime(again.stderr) == withoutTime(uncached.stderr) && again.stderr.contains("valid task(s)"))
        }
    }

    /// CI: a fresh checkout (every file new) with `.docket/cache` restored.
    /// Each file is read and found in the cache by its bytes, and the site
    /// is what the first render made.
    @Test func aFreshCheckoutWithTheCacheRestoredParsesNothing() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            #expect(try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow]).status == 0)
            try FileManager.default.copyItem(atPath: ws, toPath: dir + "/checkout")  // new inodes and times, the cache kept
            let render = try docket(["render", "--workspace", dir + "/checkout", "--out", dir + "/site", "--now", fixtureNow, "--verbose"])
            let counts = try #require(render.stderr.firstMatch(of: /inputs: (\d+) of (\d+) files/), "\(render.stderr)")
            #expect(counts.1 == counts.2 && Int(counts.1) ?? 0 >= 5, "every file came from the cache: \(render.stderr)")
            #expect(try siteTree(dir + "/out") == siteTree(dir + "/site"))
        }
    }

    @Test func aThemeChangeRerendersEveryPage() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            try FileManager.default.createDirectory(atPath: dir + "/theme", withIntermediateDirectories: true)
            let task = try read(packageRoot + "/templates/task.mustache").replacingOccurrences(of: "<h1>{{title}}", with: "<h1 class=\"themed\">{{title}}")
            try task.write(toFile: dir + "/theme/task.mustache", atomically: true, encoding: .utf8)
            #expect(try docket(["render", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow, "--templates", dir + "/theme"]).status == 0)
            for id in ["task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "task_01HQ3K4C0000000000000000CC"] {
                #expect(try read(dir + "/out/tasks/\(id).html").contains("<h1 class=\"themed\">"))
            }
        }
    }
}

/// The build is an ordered list of stages; the site folder is checked first.
struct PipelineOrderTests {
    @Test func aRefusedSiteFolderStopsTheBuildBeforeTheQueueIsApplied() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            let queued = try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").sorted()
            try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
            try "keep me".write(toFile: dir + "/mine/notes.txt", atomically: true, encoding: .utf8)
            let result = try docket(["build", "--workspace", ws, "--out", dir + "/mine", "--now", fixtureNow])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("[check] \(dir)/mine: error: refusing to write the site into a folder that holds files docket did not write (notes.txt)"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").sorted() == queued)  // nothing applied
            #expect(!FileManager.default.fileExists(atPath: ws + "/journal"))
            #expect(try read(dir + "/mine/notes.txt") == "keep me")
            // The folder is opened while the workspace loads: its verdict still comes first.
            let task = try #require(try FileManager.default.contentsOfDirectory(atPath: ws + "/tasks").first { $0.hasSuffix(".json") })
            try "{ broken".write(toFile: ws + "/tasks/" + task, atomically: true, encoding: .utf8)
            let both = try docket(["build", "--workspace", ws, "--out", dir + "/mine", "--now", fixtureNow])
            #expect(both.status == 1 && both.stderr.hasPrefix("[check] "), "\(both.stderr)")
        }
    }

    @Test func verboseTimesEveryStageInOrder() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            let result = try docket(["build", "-v", "--workspace", ws, "--out", dir + "/out", "--now", fixtureNow])
            let stages = result.stderr.split(separator: "\n").compactMap { line -> String? in
                let word = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
                return ["check", "recover", "load", "apply", "commit", "activity", "render:"].contains(word ?? "") ? word : nil
            }
            var unique: [String] = []
            for stage in stages where unique.last != stage { unique.append(stage) }
            #expect(unique == ["check", "recover", "load", "apply", "commit", "activity", "render:"])
        }
    }
}

/// `docket validate` checks queued edits as an apply would, for pre-commit hooks.
struct ValidateQueueTests {
    @Test func brokenQueuedEditsAreErrorsWithTheirPositionAndNothingMoves() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("site", to: dir)
            try #"{"op": "task.create", "actor": "n8n", "data": {"content_text": "From Stardex", "task_type": "call", "priority": "critical"}}"#
                .write(toFile: ws + "/queue/06-dialect.json", atomically: true, encoding: .utf8)
            let before = try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").sorted()
            let result = try docket(["validate", "--workspace", ws, "--now", fixtureNow])
            #expect(result.status == 1)
            #expect(result.stderr.contains("queue/05-truncated.json:3:1: error: INVALID_JSON: unexpected end of file, expected ',' or '}'"))
            #expect(result.stderr.contains("queue/04-stale.json: error: VERSION_CONFLICT: Task is at version 1, the edit expected version 7"))
            #expect(result.stderr.contains("queue/06-dialect.json: error: VALIDATION_ERROR: "))
            #expect(!result.stderr.contains("01-create.json") && !result.stderr.contains("02-complete.json"))  // good ones pass
            #expect(try FileManager.default.contentsOfDirectory(atPath: ws + "/queue").sorted() == before)
            #expect(!FileManager.default.fileExists(atPath: ws + "/journal") && !FileManager.default.fileExists(atPath: ws + "/rejected"))
        }
    }
}
