import DocketCore
import Foundation
import Testing

/// Acting from the page: a script stands in for a reader who picks who they
/// are, fills each form and takes what the page offers (the edit JSON, the
/// host's prefilled link, the command). The edits go into queue/ and
/// `docket build` applies them as docket's own commands would have.
@Suite(.serialized)
struct PageEditBrowserTests {
    /// What the driver saw after each action: the edit JSON, the host link (if any), the command.
    struct Taken {
        var action: String
        var json: String
        var link: String?
        var command: String
    }

    static let takeScript = """
        function take(action) {
          document.querySelector('[data-action="' + action + '"]').click();
          var out = document.querySelector('.edit-output');
          var link = out.querySelector('a[data-edit-link]');
          window.__taken.push({action: action, json: out.querySelector('[data-edit-json]').textContent,
            link: link && !link.hidden ? link.href : null, command: out.querySelector('[data-edit-command]').textContent});
        }
        function finish() { document.body.setAttribute('data-taken', JSON.stringify(window.__taken)); }
        window.__taken = [];
        function who(id) { var a = document.querySelector('select[name=actor]'); a.value = id; a.dispatchEvent(new Event('change')); }
        function tick(form, ids) {
          document.querySelectorAll('form[data-form="' + form + '"] input[name=assignees]').forEach(function (c) { c.checked = ids.indexOf(c.value) >= 0; });
        }
        """

    /// Loads `page` (relative to the site) with `steps` run once the page's own scripts are ready.
    static func drive(site: String, page: String, steps: String) throws -> (taken: [Taken], dom: String, console: [String]) {
        let driver = takeScript + "\ndocument.addEventListener('DOMContentLoaded', function () { " + steps + " finish(); });\n"
        let folder = (site + "/" + page as NSString).deletingLastPathComponent
        try driver.write(toFile: folder + "/driver.js", atomically: true, encoding: .utf8)
        let html = try read(site + "/" + page).replacingOccurrences(of: "</body>", with: "<script defer src=\"driver.js\"></script></body>")
        let driven = folder + "/driven.html"
        try html.write(toFile: driven, atomically: true, encoding: .utf8)
        let loaded = try Browser.load("file://" + driven)
        let attribute = try #require(loaded.dom.firstMatch(of: /data-taken="([^"]*)"/)?.1, "the driver did not finish")
        let text = String(attribute).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let taken = try JSONParser.parse(text).arrayValue?.map { item in
            Taken(action: item["action"]?.stringValue ?? "", json: item["json"]?.stringValue ?? "", link: item["link"]?.stringValue,
                  command: item["command"]?.stringValue ?? "")
        } ?? []
        return (taken, loaded.dom, loaded.console)
    }

    static func queue(_ taken: [Taken], in workspace: String) throws {
        for edit in taken {
            let id = try #require(try JSONParser.parse(edit.json)["id"]?.stringValue)
            try edit.json.write(toFile: workspace + "/queue/\(id).json", atomically: true, encoding: .utf8)
        }
    }

    @Test func everyFormsEditAppliesAsTheCommandWould() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(atPath: packageRoot + "/data", toPath: dir + "/ws")
            // With a repository: the GitHub link carries the same file.
            var settings = try read(dir + "/ws/workspace.json")
            settings = settings.replacingOccurrences(of: "\"name\": \"Northwind Sales\",",
                                                     with: "\"name\": \"Northwind Sales\",\n  \"repository\": {\"url\": \"https://github.com/acme/tasks\", \"branch\": \"main\", \"path\": \"crm\"},")
            try settings.write(toFile: dir + "/ws/workspace.json", atomically: true, encoding: .utf8)
            #expect(try docket(["build", "--workspace", dir + "/ws", "--out", dir + "/site", "--quiet"]).status == 0)
            let listed = try docket(["list", "--json", "--status", "pending", "--workspace", dir + "/ws"])
            let task = try #require(try JSONParser.parse(listed.stdout)["data"]?.arrayValue?.first { ($0["assignees"]?.arrayValue?.isEmpty ?? true) == false })
            let id = try #require(task["id"]?.stringValue)

            let onTask = try Self.drive(site: dir + "/site", page: "tasks/\(id).html", steps: """
                who('maria');
                take('complete');
                var t = document.querySelector('textarea[name=content]'); t.value = 'Sent, thanks @jo'; t.setSelectionRange(t.value.length, t.value.length);
                t.dispatchEvent(new Event('input'));
                var pick = document.querySelector('.mention-list [data-mention="jonas"]'); if (pick) { pick.click(); }
                take('comment');
                tick('assign', ['jonas', 'priya']); take('assign');
                var f = document.querySelector('form[data-form="update"]'); f.elements.priority.value = 'urgent'; f.elements.due.value = '2026-04-01';
                take('update');
                """)
            #expect(onTask.console.isEmpty, "\(onTask.console)")
            #expect(onTask.taken.map(\.action) == ["complete", "comment", "assign", "update"])
            for edit in onTask.taken {
                let link = try #require(edit.link, "\(edit.action) has no host link")
                let parts = try #require(URLComponents(string: link))
                #expect(link.hasPrefix("https://github.com/acme/tasks/new/main?"))
                let edit_ = try JSONParser.parse(edit.json)
                #expect(parts.queryItems?.first { $0.name == "filename" }?.value == "crm/queue/\(edit_["id"]?.stringValue ?? "").json")
                #expect(parts.queryItems?.first { $0.name == "value" }?.value == edit.json)
                #expect(edit.command.hasPrefix("docket ") && edit.command.hasSuffix(" --actor maria"))
            }
            #expect(onTask.taken[1].json.contains("Sent, thanks @jonas "))
            try Self.queue(onTask.taken, in: dir + "/ws")
            let build = try docket(["build", "--workspace", dir + "/ws", "--out", dir + "/site", "--quiet"])
            #expect(build.status == 0, "\(build.stderr)")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir + "/ws/rejected")) ?? []).filter { $0.hasSuffix(".json") }.isEmpty)
            let shown = try JSONParser.parse(try docket(["show", id, "--json", "--workspace", dir + "/ws"]).stdout)
            let after = shown["data"] ?? shown
            #expect(after["status"]?.stringValue == "completed")
            #expect(after["priority"]?.stringValue == "urgent")
            #expect(after["assignees"]?.arrayValue?.compactMap(\.stringValue) == ["jonas", "priya"])
            let comments = try FileManager.default.contentsOfDirectory(atPath: dir + "/ws/comments/\(id)")
            #expect(try comments.contains { try read(dir + "/ws/comments/\(id)/\($0)").contains("Sent, thanks @jonas") })
        }
    }

    @Test func newTasksFromTheListAndARecordWithoutARepository() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.copyItem(atPath: packageRoot + "/data", toPath: dir + "/ws")
            #expect(try docket(["build", "--workspace", dir + "/ws", "--out", dir + "/site", "--quiet"]).status == 0)
            let fromRecord = try Self.drive(site: dir + "/site", page: "records/contact/cont_ada.html", steps: """
                who('jonas');
                var f = document.querySelector('form[data-form="create"]'); f.elements.title.value = 'Follow up with Ada'; f.elements.priority.value = 'high';
                f.elements.type.value = 'call'; f.elements.due.value = '2026-04-02'; tick('create', ['jonas']);
                take('create');
                """)
            let fromList = try Self.drive(site: dir + "/site", page: "tasks/index.html", steps: """
                who('priya');
                document.querySelector('form[data-form="create"]').elements.title.value = "Draft only";
                take('create');
                document.querySelector('form[data-form="create"]').elements.title.value = "Plan Q3's review";
                take('create');
                """)
            #expect(fromRecord.console.isEmpty && fromList.console.isEmpty, "\(fromRecord.console) \(fromList.console)")
            // No repository: no host link, the rest as before.
            #expect(fromRecord.taken.first?.link == nil && !fromRecord.dom.contains("data-edit-link"))
            #expect(fromRecord.taken.first?.command == "docket add 'Follow up with Ada' --type call --priority high --due 2026-04-02 --assign jonas --link contact:cont_ada --actor jonas")
            // A second edit from the same form is a new file (a new id), offered the same ways.
            #expect(fromList.taken.count == 2 && fromList.taken[0].json != fromList.taken[1].json)
            #expect(fromList.taken.last?.command == "docket add 'Plan Q3'\\''s review' --type todo --actor priya")
            try Self.queue(fromRecord.taken + fromList.taken.suffix(1), in: dir + "/ws")
            #expect(try docket(["build", "--workspace", dir + "/ws", "--out", dir + "/site", "--quiet"]).status == 0)
            let all = try JSONParser.parse(try docket(["list", "--json", "--workspace", dir + "/ws", "--search", "Ada"]).stdout)["data"]?.arrayValue ?? []
            let made = try #require(all.first { $0["title"]?.stringValue == "Follow up with Ada" })
            #expect(made["priority"]?.stringValue == "high" && made["type"]?.stringValue == "call")
            #expect(made["assignees"]?.arrayValue?.compactMap(\.stringValue) == ["jonas"])
            #expect(made["created_by"]?.stringValue == "jonas")
            let planned = try JSONParser.parse(try docket(["list", "--json", "--workspace", dir + "/ws", "--search", "Q3"]).stdout)["data"]?.arrayValue ?? []
            #expect(planned.contains { $0["title"]?.stringValue == "Plan Q3's review" })
        }
    }
}
