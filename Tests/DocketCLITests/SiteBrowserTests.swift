import DocketCore
import Foundation
import Testing

/// The sample workspace built once into a temporary folder, for the browser tests.
enum BuiltSample {
    static let root: String = {
        let base = NSTemporaryDirectory() + "docket-browser-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // Shared by every browser test, so it goes when the test process ends.
        atexit { try? FileManager.default.removeItem(atPath: BuiltSample.root) }
        try! FileManager.default.copyItem(atPath: packageRoot + "/data", toPath: base + "/ws")
        let result = try! docket(["build", "--workspace", base + "/ws", "--out", base + "/site", "--now", fixtureNow, "--quiet"])
        precondition(result.status == 0, result.stderr)
        return base
    }()
    static var site: String { root + "/site" }
    static var workspace: String { root + "/ws" }

    /// Ids that `docket list` returns for the same filters.
    static func cliIDs(_ arguments: [String]) throws -> Set<String> {
        let result = try docket(["list", "--json", "--workspace", workspace, "--now", fixtureNow] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        return Set(json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
    }
}

@Suite(.serialized)
struct SiteBrowserTests {
    /// (query string of the page, the same filters for `docket list`)
    @Test(arguments: [
        ("status=pending", ["--status", "pending"]),
        ("priority=high", ["--priority", "high"]),
        ("assignee=jonas", ["--assignee", "jonas"]),
        ("type=call", ["--type", "call"]),
        ("tag=renewal", ["--tag", "renewal"]),
        ("link=contact%2Fcont_ada", ["--link", "contact:cont_ada"]),
        ("mode=today", ["--mode", "today"]),
        ("mode=overdue", ["--mode", "overdue"]),
        ("mode=upcoming", ["--mode", "upcoming"]),
        ("mode=completed", ["--mode", "completed"]),
        ("q=hopper", ["--search", "hopper"]),
        ("status=pending&assignee=maria&mode=overdue", ["--status", "pending", "--assignee", "maria", "--mode", "overdue"]),
        ("q=ada&priority=urgent&type=email", ["--search", "ada", "--priority", "urgent", "--type", "email"]),
    ])
    func filtersShowTheSameTasksAsTheCommandLine(query: String, arguments: [String]) throws {
        let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
        let list = TaskListDOM(dom: page.dom)
        // Without a mode or a status the page lists open tasks, as `--status open` does.
        let opens = query.contains("mode=") || query.contains("status=") ? [] : ["--status", "open"]
        let expected = try BuiltSample.cliIDs(arguments + opens)
        #expect(list.rows.count == expected.count)
        #expect(Set(list.visibleRows) == expected, "\(query)")
        #expect(page.dom.contains(#"data-shown="\#(expected.count)""#))
        #expect(!expected.isEmpty || query.contains("&"), "a filter that matches nothing proves little: \(query)")
        #expect(page.console.isEmpty, "\(page.console)")
    }

    /// Kasar's filter groups and JSON sort in the page's address: the same answers, in the same order, as `docket list`.
    @Test(arguments: [
        #"{"field": "priority", "operator": "gte", "value": "high"}"#,
        #"{"logic": "or", "filters": [{"field": "status", "operator": "eq", "value": "completed"}, {"field": "links", "operator": "contains", "value": "contacts:cont_ada"}]}"#,
        #"{"logic": "and", "filters": [{"field": "due", "operator": "lt", "value": "2026-03-19"}, {"field": "completed_at", "operator": "is_empty"}]}"#,
        #"{"field": "created_at", "operator": "gte", "value": "2026-03-10T00:00:00Z"}"#,
        #"{"field": "assignees", "operator": "in", "value": ["maria", "jonas"]}"#,
        #"{"field": "title", "operator": "contains", "value": "contract"}"#,
        #"{"field": "metadata.source", "operator": "eq", "value": "zapier"}"#,
    ])
    func filterGroupsAndJSONSortAnswerAsTheCommandLineDoes(filters: String) throws {
        let sort = #"[{"field": "priority", "direction": "desc"}, {"field": "due", "direction": "asc"}]"#
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+")
        let query = "filters=" + filters.addingPercentEncoding(withAllowedCharacters: allowed)! + "&sort=" + sort.addingPercentEncoding(withAllowedCharacters: allowed)!
        let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
        let result = try docket(["list", "--json", "--workspace", BuiltSample.workspace, "--now", fixtureNow, "--filters", filters, "--sort", sort])
        let expected = try JSONParser.parse(result.stdout)["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!expected.isEmpty, "a filter that matches nothing proves little: \(filters)")
        #expect(TaskListDOM(dom: page.dom).visibleRows == expected, "\(filters)")
        #expect(page.console.isEmpty, "\(page.console)")
    }

    /// Each number on the overview opens the task list showing exactly the tasks it counts.
    @Test func statCardsOpenTheListOfWhatTheyCount() throws {
        let html = try read(BuiltSample.site + "/index.html")
        let cards = html.matches(of: /data-stat="(\w+)" href="([^"]+)"><span class="value">(\d+)<\/span>/)
        #expect(cards.count == 5)  // all but the completion rate, a percentage
        for card in cards {
            let url = String(card.2).replacingOccurrences(of: "&amp;", with: "&")
            let page = try Browser.load("file://\(BuiltSample.site)/\(url)")
            #expect(page.dom.contains(#"data-shown="\#(card.3)""#), "\(card.1) → \(url)")
            #expect(page.console.isEmpty, "\(page.console)")
        }
    }

    /// An empty JSON sort is no sort at all: tasks by id, as `docket list` gives them, and no script error.
    @Test func anEmptyJSONSortListsByIdAsTheCommandLineDoes() throws {
        let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?sort=%5B%5D")
        let result = try docket(["list", "--json", "--workspace", BuiltSample.workspace, "--now", fixtureNow, "--status", "open", "--sort", "[]"])
        let expected = try JSONParser.parse(result.stdout)["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!expected.isEmpty)
        #expect(TaskListDOM(dom: page.dom).visibleRows == expected)
        #expect(page.console.isEmpty, "\(page.console)")
    }

    @Test func aBadFilterInTheAddressIsShownNotABlankList() throws {
        for query in ["filters=%7Bbroken", "filters=%7B%22field%22%3A%22colour%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A1%7D"] {
            let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
            #expect(page.dom.contains("This view’s filters cannot be used: "), "\(query)")
            #expect(TaskListDOM(dom: page.dom).visibleRows.count == 62)  // every task, not none
            #expect(page.console.isEmpty, "\(page.console)")
        }
    }

    /// A sort the list cannot use is named on the page, and the list falls
    /// back to due, as `docket list` does for a sort that is not JSON.
    @Test func aSortTheListCannotUseIsNamedAndItSortsByDue() throws {
        let result = try docket(["list", "--json", "--workspace", BuiltSample.workspace, "--now", fixtureNow, "--status", "open",
                                 "--sort", "[broken"])
        #expect(result.stderr.contains("--sort is not valid JSON; sorting by due"))
        let byDue = try JSONParser.parse(result.stdout)["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!byDue.isEmpty)
        for (query, message) in [("sort=%5Bbroken", "This view’s sort is not valid JSON; sorting by due."),
                                 ("sort=-colour", "This view’s sort cannot be used: cannot sort by 'colour'; sorting by due.")] {
            let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
            #expect(page.dom.contains(message), "\(query)")
            #expect(TaskListDOM(dom: page.dom).visibleRows == byDue, "\(query)")
            #expect(page.console.isEmpty, "\(page.console)")
        }
    }

    @Test func theDueRangeIsInclusiveLocalDays() throws {
        let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?from=2026-03-17&to=2026-03-19&mode=all")
        let workspace = WorkspaceLoader.load(BuiltSample.workspace).workspace
        let day = DayContext(now: Instant(rfc3339: fixtureNow)!, settings: workspace.settings)
        let expected = Set(workspace.tasks.filter { task in
            guard let due = task.due else { return false }
            let date = day.dueDay(due).iso8601
            return date >= "2026-03-17" && date <= "2026-03-19"
        }.map(\.id))
        #expect(!expected.isEmpty)
        #expect(Set(TaskListDOM(dom: page.dom).visibleRows) == expected)
    }

    @Test func sortingByAColumnOrdersTheRowsAndMarksTheHeader() throws {
        let workspace = WorkspaceLoader.load(BuiltSample.workspace).workspace
        for (query, ascending) in [("sort=priority", true), ("sort=-priority", false)] {
            let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
            let ranks = TaskListDOM(dom: page.dom).visibleRows.map { workspace.task($0)!.priority.rank }
            // low < normal < high < urgent, as `docket list --sort priority`
            #expect(ranks == (ascending ? ranks.sorted(by: <) : ranks.sorted(by: >)), "\(query)")
            #expect(page.dom.contains(#"data-sort="priority" aria-sort="\#(ascending ? "ascending" : "descending")""#))
        }
        let byDue = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?sort=-due")
        let dues = TaskListDOM(dom: byDue.dom).visibleRows.compactMap { id in workspace.task(id)?.due.map { DayContext(now: Instant(rfc3339: fixtureNow)!, settings: workspace.settings).dueDay($0) } }
        #expect(dues == dues.sorted(by: >))
    }

    @Test func theURLStateRoundTrips() throws {
        let query = "q=ada&status=pending&priority=urgent&mode=overdue&sort=-due"
        let page = try Browser.load("file://\(BuiltSample.site)/tasks/index.html?\(query)")
        let list = TaskListDOM(dom: page.dom)
        #expect(list.permalink == "index.html?\(query)")
        // Following the permalink gives the same rows.
        let again = try Browser.load("file://\(BuiltSample.site)/tasks/\(list.permalink!)")
        #expect(TaskListDOM(dom: again.dom).visibleRows == list.visibleRows)
        #expect(elementText(page.dom, id: "match-count")?.hasSuffix("of 62 tasks") == true)
    }

    /// A script stands in for a person: it picks a filter and clicks a column
    /// header; the rows, the count, the permalink and the address bar follow.
    @Test func choosingFiltersUpdatesRowsAndTheAddress() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(atPath: BuiltSample.site, toPath: dir + "/site")
            let driver = """
                var s = document.getElementById('f-status'); s.value = 'completed'; s.dispatchEvent(new Event('change', {bubbles: true}));
                setTimeout(function () {
                  document.querySelector('th[data-sort="title"] button').click();
                  setTimeout(function () { document.body.setAttribute('data-address', location.search); }, 50);
                }, 50);
                """
            try driver.write(toFile: dir + "/site/tasks/driver.js", atomically: true, encoding: .utf8)
            let html = try read(dir + "/site/tasks/index.html")
                .replacingOccurrences(of: "</body>", with: "<script defer src=\"driver.js\"></script></body>")
            try html.write(toFile: dir + "/site/tasks/driven.html", atomically: true, encoding: .utf8)
            let page = try Browser.load("file://\(dir)/site/tasks/driven.html")
            let list = TaskListDOM(dom: page.dom)
            #expect(Set(list.visibleRows) == (try BuiltSample.cliIDs(["--status", "completed"])))
            #expect(list.permalink == "index.html?status=completed&sort=title")
            #expect(page.dom.contains(#"data-address="?status=completed&amp;sort=title""#))
            let workspace = WorkspaceLoader.load(BuiltSample.workspace).workspace
            let titles = list.visibleRows.map { workspace.task($0)!.title.lowercased() }
            #expect(titles == titles.sorted())
            #expect(page.console.isEmpty, "\(page.console)")
        }
    }

    /// Without JavaScript the list is the file as written: open tasks by due, one page.
    @Test func withoutJavaScriptTheListShowsOpenTasksByDue() throws {
        let html = try read(BuiltSample.site + "/tasks/index.html")
        let expected = try docket(["list", "--json", "--status", "open", "--workspace", BuiltSample.workspace, "--now", fixtureNow])
        let ids = (try JSONParser.parse(expected.stdout))["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(!ids.isEmpty && TaskListDOM(dom: html).visibleRows == ids)
        #expect(html.contains("open tasks are listed below by due, 1–\(ids.count) of \(ids.count).</p></noscript>"))
        #expect(!FileManager.default.fileExists(atPath: BuiltSample.site + "/tasks/page-2.html"))
    }

    @Test func everyKindOfPageLoadsWithoutAConsoleMessage() throws {
        let site = BuiltSample.site
        let task = try FileManager.default.contentsOfDirectory(atPath: site + "/tasks").first { $0.hasPrefix("task_") }!
        for page in ["index.html", "tasks/index.html", "board.html", "tasks/\(task)", "people/maria.html",
                     "records/index.html", "records/contact/cont_ada.html", "rejected.html"] {
            let loaded = try Browser.load("file://\(site)/\(page)")
            #expect(loaded.dom.contains("</main>"), "\(page) did not render")
            #expect(loaded.console.isEmpty, "\(page): \(loaded.console)")
        }
    }

    /// axe-core (from PyPI's axe-playwright-python, installed by `make setup-test`)
    /// runs inside each page; no critical or serious violation may remain.
    @Test func pagesHaveNoSeriousAccessibilityViolations() throws {
        let axe = packageRoot + "/.build/axe/axe.min.js"
        try #require(FileManager.default.fileExists(atPath: axe), "axe-core is missing; run 'make setup-test'")
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(atPath: BuiltSample.site, toPath: dir + "/site")
            try FileManager.default.copyItem(atPath: axe, toPath: dir + "/site/axe.min.js")
            let runner = """
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  var out = document.createElement('pre'); out.id = 'axe-results';
                  out.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}; }));
                  document.body.appendChild(out);
                });
                """
            try runner.write(toFile: dir + "/site/axe-run.js", atomically: true, encoding: .utf8)
            let task = try FileManager.default.contentsOfDirectory(atPath: dir + "/site/tasks").first { $0.hasPrefix("task_") }!
            var report: [String] = []
            for page in ["index.html", "tasks/index.html", "board.html", "tasks/\(task)", "people/maria.html",
                         "records/contact/cont_ada.html", "rejected.html"] {
                let depth = page.split(separator: "/").count - 1
                let prefix = String(repeating: "../", count: depth)
                let path = dir + "/site/" + page
                let html = try read(path).replacingOccurrences(
                    of: "</body>", with: "<script defer src=\"\(prefix)axe.min.js\"></script><script defer src=\"\(prefix)axe-run.js\"></script></body>")
                try html.write(toFile: path, atomically: true, encoding: .utf8)
                let loaded = try Browser.load("file://\(path)", budgetMilliseconds: 10000)
                let results = try #require(elementText(loaded.dom, id: "axe-results"), "axe did not finish on \(page)")
                let violations = try JSONParser.parse(results).arrayValue ?? []
                let serious = violations.filter { ["critical", "serious"].contains($0["impact"]?.stringValue ?? "") }
                report.append("\(page): \(violations.count) violation(s), \(serious.count) serious")
                #expect(serious.isEmpty, "\(page): \(serious.map { "\($0["id"]!.stringValue!) (\($0["impact"]!.stringValue!)): \($0["help"]!.stringValue!)" })")
            }
            print("axe-core: " + report.joined(separator: "; "))
        }
    }

    /// Saves the overview, task list, board and a task page at phone and
    /// desktop widths for a person to look at; prints where.
    @Test func savesScreenshotsForReview() throws {
        let folder = ProcessInfo.processInfo.environment["DOCKET_SCREENSHOTS"] ?? packageRoot + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let site = BuiltSample.site
        // The task with the longest page: details, comments and history.
        let task = try FileManager.default.contentsOfDirectory(atPath: site + "/tasks").filter { $0.hasPrefix("task_") }.sorted()
            .max { (try read(site + "/tasks/" + $0)).utf8.count < (try read(site + "/tasks/" + $1)).utf8.count }!
        // Every page kind docket writes.
        let pages = [("overview", "index.html"), ("tasks", "tasks/index.html"), ("board", "board.html"), ("task", "tasks/\(task)"),
                     ("person", "people/maria.html"), ("records", "records/index.html"), ("record", "records/contact/cont_ada.html"),
                     ("rejected", "rejected.html")]
        for (name, page) in pages {
            for (device, width, height) in [("phone", 390, 1600), ("desktop", 1366, 1000)] {
                let path = "\(folder)/\(name)-\(device).png"
                try? FileManager.default.removeItem(atPath: path)
                try Browser.screenshot("file://\(site)/\(page)", to: path, width: width, height: height)
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(path) looks empty")
            }
        }
        print("screenshots: \(folder) (\(pages.map(\.0).joined(separator: ", ")) × phone, desktop)")
    }
}

/// A workspace whose every string is an XSS vector: a real browser loading
/// every page runs none of them.
struct XSSTests {
    @Test func noScriptFromTheWorkspaceRunsOnAnyPage() throws {
        try withTemporaryDirectory { dir in
            let ws = try copyFixture("xss", to: dir)
            let result = try docket(["build", "--workspace", ws, "--out", dir + "/site", "--now", fixtureNow])
            #expect(result.status == 0, "\(result.stderr)")
            let pages = try tree(dir + "/site").keys.filter { $0.hasSuffix(".html") }.sorted()
            #expect(pages.count >= 12)
            for page in pages {
                let html = try read(dir + "/site/" + page)
                // Only docket's own: the list's app and its data files, on task-list pages.
                let scripts = html.components(separatedBy: "<script").dropFirst().map { String($0.prefix { $0 != ">" }) }
                let isList = page == "tasks/index.html" || page.hasPrefix("tasks/page-")
                let acts = isList || page.hasPrefix("tasks/task_") || page.hasPrefix("records/") && page != "records/index.html"
                let ours = scripts.allSatisfy { script in
                    // Each tag is exactly `<script src="…">`, or on list pages `<script defer blocking="render" src="…">`.
                    guard let source = script.wholeMatch(of: /(?: defer blocking="render")? src="([^"]*)"/)?.1 else { return false }
                    return ["assets/app.js", "assets/actions.js", "data/workspace.js", "data/dict.js"].contains { source.hasSuffix($0) }
                        || source.hasPrefix("data/tasks-")
                }
                #expect(ours && (isList ? scripts.count == 5 : acts ? scripts.count == 2 : scripts.isEmpty),
                        "\(page) holds a <script> docket did not put there: \(scripts)")
                for tag in htmlTags(html) {
                    let lower = tag.lowercased()
                    // Attribute names only: quoted values (where `"` is always escaped) are text.
                    let names = lower.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
                    #expect(names.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(page): event handler in \(tag)")
                    #expect(lower.range(of: #"(href|src)\s*=\s*"\s*(javascript|vbscript|data:text/html)"#, options: .regularExpression) == nil,
                            "\(page): script URL in \(tag)")
                }
                let loaded = try Browser.load("file://\(dir)/site/\(page)")
                #expect(!loaded.dom.contains("data-xss=\"1\""), "a payload ran on \(page)")
                #expect(loaded.console.isEmpty, "\(page): \(loaded.console)")
            }
            // Payloads are shown as text, not dropped.
            let task = try read(dir + "/site/tasks/task_01HQ3K2V8Z6Y4W1X0R9T7S5P3N.html")
            #expect(task.contains("Send contract &lt;/textarea&gt;&lt;/title&gt;"))
            #expect(try read(dir + "/site/rejected.html").contains("&lt;script&gt;document.documentElement.setAttribute"))
            // Feeds stay well-formed with the payloads escaped inside.
            let feeds = try checkFeeds([dir + "/site/feeds/jane.atom", dir + "/site/feeds/jane.ics"])
            #expect(feeds[dir + "/site/feeds/jane.atom"]?["bozo"]?.boolValue == false)
        }
    }
}

/// Every real tag of a page (`<` … `>`): escaped text (`&lt;`) is not a tag.
func htmlTags(_ html: String) -> [Substring] {
    var tags: [Substring] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { break }
        tags.append(rest[open...close])
        rest = rest[rest.index(after: close)...]
    }
    return tags
}

/// Runs Tests/Browser/check_feeds.py (icalendar, feedparser) over feed files.
func checkFeeds(_ paths: [String]) throws -> [String: JSONNode] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot + "/Tests/Browser/check_feeds.py"] + paths
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "the feed parsers failed: \(errors)")
    let node = try JSONParser.parse(Array(data))
    var result: [String: JSONNode] = [:]
    for member in node.objectValue ?? [] { result[member.key] = member.value }
    return result
}

struct FeedTests {
    @Test func calendarAndAtomFeedsParseAndHoldTheRightItems() throws {
        let site = BuiltSample.site
        let feeds = try checkFeeds([site + "/feeds/jonas.ics", site + "/feeds/jonas.atom"])
        let ics = try #require(feeds[site + "/feeds/jonas.ics"])
        #expect(ics["folded"]?.boolValue == true && ics["crlf"]?.boolValue == true)
        let events = ics["events"]?.arrayValue ?? []
        let workspace = WorkspaceLoader.load(BuiltSample.workspace).workspace
        let expected = workspace.tasks.filter { $0.isOpen && $0.assignees.contains("jonas") && $0.due != nil }
        #expect(events.count == expected.count && !expected.isEmpty)
        #expect(Set(events.compactMap { $0["uid"]?.stringValue }) == Set(expected.map { $0.id + "@docket" }))
        for event in events {
            let task = workspace.task(String(event["uid"]!.stringValue!.dropLast("@docket".count)))!
            #expect(event["summary"]?.stringValue == task.title)
            #expect(event["all_day"]?.boolValue == !(task.due!.hasTime))
            if case .allDay(let date) = task.due! { #expect(event["start"]?.stringValue == date.iso8601) }
            #expect((event["alarms"]?.arrayValue?.count ?? 0) == (task.reminder == nil ? 0 : 1))
        }
        let atom = try #require(feeds[site + "/feeds/jonas.atom"])
        #expect(atom["bozo"]?.boolValue == false, "\(atom["error"]?.stringValue ?? "")")
        let entries = atom["entries"]?.arrayValue ?? []
        let notes = try FileManager.default.contentsOfDirectory(atPath: BuiltSample.workspace + "/notifications/jonas")
        #expect(entries.count == notes.count && !notes.isEmpty)
        let title = entries.first?["title"]?.stringValue ?? ""
        #expect(title.hasPrefix("Maria Keller mentioned you on “Send contract to Grace Hopper” (") && title.count == 70)  // then the short id
        #expect(entries.first?["link"]?.stringValue?.hasPrefix("https://tasks.northwind.example/tasks/") == true)
    }
}

/// The task list beyond one page: paged files without JavaScript, a page of
/// results at a time with it, and every answer the command line's.
struct LargeListBrowserTests {
    /// 250 tasks: index.html, page-2.html and page-3.html hold the open tasks by due, 100 a page.
    @Test func theListIsPagedWithAndWithoutJavaScript() throws {
        try withTemporaryDirectory { dir in
            #expect(try docket(["generate", "--tasks", "250", "--queued", "0", "--now", fixtureNow, dir + "/ws"]).status == 0)
            #expect(try docket(["render", "--workspace", dir + "/ws", "--out", dir + "/site", "--now", fixtureNow, "--quiet"]).status == 0)
            let listed = try docket(["list", "--json", "--status", "open", "--limit", "1000", "--workspace", dir + "/ws", "--now", fixtureNow])
            let open = (try JSONParser.parse(listed.stdout))["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(open.count > 200 || open.count > 100, "the sample should span pages: \(open.count) open")
            var paged: [String] = []
            var page = 1
            while FileManager.default.fileExists(atPath: dir + "/site/tasks/" + (page == 1 ? "index.html" : "page-\(page).html")) {
                let html = try read(dir + "/site/tasks/" + (page == 1 ? "index.html" : "page-\(page).html"))
                let rows = TaskListDOM(dom: html).visibleRows
                #expect(rows.count <= 100)
                #expect(html.contains(#"rel="next""#) == (paged.count + rows.count < open.count))
                #expect(html.contains(#"rel="prev""#) == (page > 1))
                paged += rows
                page += 1
            }
            #expect(paged == open)
            // With JavaScript: the second page of the same answer, from the address.
            let second = try Browser.load("file://\(dir)/site/tasks/index.html?page=2")
            #expect(TaskListDOM(dom: second.dom).visibleRows == Array(open.dropFirst(100).prefix(100)))
            #expect(second.dom.contains(#"data-shown="\#(open.count)""#))
            let pages = (open.count + 99) / 100
            #expect(second.dom.contains("Page 2 of \(pages) · tasks 101–\(min(200, open.count)) of \(open.count)"))
            #expect(second.console.isEmpty, "\(second.console)")
            // And every task, sorted by title descending, in the command line's order, page by page.
            let all = try docket(["list", "--json", "--sort", "-title", "--limit", "1000", "--workspace", dir + "/ws", "--now", fixtureNow])
            let byTitle = (try JSONParser.parse(all.stdout))["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            for number in 1...3 {
                let loaded = try Browser.load("file://\(dir)/site/tasks/index.html?mode=all&sort=-title&page=\(number)")
                #expect(TaskListDOM(dom: loaded.dom).visibleRows == Array(byTitle.dropFirst((number - 1) * 100).prefix(100)), "page \(number)")
            }
        }
    }
}

/// The task list at 10,000 tasks: filtering still works, and the time it
/// takes is printed (measured, never asserted; see `make bench`).
struct TenThousandTaskListBrowserTests {
    @Test func filtersTenThousandTasks() throws {
        try withTemporaryDirectory(under: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : nil) { dir in
            #expect(try docket(["generate", "--tasks", "10000", "--queued", "0", "--now", fixtureNow, dir + "/ws"]).status == 0)
            #expect(try docket(["render", "--workspace", dir + "/ws", "--out", dir + "/site", "--now", fixtureNow, "--quiet"]).status == 0)
            let driver = """
                var started = performance.now();
                var count = document.getElementById('match-count');
                new MutationObserver(function () {
                  document.body.setAttribute('data-filter-ms', String(Math.round(performance.now() - started)));
                }).observe(count, {childList: true, characterData: true, subtree: true});
                var s = document.getElementById('f-status'); s.value = 'pending'; s.dispatchEvent(new Event('change', {bubbles: true}));
                document.body.setAttribute('data-load-ms', String(Math.round(started)));
                """
            try driver.write(toFile: dir + "/site/tasks/driver.js", atomically: true, encoding: .utf8)
            let html = try read(dir + "/site/tasks/index.html").replacingOccurrences(of: "</body>", with: "<script defer src=\"driver.js\"></script></body>")
            try html.write(toFile: dir + "/site/tasks/driven.html", atomically: true, encoding: .utf8)
            let started = Date()
            let page = try Browser.load("file://\(dir)/site/tasks/driven.html", budgetMilliseconds: 20000)
            let seconds = Date().timeIntervalSince(started)
            let list = TaskListDOM(dom: page.dom)
            let expected = try docket(["list", "--json", "--status", "pending", "--limit", "100000", "--workspace", dir + "/ws", "--now", fixtureNow])
            let ids = (try JSONParser.parse(expected.stdout))["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            // The first page of the answer, and the count of all of it.
            #expect(list.visibleRows == Array(ids.prefix(100)) && !ids.isEmpty)
            #expect(page.dom.contains(#"data-shown="\#(ids.count)""#))
            let size = (try FileManager.default.attributesOfItem(atPath: dir + "/site/tasks/index.html")[.size] as? Int) ?? 0
            let filterMS = TaskListDOM(dom: page.dom).attribute("data-filter-ms", ofElementWithID: "main") ?? page.dom.firstMatch(of: /data-filter-ms="(\d+)"/).map { String($0.1) } ?? "?"
            let loadMS = page.dom.firstMatch(of: /data-load-ms="(\d+)"/).map { String($0.1) } ?? "?"
            print("10,000-task list: \(size / 1024) KiB; scripts ready \(loadMS) ms after navigation; a status filter took \(filterMS) ms; chromium run \(String(format: "%.1f", seconds)) s")
        }
    }
}
