import Foundation
import Testing

/// `docket template render` and `docket template check`, for theme authors.
struct TemplateCommandTests {
    @Test func renderPrintsExactlyTheRenderedBytesWithPartialsFromAFolder() throws {
        try withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(atPath: dir + "/partials/cards", withIntermediateDirectories: true)
            try "{{#tasks}}\n  {{>cards/card}}\n{{/tasks}}".write(toFile: dir + "/list.mustache", atomically: true, encoding: .utf8)
            try "<li>{{title}} ({{n}})</li>\n".write(toFile: dir + "/partials/cards/card.mustache", atomically: true, encoding: .utf8)
            let result = try docket(["template", "render", dir + "/list.mustache", "--partials", dir + "/partials",
                                     "--data", #"{"tasks": [{"title": "Call <Ada>", "n": 1}, {"title": "Send", "n": 2.5}]}"#])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "  <li>Call &lt;Ada&gt; (1)</li>\n  <li>Send (2.5)</li>\n")  // nothing added, not even a newline
            try #"{"tasks": []}"#.write(toFile: dir + "/data.json", atomically: true, encoding: .utf8)
            #expect(try docket(["template", "render", dir + "/list.mustache", "--partials", dir + "/partials", "--data", "@" + dir + "/data.json"]).stdout == "")
        }
    }

    @Test func badDataAndBadTemplatesSayWhere() throws {
        try withTemporaryDirectory { dir in
            try "{{#open}}\n{{/close}}".write(toFile: dir + "/t.mustache", atomically: true, encoding: .utf8)
            let json = try docket(["template", "render", dir + "/t.mustache", "--data", "{\"a\": [1,"])
            #expect(json.status == 1 && json.stderr == "--data:1:10: error: invalid JSON: unexpected end of file, expected a value\n")
            let template = try docket(["template", "render", dir + "/t.mustache"])
            #expect(template.status == 1 && template.stderr == "\(dir)/t.mustache:2:1: error: '{{/close}}' does not close 'open', opened at 1:1; expected '{{/open}}'\n")
            try "{{>missing}}".write(toFile: dir + "/p.mustache", atomically: true, encoding: .utf8)
            let partial = try docket(["template", "render", dir + "/p.mustache"])
            #expect(partial.status == 1 && partial.stderr.contains("p.mustache:1:1: error: no template 'missing' to include"))
        }
    }

    @Test func checkPassesTheShippedThemeAndNamesATyposLineWithASuggestion() throws {
        let shipped = try docket(["template", "check"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        try withTemporaryDirectory { dir in
            let task = try read(packageRoot + "/templates/task.mustache").replacingOccurrences(of: "<h1>{{title}}", with: "<h1>{{titel}}")
                .replacingOccurrences(of: "{{#author}}<a href=\"{{url}}\">{{name}}", with: "{{#author}}<a href=\"{{url}}\">{{nmae}}")
            try task.write(toFile: dir + "/task.mustache", atomically: true, encoding: .utf8)
            let typo = try docket(["template", "check", dir])
            #expect(typo.status == 1)
            // Every problem, each where it is, with the views in scope there and the closest name.
            #expect(typo.stderr.contains("\(dir)/task.mustache:4:5: error: no field 'titel' in a task page view, a task view or the layout view; did you mean 'title'?"))
            #expect(typo.stderr.contains("error: no field 'nmae' in a person view, a comment view, a task page view, a task view or the layout view; did you mean 'name'?"))
            #expect(typo.stderr.contains("error: 2 problem(s) in \(dir)"))
            // The same check runs whenever a theme loads: a build with it stops before writing anything.
            let build = try docket(["build", "--workspace", fixtures + "/basic", "--out", dir + "/site", "--templates", dir, "--now", "2026-03-18T13:00:00Z"])
            #expect(build.status == 1 && build.stderr.contains("task.mustache:4:5: error: no field 'titel' in a task page view"))
            #expect(!FileManager.default.fileExists(atPath: dir + "/site/index.html"))
            try "{{<layout}}{{$content}}{{#x}}{{/content}}{{/layout}}".write(toFile: dir + "/board.mustache", atomically: true, encoding: .utf8)
            let broken = try docket(["template", "check", dir])
            #expect(broken.status == 1 && broken.stderr.contains("\(dir)/board.mustache:1:30: error: '{{/content}}' does not close 'x'"))
        }
    }
}
