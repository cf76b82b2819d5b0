import DocketCore
import Foundation
import Testing

/// `docket list`, `show`, `stats`, `badge` on the basic fixture at Wed 18 March 2026, 14:00 Berlin.
struct QueryCommandTests {
    let ws = fixtures + "/basic"

    func ids(_ arguments: [String]) throws -> [String] {
        let result = try docket(["list", "--json", "--workspace", ws, "--now", fixtureNow] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONParser.parse(result.stdout)["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }

    @Test func filtersModesTabsAndSort() throws {
        let aa = "task_01HQ3K4A0000000000000000AA", bb = "task_01HQ3K4B0000000000000000BB"
        let cc = "task_01HQ3K4C0000000000000000CC", zz = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"
        #expect(try ids([]) == [bb, aa, zz, cc])  // by due; no due last
        #expect(try ids(["--mode", "today"]) == [aa])
        #expect(try ids(["--mode", "completed"]) == [bb])
        #expect(try ids(["--mode", "upcoming"]) == [zz])
        #expect(try ids(["--mode", "overdue"]).isEmpty)
        #expect(try ids(["--status", "pending,in_progress", "--sort", "-priority"]) == [cc, zz, aa])  // urgent first
        #expect(try ids(["--status", "open", "--sort", "-priority"]) == [cc, zz, aa])  // open = pending + in_progress
        #expect(try ids(["--sort", "priority"]) == [bb, aa, zz, cc])  // low < normal < high < urgent
        #expect(try ids(["--sort", "-due"]) == [zz, aa, bb, cc])  // without a due: last in either direction
        #expect(try ids(["--link", "contacts:cont_ada"]) == [zz])  // plural link types, as Kasar writes them
        #expect(try ids(["--priority", "urgent,high"]) == [zz, cc])
        #expect(try ids(["--assignee", "jane"]) == [bb, zz])
        #expect(try ids(["--assignee", "jane@acme.example"]) == [bb, zz])  // an email works too
        #expect(try ids(["--type", "email"]) == [bb, zz])
        #expect(try ids(["--tag", "contract"]) == [zz])
        #expect(try ids(["--link", "deal:deal_acme"]) == [zz])
        #expect(try ids(["--due-after", "2026-03-18", "--due-before", "2026-03-21"]) == [zz])  // AA is due at the 18th's start
        #expect(try ids(["--search", "ADA"]) == [aa, zz])
        #expect(try ids(["--search", "lovelace"]) == [zz])  // a linked record's name
        #expect(try ids(["--tab", "my", "--person", "sam"]) == [aa])  // assigned to sam, open ones, as il's tabs
        #expect(try ids(["--tab", "my", "--person", "sam", "--include-done"]) == [bb, aa])
        #expect(try ids(["--tab", "delegated", "--person", "jane"]) == [aa])  // BB is assigned to jane too
        #expect(try ids(["--sort", "title", "--limit", "2"]) == [aa, bb])
    }

    @Test func badFiltersAreClearErrors() throws {
        let status = try docket(["list", "--status", "open-ish", "--workspace", ws])
        #expect(status.status != 0 && status.stderr.contains("error: --status is 'open-ish'; expected open or one of: pending, in_progress, completed, cancelled"))
        let sort = try docket(["list", "--sort", "colour", "--workspace", ws])
        #expect(sort.stderr.contains("cannot sort by 'colour'; use one of: due, priority, status, title, type, created, updated, assignee"))
        let person = try docket(["badge", "nobody", "--workspace", ws])
        #expect(person.status == 1 && person.stderr.contains("error: no person 'nobody' in people.json; people: jane, sam, auditor, n8n"))
    }

    @Test func tablesArePlainWhenPiped() throws {
        let result = try docket(["list", "--workspace", ws, "--now", fixtureNow])
        #expect(!result.stdout.contains("\u{1B}["))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID      DUE") == true)
        #expect(lines.count == 5)
        // Short ids: the shortest unique suffix of six or more characters.
        #expect(lines.contains { $0.hasPrefix("0000AA  today") && $0.contains("Call Ada about the renewal") })
        #expect(lines.contains { $0.hasPrefix("7S5P3N") })
    }

    @Test func statsAndBadgeMatchTheSiteJSON() throws {
        try withTemporaryDirectory { dir in
            let copy = try copyFixture("basic", to: dir)
            try docket(["render", "--workspace", copy, "--out", dir + "/out", "--now", fixtureNow])
            let stats = try docket(["stats", "--json", "--workspace", copy, "--now", fixtureNow])
            #expect(stats.stdout == (try read(dir + "/out/api/stats.json")))
            let sam = try docket(["stats", "--json", "--person", "sam", "--workspace", copy, "--now", fixtureNow])
            #expect(sam.stdout == (try read(dir + "/out/api/people/sam/stats.json")))
            let badge = try docket(["badge", "sam", "--json", "--workspace", copy, "--now", fixtureNow])
            #expect(badge.stdout == (try read(dir + "/out/api/people/sam/badge.json")))
            #expect(try docket(["badge", "sam", "--workspace", copy, "--now", fixtureNow]).stdout == "1\n")
            let table = try docket(["stats", "--workspace", copy, "--now", fixtureNow])
            #expect(table.stdout.hasPrefix("4 tasks in ") && table.stdout.contains("; 25% completed.\n"))
            #expect(table.stdout.contains("Today (Wed 18 Mar 2026): 1 completed, 1 still to do.\nNothing is overdue.\n"))
        }
    }

    @Test func showPrintsATaskAndItsComments() throws {
        let result = try docket(["show", "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "--workspace", ws, "--now", fixtureNow])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Send contract to Ada\n7S5P3N · Pending · High priority · email\n"))
        // Times in the workspace's zone (Europe/Berlin), as pages show them.
        #expect(result.stdout.contains("Reminder    Fri 20 Mar 2026, 17:30\n"))
        #expect(result.stdout.contains("Linked      Ada Lovelace (contact), Acme Enterprise Plan (deal)"))
        #expect(result.stdout.contains("Sam Lee, Tue 17 Mar 2026, 10:00:\n    Draft is ready."))
        #expect(try docket(["show", "7s5p3n", "--workspace", ws, "--now", fixtureNow]).stdout == result.stdout)  // a short id, any case
        let json = try docket(["show", "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N", "--json", "--workspace", ws])
        let node = try JSONParser.parse(json.stdout)
        #expect(node["comments"]?.arrayValue?.count == 1 && node["details"]?.stringValue?.contains("annual billing") == true)
        let missing = try docket(["show", "task_01HQ3K9Z0000000000000000ZZ", "--workspace", ws])
        #expect(missing.status == 1 && missing.stderr.contains("error: no task 'task_01HQ3K9Z0000000000000000ZZ'"))
    }

    @Test func anAmbiguousShortIdListsTheCandidates() throws {
        try withTemporaryDirectory { dir in
            let copy = try copyFixture("basic", to: dir)
            let twin = "task_01HQ3K4D0000000000000000AA"
            let original = try read(copy + "/tasks/task_01HQ3K4A0000000000000000AA.json")
            try original.replacingOccurrences(of: "task_01HQ3K4A0000000000000000AA", with: twin).write(toFile: copy + "/tasks/\(twin).json", atomically: true, encoding: .utf8)
            let ambiguous = try docket(["done", "0000aa", "--workspace", copy, "--actor", "jane"])
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("error: '0000aa' is the end of 2 task ids; give more characters:\n  task_01HQ3K4A0000000000000000AA  Call Ada about the renewal\n  \(twin)"))
            #expect(ambiguous.stderr.components(separatedBy: "error:").count == 2)  // said once
            #expect(!FileManager.default.fileExists(atPath: copy + "/queue"))  // nothing queued
            let list = try docket(["list", "--workspace", copy, "--now", fixtureNow]).stdout
            #expect(list.contains("A0000000000000000AA ") && list.contains("D0000000000000000AA "))  // longer short ids where they collide
        }
    }
}

/// Kasar's advanced queries: filter groups, JSON sort, cursor paging.
struct AdvancedQueryTests {
    let aa = "task_01HQ3K4A0000000000000000AA", bb = "task_01HQ3K4B0000000000000000BB"
    let cc = "task_01HQ3K4C0000000000000000CC", zz = "task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N"

    func listed(_ arguments: [String], workspace: String = fixtures + "/basic") throws -> JSONNode {
        let result = try docket(["list", "--json", "--workspace", workspace, "--now", fixtureNow] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONParser.parse(result.stdout)
    }

    func ids(_ node: JSONNode) -> [String] { node["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    @Test(arguments: [
        (#"{"field": "priority", "operator": "in", "value": ["high", "urgent"]}"#, ["zz", "cc"]),
        (#"{"field": "priority", "operator": "gte", "value": "high"}"#, ["zz", "cc"]),
        (#"{"logic": "or", "filters": [{"field": "status", "operator": "eq", "value": "completed"}, {"field": "links", "operator": "contains", "value": "contacts:cont_ada"}]}"#, ["bb", "zz"]),
        (#"{"field": "due", "operator": "lt", "value": "2026-03-19"}"#, ["bb", "aa"]),  // a date is its local midnight
        (#"{"field": "due", "operator": "is_empty"}"#, ["cc"]),
        (#"{"field": "assignees", "operator": "contains", "value": "jane"}"#, ["bb", "zz"]),
        (#"{"field": "title", "operator": "contains", "value": "ADA"}"#, ["aa", "zz"]),
        (#"{"field": "tags", "operator": "is_not_empty"}"#, ["zz"]),
        (#"{"field": "status", "operator": "not_in", "value": ["completed", "cancelled"]}"#, ["aa", "zz", "cc"]),
        (#"{"logic": "and", "filters": [{"field": "created_by", "operator": "neq", "value": "n8n"}, {"field": "completed_at", "operator": "is_empty"}]}"#, ["aa", "zz"]),
    ])
    func filterGroupsSelectWhatKasarsWould(filters: String, expected: [String]) throws {
        let short = ["aa": aa, "bb": bb, "cc": cc, "zz": zz]
        #expect(ids(try listed(["--filters", filters])) == expected.map { short[$0]! })
    }

    @Test func jsonSortAndPagingWithTotalAndNextCursor() throws {
        #expect(ids(try listed(["--sort", #"[{"field": "priority", "direction": "desc"}, {"field": "due", "direction": "asc"}]"#])) == [cc, zz, aa, bb])
        #expect(ids(try listed(["--sort", "[not json"])) == [bb, aa, zz, cc])  // invalid JSON falls back to the plain sort
        let first = try listed(["--limit", "3"])
        #expect(ids(first) == [bb, aa, zz] && first["total"]?.intValue == 4)
        let cursor = try #require(first["nextCursor"]?.stringValue)
        let second = try listed(["--limit", "3", "--cursor", cursor])
        #expect(ids(second) == [cc] && second["total"]?.intValue == 4 && second["nextCursor"]?.value == .null)
    }

    @Test func badQueriesAreClearErrors() throws {
        let ws = fixtures + "/basic"
        func failure(_ arguments: [String]) throws -> String {
            let result = try docket(["list", "--workspace", ws, "--now", fixtureNow] + arguments)
            #expect(result.status == 1)
            return result.stderr
        }
        #expect(try failure(["--filters", #"{"field": "colour", "operator": "eq", "value": "red"}"#]).contains("error: --filters: unknown filter field 'colour'; fields: status, priority"))
        #expect(try failure(["--filters", #"{"field": "due", "operator": "lt", "value": "soon"}"#]).contains("filter on 'due' lt 'soon': expected a date (YYYY-MM-DD) or an RFC 3339 time"))
        #expect(try failure(["--filters", #"{"field": "due", "operator": "before", "value": "2026-01-01"}"#]).contains("unknown operator 'before'"))
        #expect(try failure(["--filters", "{oops"]).contains("error: --filters: not valid JSON"))
        #expect(try failure(["--sort", #"[{"field": "colour"}]"#]).contains("error: --sort: cannot sort by 'colour'"))
        #expect(try failure(["--cursor", "bm90IGEgY3Vyc29y"]).contains("error: --cursor is not a cursor docket made"))
    }

    @Test func aCursorGoesStaleWhenTheWorkspaceChanges() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("basic", to: dir)
            let cursor = try #require(try listed(["--limit", "2"], workspace: ws)["nextCursor"]?.stringValue)
            #expect(try docket(["add", "New one", "--workspace", ws, "--actor", "jane", "--now", fixtureNow]).status == 0)
            let stale = try docket(["list", "--workspace", ws, "--now", fixtureNow, "--limit", "2", "--cursor", cursor])
            #expect(stale.status == 1 && stale.stderr.contains("--cursor is from before the workspace or the query changed"))
        }
    }
}
