import Testing
@testable import DocketTemplates

// Typed views: templates bound to plain structs when they load. Each test
// renders the same template through the typed path and the JSON path
// (`docket template render`) and expects the same bytes: one semantics.

struct Person: TemplateView {
    var name: String
    var url: String
    var email: String?
    static let fields: [ViewField<Person>] = [
        .text("name") { $0.name }, .text("url") { $0.url }, .optionalText("email") { $0.email },
    ]
    var json: TemplateValue { ["name": .string(name), "url": .string(url), "email": email.map(TemplateValue.string) ?? .null] }
}

struct Card: TemplateView {
    var name = "Ada <Lovelace> & 'co'"
    var html = "<b>x</b>"
    var count = 41
    var flag = false
    var blank = ""
    var outer = "O"
    var tags = ["a&b", "c"]
    var none: [String] = []
    var person: Person? = Person(name: "Jane", url: "people/jane.html")
    var absent: Person?
    var people = [Person(name: "A", url: "a"), Person(name: "B", url: "b", email: "b@example.com")]
    var zero = 0

    static let viewName = "a card"
    static let fields: [ViewField<Card>] = [
        .text("name") { $0.name }, .text("html") { $0.html }, .number("count") { $0.count }, .flag("flag") { $0.flag },
        .text("blank") { $0.blank }, .text("outer") { $0.outer }, .texts("tags") { $0.tags }, .texts("none") { $0.none },
        .view("person") { $0.person }, .view("absent") { $0.absent }, .list("people") { $0.people }, .number("zero") { $0.zero },
    ]

    var json: TemplateValue {
        ["name": .string(name), "html": .string(html), "count": .int(count), "flag": .bool(flag), "blank": .string(blank),
         "outer": .string(outer), "tags": .list(tags.map(TemplateValue.string)), "none": [], "person": person?.json ?? .null,
         "absent": .null, "people": .list(people.map(\.json)), "zero": .int(zero)]
    }
}

func library(_ template: String, partials: [String: String] = [:]) throws -> TemplateLibrary {
    try TemplateLibrary([(name: "main", path: "main.mustache", text: template)] + partials.sorted { $0.key < $1.key }.map {
        (name: $0.key, path: $0.key + ".mustache", text: $0.value)
    })
}

/// The typed rendering, after checking the JSON path renders the same.
func typed(_ template: String, _ card: Card = Card(), partials: [String: String] = [:]) throws -> String {
    let library = try library(template, partials: partials)
    let rendered = try library.compile("main", views: [Card.self]).render(card)
    #expect(rendered == (try library.render("main", card.json)), "the typed and JSON paths differ")
    return rendered
}

func problems(_ template: String, partials: [String: String] = [:], views: [any TemplateView.Type] = [Card.self]) throws -> [String] {
    let library = try library(template, partials: partials)
    do throws(TemplateProblems) {
        _ = try library.compile("main", views: views)
        return []
    } catch { return error.errors.map(\.description) }
}

struct TypedViewRenderingTests {
    @Test func everyKindOfFieldRendersAsTheJSONPathDoes() throws {
        let template = """
            [{{name}}|{{{html}}}|{{count}}|{{#flag}}F{{/flag}}{{^flag}}f{{/flag}}|{{#blank}}B{{/blank}}]
            [{{#name}}in:{{name}}/{{outer}}{{/name}}|{{^none}}none{{/none}}|{{#tags}}<{{.}}>{{/tags}}]
            [{{#person}}{{name}}@{{url}} {{outer}}{{/person}}|{{person.name}}|{{#absent}}A{{/absent}}{{^absent}}a{{/absent}}]
            [{{#people}}{{name}}{{#email}}({{.}}){{/email}},{{/people}}|{{#zero}}Z{{zero}}{{/zero}}|{{absent.name}}]
            """
        #expect(try typed(template) == """
            [Ada &lt;Lovelace&gt; &amp; &#39;co&#39;|<b>x</b>|41|f|B]
            [in:Ada &lt;Lovelace&gt; &amp; &#39;co&#39;/O|none|<a&amp;b><c>]
            [Jane@people/jane.html O|Jane|a]
            [A,B(b@example.com),|Z0|]
            """)
    }

    @Test func aNameIsReadFromTheInnermostViewThatHasIt() throws {
        // Inside {{#person}}, `name` is the person's; `outer` falls through to the card.
        #expect(try typed("{{#person}}{{name}}{{outer}}{{/person}}{{name}}") == "JaneOAda &lt;Lovelace&gt; &amp; &#39;co&#39;")
        // A dotted name's later parts are read only inside what its first part found (the
        // specification's "context precedence"): an absent person prints nothing, not the card's name.
        #expect(try typed("{{#people}}[{{person.name}}]{{/people}}") == "[Jane][Jane]")
        #expect(try typed("{{absent.name}}|{{#absent}}{{name}}{{/absent}}") == "|")
    }

    @Test func partialsAndInheritanceAreBoundWhereTheyAreUsed() throws {
        let partials = [
            "line": "<{{name}}>\n",
            "frame": "top\n<{{$body}}default {{count}}{{/body}}>\nend\n",
        ]
        // The same partial reads the card's name at the top and each person's inside the list.
        #expect(try typed("{{>line}}{{#people}}\n  {{>line}}\n{{/people}}", partials: partials)
            == "<Ada &lt;Lovelace&gt; &amp; &#39;co&#39;>\n  <A>\n  <B>\n")
        #expect(try typed("{{<frame}}{{/frame}}", partials: partials) == "top\n<default 41>\nend\n")
        // The override is bound where the parent uses it: inside the parent, names still reach the card.
        #expect(try typed("{{<frame}}{{$body}}{{#people}}{{name}}{{outer}} {{/people}}{{/body}}{{/frame}}", partials: partials)
            == "top\n<AO BO >\nend\n")
        // Standalone partial indentation: the partial's lines, not the values it prints.
        #expect(try typed("  {{>line}}|", Card(name: "a\nb"), partials: partials) == "  <a\nb>\n|")
    }
}

struct TypedViewLoadErrorTests {
    @Test func anUnknownNameIsALoadErrorWithItsPlaceAndTheClosestName() throws {
        #expect(try problems("ok\n  {{nmae}}") == [
            "main.mustache:2:3: error: no field 'nmae' in a card view; did you mean 'name'?",
        ])
        #expect(try problems("{{#people}}{{emial}}{{/people}}") == [
            "main.mustache:1:12: error: no field 'emial' in Person view or a card view; did you mean 'email'?",
        ])
    }

    @Test func dottedNamesAreCheckedPartByPart() throws {
        #expect(try problems("{{person.nam}}") == ["main.mustache:1:1: error: no field 'nam' in Person view (in 'person.nam'); did you mean 'name'?"])
        #expect(try problems("{{count.value}}") == [
            "main.mustache:1:1: error: 'count.value': 'count' of a card view has no fields, so 'value' cannot be read from it",
        ])
    }

    @Test func everyProblemIsListedOnceEvenInAPartialUsedTwice() throws {
        let found = try problems("{{one}}{{>p}}{{>p}}{{two}}", partials: ["p": "{{three}}"])
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("p.mustache:1:1: error: no field 'three'") })
        #expect(found.contains { $0.hasPrefix("main.mustache:1:20: error: no field 'two'") })
    }

    @Test func aSectionOverATextListHasOnlyTheImplicitName() throws {
        #expect(try problems("{{#tags}}{{.}}{{/tags}}").isEmpty)
        // Inside it, names still fall through to the card.
        #expect(try problems("{{#tags}}{{outer}}{{/tags}}").isEmpty)
        #expect(try problems("{{#tags}}{{label}}{{/tags}}").count == 1)
    }
}
